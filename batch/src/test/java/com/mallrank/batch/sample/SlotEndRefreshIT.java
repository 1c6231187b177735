package com.mallrank.batch.sample;

import static org.assertj.core.api.Assertions.assertThat;

import com.mallrank.batch.config.IndexProperties;
import com.mallrank.batch.testing.MallrankIT;
import com.mallrank.batch.testing.SandboxSlotSupport;
import com.mallrank.index.report.Reports;
import com.mallrank.index.report.SlotCounts;
import com.mallrank.index.security.MallrankRole;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * "A report right after a slot sees it" with the shipped {@code index.refresh: false}: the slot's
 * indices are created with automatic refresh switched off, so nothing the bulks wrote is searchable
 * until someone refreshes; a report query run as soon as the slot completes must still see every
 * sample and listing (the refresh at the end of the slot's sampling, {@link SlotIndices}).
 */
@MallrankIT(properties = "batch.threads=2")
class SlotEndRefreshIT extends SandboxSlotSupport {

  private static final Instant SLOT = Instant.parse("2026-11-29T07:00:00Z");
  @Autowired IndexProperties indexProperties;
  @Autowired Reports reports;

  @Test
  void aReportRightAfterTheSlotSeesEveryDocumentWithoutPerBulkRefreshes() throws Exception {
    assertThat(indexProperties.refresh()).as("the shipped default").isEqualTo("false");
    elasticsearch.ensureSchema(); // puts the index templates
    var client = elasticsearch.client(MallrankRole.ADMIN);
    var names = elasticsearch.names();
    for (String index : new String[] {names.listingsIndex(SLOT), names.samplesIndex(SLOT)}) {
      client
          .indices()
          .create(c -> c.index(index).settings(s -> s.refreshInterval(t -> t.time("-1"))));
    }
    var group = plans.plan().requireGroup(GROUP);
    sandbox.mall().setTime(SLOT);
    int tasks = group.keywords().size() * group.vantages().size();
    long expectedListings = 0;
    for (String keyword : group.keywords()) {
      for (String vantage : group.vantages()) {
        expectedListings +=
            Math.min(sandbox.mall().world().results(keyword, SLOT, vantage).size(), group.depth());
      }
    }

    JobExecution execution = launcher.launch(GROUP, SLOT);

    assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
    SlotCounts counts = reports.counts(SLOT);
    assertThat(counts.samples()).isEqualTo(tasks);
    assertThat(counts.listings()).isEqualTo(expectedListings).isPositive();
    assertThat(reports.top20(SLOT, group.vantages().get(0), group.keywords()).keywords())
        .hasSize(group.keywords().size())
        .allSatisfy(k -> assertThat(k.status()).isIn("ok", "empty"));
    // automatic refresh stayed off: what the report saw came from the slot's own refresh
    assertThat(
            client
                .indices()
                .getSettings(g -> g.index(names.listingsIndex(SLOT)))
                .get(names.listingsIndex(SLOT))
                .settings()
                .index()
                .refreshInterval()
                .time())
        .isEqualTo("-1");
  }
}
