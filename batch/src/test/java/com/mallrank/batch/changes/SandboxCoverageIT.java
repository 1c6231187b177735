package com.mallrank.batch.changes;

import static org.assertj.core.api.Assertions.assertThat;

import com.mallrank.batch.plan.KeywordGroup;
import com.mallrank.batch.testing.MallrankIT;
import com.mallrank.batch.testing.SandboxSlotSupport;
import com.mallrank.crawler.sandbox.SandboxCard;
import com.mallrank.crawler.sandbox.SandboxWorld;
import com.mallrank.index.report.CoverageReport;
import com.mallrank.index.report.Reports;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;

/**
 * The matrix-account manager's view on the sandbox: after sampling one slot from every vantage, the
 * coverage grid, cannibalisation, gaps, near misses and unranked keywords equal what the mall's
 * ground truth says for that slot.
 */
@MallrankIT(properties = "batch.threads=2")
class SandboxCoverageIT extends SandboxSlotSupport {

  private static final Instant SLOT = Instant.parse("2026-11-28T10:00:00Z");

  @Test
  void coverageMatchesTheGroundTruthOfTheSlot() {
    KeywordGroup group = plans.plan().requireGroup(GROUP);
    sandbox.mall().setTime(SLOT);
    assertThat(launcher.launch(GROUP, SLOT).getStatus()).isEqualTo(BatchStatus.COMPLETED);

    CoverageReport report =
        new Reports(elasticsearch.client(), elasticsearch.names())
            .coverage(SLOT, SLOT.plusSeconds(60), group.keywords(), group.vantages());

    SandboxWorld world = sandbox.mall().world();
    Map<String, int[]> cells = new TreeMap<>(); // keyword|account -> best, samples
    Map<String, Set<String>> cannibalised = new TreeMap<>();
    Map<String, Integer> nearMisses = new TreeMap<>(); // keyword|account -> best in 21..50
    Set<String> gaps = new TreeSet<>();
    List<String> unranked = new ArrayList<>();
    for (String keyword : group.keywords()) {
      boolean anyResults = false;
      boolean covered = false;
      for (String vantage : group.vantages()) {
        List<SandboxCard> page = world.results(keyword, SLOT, vantage);
        anyResults |= !page.isEmpty();
        Set<String> inTop20 = new TreeSet<>();
        for (SandboxCard card : page) {
          String account = card.matrixAccount();
          if (account == null || card.position() > group.depth()) {
            continue;
          }
          if (card.position() <= 20) {
            inTop20.add(account);
            int[] cell = cells.computeIfAbsent(keyword + "|" + account, k -> new int[] {99, 0});
            cell[0] = Math.min(cell[0], card.position());
          } else if (card.position() <= 50) {
            nearMisses.merge(keyword + "|" + account, card.position(), Math::min);
          }
        }
        inTop20.forEach(a -> cells.get(keyword + "|" + a)[1]++);
        covered |= !inTop20.isEmpty();
        if (inTop20.size() >= 2) {
          cannibalised.computeIfAbsent(keyword, k -> new TreeSet<>()).addAll(inTop20);
        }
      }
      if (!anyResults) {
        unranked.add(keyword);
      } else if (!covered) {
        gaps.add(keyword);
      }
    }

    assertThat(report.cells())
        .extracting(
            c -> c.keyword() + "|" + c.account() + "=" + c.bestRank() + "/" + c.samplesInTop20())
        .containsExactlyInAnyOrderElementsOf(
            cells.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()[0] + "/" + e.getValue()[1])
                .toList());
    assertThat(report.cannibalisation())
        .extracting(c -> c.keyword() + "=" + c.accounts())
        .containsExactlyInAnyOrderElementsOf(
            cannibalised.entrySet().stream()
                .map(e -> e.getKey() + "=" + List.copyOf(e.getValue()))
                .toList());
    assertThat(report.cannibalisation()).extracting(c -> c.keyword()).contains("加厚羽绒服女长款");
    assertThat(report.gaps()).extracting(g -> g.keyword()).containsExactlyElementsOf(gaps);
    assertThat(report.nearMisses())
        .extracting(n -> n.keyword() + "|" + n.account() + "=" + n.bestPosition())
        .containsExactlyInAnyOrderElementsOf(
            nearMisses.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
    assertThat(report.unranked()).containsExactlyElementsOf(unranked);
    assertThat(report.unranked()).containsExactly(world.noResultsKeyword());
  }
}
