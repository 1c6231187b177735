package com.mallrank.batch.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mallrank.batch.sample.SampleLauncher.SlotRefusedException;
import com.mallrank.batch.testing.MallrankIT;
import com.mallrank.batch.testing.SandboxSlotSupport;
import com.mallrank.crawler.sandbox.Fault;
import com.mallrank.crawler.sandbox.SandboxCard;
import com.mallrank.index.document.ListingDocument;
import com.mallrank.index.report.KeywordTop20;
import com.mallrank.index.report.Reports;
import com.mallrank.index.report.Top20Report;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;

/**
 * The sample job end to end on the sandbox mall and the real local Elasticsearch: given the starter
 * plan, when a slot is sampled, then what is stored is exactly what the mall showed.
 */
// One thread: the blocked-identity test relies on the plan order of a sequential run (with
// several partitions the identity still rests, from whenever it was blocked).
@MallrankIT(properties = "batch.threads=1")
class SampleJobFunctionalIT extends SandboxSlotSupport {

  private static final Instant SLOT = Instant.parse("2026-11-28T06:00:00Z");

  @AfterEach
  void clearFaults() {
    sandbox.mall().faults().clearAll();
  }

  private Reports reports() {
    return new Reports(elasticsearch.client(), elasticsearch.names());
  }

  @Test
  void storesExactlyWhatTheMallShowedAndRefusesASecondRunOfTheSlot() {
    var group = plans.plan().requireGroup(GROUP);
    sandbox.mall().setTime(SLOT);

    JobExecution execution = launcher.launch(GROUP, SLOT);

    assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
    int tasks = group.keywords().size() * group.vantages().size();
    // One partition per keyword shard; together they wrote every task once.
    assertThat(
            execution.getStepExecutions().stream()
                .filter(s -> s.getStepName().startsWith(SampleJobConfiguration.STEP_NAME + ":"))
                .mapToLong(StepExecution::getWriteCount)
                .sum())
        .isEqualTo((long) tasks);
    // Listings stored = listings the mall showed, per (keyword, vantage), up to the group's depth.
    long expectedListings = 0;
    for (String keyword : group.keywords()) {
      for (String vantage : group.vantages()) {
        int shown = sandbox.mall().world().results(keyword, SLOT, vantage).size();
        expectedListings += Math.min(shown, group.depth());
        assertThat(reports().onProfile("sandbox-static").listingCount(SLOT, keyword, vantage))
            .as("%s @ %s", keyword, vantage)
            .isEqualTo(Math.min(shown, group.depth()));
      }
    }
    assertThat(reports().counts(SLOT).listings()).isEqualTo(expectedListings);
    assertThat(reports().counts(SLOT).samples()).isEqualTo(tasks);
    // The no-results keyword is EMPTY from every vantage; everything else OK.
    assertThat(reports().counts(SLOT).samplesByStatus())
        .containsEntry("empty", (long) group.vantages().size())
        .containsEntry("ok", (long) tasks - group.vantages().size())
        .hasSize(2);

    // A second run of the slot is refused and changes nothing.
    assertThatThrownBy(() -> launcher.launch(GROUP, SLOT))
        .isInstanceOf(SlotRefusedException.class)
        .hasMessageContaining("sampled already");
    assertThat(reports().counts(SLOT).listings()).isEqualTo(expectedListings);
    assertThat(reports().counts(SLOT).samples()).isEqualTo(tasks);

    // The Top-20 report equals the sandbox's ground truth, for every vantage.
    for (String vantage : group.vantages()) {
      Top20Report report =
          new Reports(elasticsearch.client(), elasticsearch.names())
              .top20(SLOT, vantage, group.keywords());
      for (KeywordTop20 keyword : report.keywords()) {
        List<SandboxCard> truth =
            sandbox.mall().world().results(keyword.keyword(), SLOT, vantage).stream()
                .filter(c -> c.position() <= 20)
                .toList();
        if (truth.isEmpty()) {
          assertThat(keyword.status()).isEqualTo("empty");
          assertThat(keyword.listings()).isEmpty();
          continue;
        }
        assertThat(keyword.status()).isEqualTo("ok");
        assertThat(keyword.listings())
            .extracting(
                ListingDocument::position,
                ListingDocument::productId,
                ListingDocument::sponsored,
                ListingDocument::priceFen,
                ListingDocument::matrixAccount)
            .as("%s @ %s", keyword.keyword(), vantage)
            .containsExactlyElementsOf(
                truth.stream()
                    .map(
                        c ->
                            org.assertj.core.groups.Tuple.tuple(
                                c.position(),
                                c.productId(),
                                c.sponsored(),
                                c.price().movePointRight(2).longValueExact(),
                                c.matrixAccount()))
                    .toList());
      }
    }
  }

  @Test
  void aBlockedPageIsStoredAsBlockedWithNoListingsAndTheIdentityRestsSkipped() {
    Instant slot = SLOT.plusSeconds(3600);
    sandbox.mall().setTime(slot);
    sandbox.mall().faults().set("男士冲锋衣三合一", Fault.CAPTCHA);

    launcher.launch(GROUP, slot);

    Top20Report report =
        new Reports(elasticsearch.client(), elasticsearch.names())
            .top20(slot, "anonymous", List.of("高领毛衣女内搭", "男士冲锋衣三合一", "火星土壤盆栽礼盒"));
    // Sampled before the captcha: untouched.
    assertThat(report.keyword("高领毛衣女内搭").orElseThrow().listings()).hasSize(20);
    // The captcha page: blocked, with its evidence, and no listings at all.
    KeywordTop20 blocked = report.keyword("男士冲锋衣三合一").orElseThrow();
    assertThat(blocked.status()).isEqualTo("blocked");
    assertThat(blocked.listings()).isEmpty();
    assertThat(blocked.sample().marker()).contains("captcha");
    assertThat(reports().onProfile("sandbox-static").listingCount(slot, "男士冲锋衣三合一", "anonymous"))
        .isZero();
    // The blocked identity rests for the rest of the run: not fetched, stored as skipped
    // (reason cooldown), never as a second captcha and never dropped.
    KeywordTop20 resting = report.keyword("火星土壤盆栽礼盒").orElseThrow();
    assertThat(resting.status()).isEqualTo("skipped");
    assertThat(resting.sample().marker()).isEqualTo("cooldown");
    assertThat(reports().counts(slot).samples()).isEqualTo(32);
  }
}
