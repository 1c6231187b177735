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
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * What one retention run does, for {@code mallrank retention} and the {@code retention} job alike:
 * raw listings older than the window summarised into daily per-keyword summaries and deleted (as
 * the admin role, waiting for the refresh), then the evidence of the same days.
 */
@Component
public class RetentionRun {

  private final ElasticsearchRuntime elasticsearch;
  private final EvidenceKeeper evidence;

  public RetentionRun(ElasticsearchRuntime elasticsearch, EvidenceKeeper evidence) {
    this.elasticsearch = elasticsearch;
    this.evidence = evidence;
  }

  /** Summarises and deletes the raw listings older than {@code keep}. */
  public RetentionResult listings(Duration keep) {
    return new Retention(
            elasticsearch.client(MallrankRole.ADMIN),
            elasticsearch.names(),
            Clock.systemUTC(),
            Refresh.WaitFor)
        .run(keep);
  }

  /**
   * Deletes the evidence of the slots before {@code cutoff} (what failed samples showed goes with
   * the raw listings of the same days).
   *
   * @return the slot folders deleted
   */
  public int evidenceBefore(Instant cutoff) throws IOException {
    return evidence.store().pruneBefore(cutoff);
  }
}
