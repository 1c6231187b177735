package com.mallrank.batch.retention;

import co.elastic.clients.elasticsearch._types.Refresh;
import com.mallrank.batch.evidence.EvidenceKeeper;
import com.mallrank.batch.runtime.ElasticsearchRuntime;
import com.mallrank.index.retention.Retention;
import com.mallrank.index.retention.RetentionResult;
import com.mallrank.index.security.MallrankRole;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * The one way mallrank runs {@link Retention}, for the {@code retention} job and {@code mallrank
 * retention} alike: as the admin role, on the configured indices, waiting for the refresh; then the
 * kept evidence of failed samples goes with the raw listings of the same days.
 */
@Component
public record Retentions(
    ElasticsearchRuntime elasticsearch, RetentionProperties properties, EvidenceKeeper evidence) {

  /** What one run removed. */
  public record Outcome(RetentionResult listings, int evidenceSlots) {}

  /**
   * Summarises and deletes the raw listings older than {@code batch.retention.keep-days}, then the
   * evidence slot folders before the same cutoff.
   *
   * @throws IOException when the evidence folders cannot be listed or deleted
   */
  public Outcome run() throws IOException {
    return run(properties.keepDays());
  }

  /**
   * As {@link #run()}, keeping {@code keepDays} days of raw listings.
   *
   * @throws IOException when the evidence folders cannot be listed or deleted
   */
  public Outcome run(int keepDays) throws IOException {
    RetentionResult result =
        new Retention(
                elasticsearch.client(MallrankRole.ADMIN),
                elasticsearch.names(),
                Clock.systemUTC(),
                Refresh.WaitFor)
            .run(Duration.ofDays(keepDays));
    return new Outcome(result, evidence.store().pruneBefore(result.cutoff()));
  }
}
