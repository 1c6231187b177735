package com.mallrank.batch.evidence;

import com.mallrank.batch.config.CrawlerProperties;
import com.mallrank.crawler.evidence.EvidenceStore;
import com.mallrank.crawler.fetch.Cookie;
import com.mallrank.crawler.fetch.CookieJar;
import com.mallrank.crawler.fetch.FetchResponse;
import com.mallrank.crawler.sampler.SampleResult;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
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

  @Autowired
  public EvidenceKeeper(CrawlerProperties properties) {
    this(
        properties.evidence().enabled(),
        new EvidenceStore(properties.evidence().dir(), properties.evidence().maxSize().toBytes()));
  }

  public EvidenceKeeper(boolean enabled, EvidenceStore store) {
    this.enabled = enabled;
    this.store = store;
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
    FetchResponse seen = result.seen();
    if (!enabled || result.page().status().producesRanks() || seen == null) {
      return Optional.empty();
    }
    List<String> secrets =
        cookies == null ? List.of() : cookies.all().stream().map(Cookie::value).toList();
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

  private static boolean isJson(FetchResponse response) {
    String type = response.contentType();
    if (type != null && type.toLowerCase(Locale.ROOT).contains("json")) {
      return true;
    }
    String body = response.body().stripLeading();
    return body.startsWith("{") || body.startsWith("[");
  }
}
