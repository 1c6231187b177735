package com.mallrank.batch.sample;

import com.mallrank.batch.evidence.EvidenceKeeper;
import com.mallrank.batch.ops.SampleMetrics;
import com.mallrank.batch.plan.MatrixOwnership;
import com.mallrank.crawler.fetch.CookieJar;
import com.mallrank.crawler.profile.SiteProfile;
import com.mallrank.crawler.sampler.KeywordSampler;
import com.mallrank.crawler.sampler.SampleResult;
import com.mallrank.index.document.SampleDocument;
import com.mallrank.index.write.Snapshot;
import com.mallrank.index.write.StoredSamples;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Takes the sample of one task. Whatever the site does, the result is a snapshot with a status: a
 * blocked or broken page is recorded as such, never dropped and never turned into ranks. This is
 * the job's skip policy: a keyword whose sampling throws is not skipped but stored as a sample with
 * status {@code error} and the reason. A matrix account whose saved login state cannot be used has
 * its samples skipped ({@code needs-login}, the reason in the detail) before any request; not on a
 * surface read from phone captures ({@code fetch.with: har}): the phone holds that login, and the
 * state file is neither checked nor read for it.
 */
class SampleProcessor implements ItemProcessor<SampleTask, Snapshot> {

  private static final Logger log = LoggerFactory.getLogger(SampleProcessor.class);

  private final Instant slot;
  private final KeywordSampler sampler;
  private final Function<String, SiteProfile> profiles;
  private final String base;
  private final Function<String, CookieJar> cookies;
  private final MatrixOwnership ownership;
  private final SampleMetrics metrics;
  private final UnaryOperator<Snapshot> images;
  private final StoredSamples stored;
  private final EvidenceKeeper evidence;
  private final Function<String, Optional<String>> loginTrouble;
  private final Set<String> usableLogins = ConcurrentHashMap.newKeySet();

  SampleProcessor(
      Instant slot,
      KeywordSampler sampler,
      Function<String, SiteProfile> profiles,
      String base,
      Function<String, CookieJar> cookies,
      MatrixOwnership ownership,
      SampleMetrics metrics,
      UnaryOperator<Snapshot> images,
      StoredSamples stored,
      EvidenceKeeper evidence,
      Function<String, Optional<String>> loginTrouble) {
    this.evidence = evidence;
    this.loginTrouble = loginTrouble;
    this.slot = slot;
    this.sampler = sampler;
    this.profiles = profiles;
    this.base = base;
    this.cookies = cookies;
    this.ownership = ownership;
    this.metrics = metrics;
    this.images = images;
    this.stored = stored;
  }

  @Override
  public Snapshot process(SampleTask task) {
    Instant started = Instant.now();
    if (!task.sharedWith().isEmpty()) {
      // another group of the same profile may already have fetched this keyword and vantage
      Optional<SampleDocument> existing =
          stored.find(slot, task.profile(), task.keyword(), task.vantage());
      if (existing.isPresent()) {
        log.debug(
            "{} @ {}: served by the fetch of group(s) {}",
            task.keyword(),
            task.vantage(),
            existing.get().group());
        return Snapshot.served(existing.get().servingAlso(task.group()));
      }
    }
    try {
      SiteProfile profile = profiles.apply(task.profile());
      // A login state that cannot be used (missing, too open, expired) is this account's trouble
      // only: its samples are skipped as needs-login, with the reason; the others go on. A phone
      // capture sends nothing: no state file to check, no cookies to read.
      boolean phone = profile.fetch().har();
      Optional<String> trouble = phone ? Optional.empty() : troubleOf(task.vantage());
      trouble.ifPresent(reason -> sampler.needsLogin(task.vantage(), reason));
      CookieJar jar =
          phone || trouble.isPresent() ? CookieJar.empty() : cookies.apply(task.vantage());
      SampleResult result =
          sampler.sample(profile, base, task.keyword(), task.vantage(), jar, task.depth(), slot);
      metrics.pages(task.group(), Math.max(1, result.attempts()));
      log.debug("{} @ {}: {}", task.keyword(), task.vantage(), result.page().status().code());
      Snapshot mapped = SnapshotMapper.toSnapshot(task, slot, result, ownership);
      Snapshot snapshot =
          evidence == null
              ? mapped
              : (phone
                      ? evidence.keepCapture(
                          slot, task.profile(), task.vantage(), task.keyword(), result)
                      : evidence.keep(
                          slot, task.profile(), task.vantage(), task.keyword(), result, jar))
                  .map(p -> new Snapshot(mapped.sample().withEvidencePath(p.toString()), List.of()))
                  .orElse(mapped);
      return images.apply(snapshot);
    } catch (RuntimeException e) {
      log.warn("{} @ {}: error: {}", task.keyword(), task.vantage(), e.toString());
      return SnapshotMapper.error(task, slot, started, e);
    }
  }

  /**
   * Why the vantage's login state cannot be used: asked again for each of its samples while it
   * cannot (a new login, {@code accounts login}, may fix it within the slot, and then takes back
   * its needs-login mark); once usable, not checked again by this partition.
   */
  private Optional<String> troubleOf(String vantage) {
    if (usableLogins.contains(vantage)) {
      return Optional.empty();
    }
    Optional<String> trouble = loginTrouble.apply(vantage);
    if (trouble.isEmpty()) {
      usableLogins.add(vantage);
    }
    return trouble;
  }
}
