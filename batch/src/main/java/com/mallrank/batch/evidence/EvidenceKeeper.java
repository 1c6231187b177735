package com.mallrank.batch.evidence;

import com.mallrank.batch.config.CrawlerProperties;
import com.mallrank.batch.runtime.BrowserRuntime;
import com.mallrank.crawler.evidence.EvidenceStore;
import com.mallrank.crawler.fetch.CookieJar;
import com.mallrank.crawler.fetch.FetchResponse;
import com.mallrank.crawler.fetch.StorageState;
import com.mallrank.crawler.fetch.browser.StorageStates;
import com.mallrank.crawler.sampler.SampleResult;
import com.mallrank.index.document.DocumentIds;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Keeps what the tracker saw of every sample that produces no ranks ({@link
 * com.mallrank.crawler.model.SampleStatus#producesRanks()} is the one rule), so a user can fix a
 * profile from real evidence: the body or captured responses and a browser page's screenshot, with
 * the identity's cookie values and token parameters removed ({@link EvidenceStore}). Failing to
 * keep evidence never fails the sample: it is logged and the sample goes on without a path.
 */
@Component
public class EvidenceKeeper {

  private static final Logger log = LoggerFactory.getLogger(EvidenceKeeper.class);

  private final boolean enabled;
  private final EvidenceStore store;
  private final StorageStates states;

  @Autowired
  public EvidenceKeeper(CrawlerProperties properties, BrowserRuntime browser) {
    this(
        properties.evidence().enabled(),
        new EvidenceStore(
            properties.evidence().dir(),
            properties.evidence().maxSize().toBytes(),
            DocumentIds::compactSlot),
        browser.storageStates());
  }

  /**
   * @param states the identities' login states: the cookie and local-storage values they hold are
   *     masked too (a logged-in page may echo them)
   */
  public EvidenceKeeper(boolean enabled, EvidenceStore store, StorageStates states) {
    this.enabled = enabled;
    this.store = store;
    this.states = states;
  }

  public EvidenceStore store() {
    return store;
  }

  /**
   * Keeps the evidence of one sample when it produced no ranks and something was received; returns
   * where the body went.
   *
   * @param cookies the identity's cookies: their values are removed wherever they appear
   */
  public Optional<Path> keep(
      Instant slot,
      String profile,
      String vantage,
      String keyword,
      SampleResult result,
      CookieJar cookies) {
    return keep(slot, profile, vantage, keyword, result, cookies, true);
  }

  /**
   * {@link #keep} for a sample read from a phone capture ({@code fetch.with: har}): nothing was
   * sent with the vantage's login state, so its file is not read (it may not exist: the phone holds
   * that login).
   */
  public Optional<Path> keepCapture(
      Instant slot, String profile, String vantage, String keyword, SampleResult result) {
    return keep(slot, profile, vantage, keyword, result, null, false);
  }

  private Optional<Path> keep(
      Instant slot,
      String profile,
      String vantage,
      String keyword,
      SampleResult result,
      CookieJar cookies,
      boolean maskState) {
    FetchResponse seen = result.seen();
    if (!enabled || result.page().status().producesRanks() || seen == null) {
      return Optional.empty();
    }
    List<String> secrets = new ArrayList<>();
    if (cookies != null) {
      cookies.all().forEach(c -> secrets.add(c.value()));
    }
    try {
      if (maskState) {
        secrets.addAll(stateSecrets(vantage));
      }
    } catch (IOException | RuntimeException e) {
      // never the exception's text: a parse error may quote the secret file
      log.warn("evidence of {} @ {} not kept: its login state cannot be read", keyword, vantage);
      return Optional.empty();
    }
    try {
      return Optional.of(
          store.write(
              slot,
              profile,
              vantage,
              keyword,
              seen.body(),
              isJson(seen),
              seen.screenshot(),
              secrets));
    } catch (IOException | RuntimeException e) {
      log.warn("could not keep the evidence of {} @ {}: {}", keyword, vantage, e.toString());
      return Optional.empty();
    }
  }

  /**
   * The values in an identity's login state: its cookies' and its local storage's (read only to
   * mask them; never logged).
   */
  private List<String> stateSecrets(String vantage) throws IOException {
    Optional<Path> file = states.fileOf(vantage);
    if (file.isEmpty()) {
      return List.of();
    }
    return StorageState.read(file.get()).secretValues();
  }

  private static boolean isJson(FetchResponse response) {
    String type = response.contentType();
    if (type != null && type.toLowerCase(Locale.ROOT).contains("json")) {
      return true;
    }
    String body = response.body().stripLeading();
    return body.startsWith("{") || body.startsWith("[");
  }
}
