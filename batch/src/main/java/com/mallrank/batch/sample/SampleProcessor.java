package com.mallrank.batch.sample;

import com.mallrank.batch.plan.MatrixOwnership;
import com.mallrank.crawler.profile.SiteProfile;
import com.mallrank.crawler.sampler.KeywordSampler;
import com.mallrank.crawler.sampler.SampleResult;
import com.mallrank.crawler.sandbox.SandboxMall;
import com.mallrank.index.write.Snapshot;
import java.time.Instant;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Takes the sample of one task. Whatever the site does, the result is a snapshot with a status: a
 * blocked or broken page is recorded as such, never dropped and never turned into ranks.
 */
class SampleProcessor implements ItemProcessor<SampleTask, Snapshot> {

  private static final Logger log = LoggerFactory.getLogger(SampleProcessor.class);

  private final Instant slot;
  private final KeywordSampler sampler;
  private final Function<String, SiteProfile> profiles;
  private final String base;
  private final boolean sandbox;
  private final MatrixOwnership ownership;

  SampleProcessor(
      Instant slot,
      KeywordSampler sampler,
      Function<String, SiteProfile> profiles,
      String base,
      boolean sandbox,
      MatrixOwnership ownership) {
    this.slot = slot;
    this.sampler = sampler;
    this.profiles = profiles;
    this.base = base;
    this.sandbox = sandbox;
    this.ownership = ownership;
  }

  @Override
  public Snapshot process(SampleTask task) {
    SampleResult result =
        sampler.sample(
            profiles.apply(task.profile()),
            base,
            task.keyword(),
            task.vantage(),
            cookiesOf(task.vantage()),
            task.depth());
    log.debug("{} @ {}: {}", task.keyword(), task.vantage(), result.page().status().code());
    return SnapshotMapper.toSnapshot(task, slot, result, ownership);
  }

  /** The sandbox knows a searcher by a cookie; real accounts bring their saved login state. */
  private Map<String, String> cookiesOf(String vantage) {
    if (sandbox && !vantage.equals("anonymous")) {
      return Map.of(SandboxMall.IDENTITY_COOKIE, vantage);
    }
    return Map.of();
  }
}
