package com.mallrank.index.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.mallrank.index.document.ListingDocument;
import com.mallrank.index.document.SampleDocument;
import com.mallrank.index.testing.Fixtures;
import com.mallrank.index.testing.LocalElasticsearchTest;
import com.mallrank.index.testing.TestIndices;
import com.mallrank.index.write.Snapshot;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What {@code profile repair} and the health report read from the store: the newest layout_changed
 * sample that kept its evidence with the last ok sample before it (the same vantage first) and its
 * listings; per profile and keyword, the layout changes of a window and whether a repair can be
 * proposed.
 */
@LocalElasticsearchTest
class RepairEvidenceIT {

  private static final String ANON = Fixtures.ANONYMOUS;
  private static final Instant T1 = Instant.parse("2026-11-28T14:00:00Z");
  private static final Instant T2 = Instant.parse("2026-11-28T15:00:00Z");
  private static final Instant T3 = Instant.parse("2026-11-28T16:00:00Z");
  private static final Instant T4 = Instant.parse("2026-11-28T17:00:00Z");

  private static Snapshot changed(Instant slot, String keyword, String vantage, String evidence) {
    SampleDocument sample = Fixtures.sample(slot, keyword, vantage, "layout_changed", 0);
    return new Snapshot(evidence == null ? sample : sample.withEvidencePath(evidence), List.of());
  }

  @Test
  void theNewestKeptLayoutChangeAndTheLastOkSampleBeforeIt(TestIndices es) {
    es.bootstrap();
    es.writer()
        .writeAll(
            List.of(
                Fixtures.snapshot(T1, "a", ANON, "ok", 5),
                Fixtures.snapshot(T1, "a", "acct-1", "ok", 3),
                Fixtures.snapshot(T2, "a", "acct-1", "ok", 4),
                changed(T3, "a", "acct-1", "/evidence/t3-acct-1.html"),
                changed(T3, "a", ANON, "/evidence/t3-anonymous.html"),
                changed(T4, "a", ANON, null), // nothing kept: not learnt from
                Fixtures.snapshot(T4, "a", "acct-1", "ok", 6), // after the change: not "before"
                changed(T3, "b", ANON, "/evidence/b.html"),
                Fixtures.snapshot(T1, "c", ANON, "ok", 2),
                changed(T3, "c", "acct-2", "/evidence/c.html")));
    Reports reports = new Reports(es.client(), es.names()).onProfile(Fixtures.PROFILE);

    RepairEvidence a = reports.repairEvidence("a", null).orElseThrow();

    // newest slot first, then vantages in order (acct-1 < anonymous); its own last ok sample: T2
    assertThat(a.failed().slot()).isEqualTo(T3);
    assertThat(a.failed().vantage()).isEqualTo("acct-1");
    assertThat(a.failed().evidencePath()).isEqualTo("/evidence/t3-acct-1.html");
    assertThat(a.lastRanked().slot()).isEqualTo(T2);
    assertThat(a.lastRanked().vantage()).isEqualTo("acct-1");
    assertThat(a.listings())
        .extracting(ListingDocument::position, ListingDocument::productId)
        .containsExactly(tuple(1, "p1"), tuple(2, "p2"), tuple(3, "p3"), tuple(4, "p4"));

    // the same vantage has no ok sample before: another vantage's is taken
    RepairEvidence c = reports.repairEvidence("c", null).orElseThrow();
    assertThat(c.failed().vantage()).isEqualTo("acct-2");
    assertThat(c.lastRanked().vantage()).isEqualTo(ANON);
    assertThat(c.listings()).hasSize(2);

    // no ok sample before the change at all: the failed one without anything known
    RepairEvidence b = reports.repairEvidence("b", null).orElseThrow();
    assertThat(b.lastRanked()).isNull();
    assertThat(b.listings()).isEmpty();

    assertThat(reports.repairEvidence("a", "another-group")).isEmpty();
    assertThat(reports.repairEvidence("d", null)).isEmpty();
    assertThat(reports.onProfile("douyin-mall").repairEvidence("a", null)).isEmpty();

    assertThat(reports.layoutChanges(T1, T4.plusSeconds(60)))
        .containsExactly(
            new LayoutChangeRow(Fixtures.PROFILE, "a", 3, T4, 2, T4),
            new LayoutChangeRow(Fixtures.PROFILE, "b", 1, T3, 1, null),
            new LayoutChangeRow(Fixtures.PROFILE, "c", 1, T3, 1, T1));
    assertThat(reports.layoutChanges(T1, T3.plusSeconds(60)))
        .containsExactly(
            new LayoutChangeRow(Fixtures.PROFILE, "a", 2, T3, 2, T2),
            new LayoutChangeRow(Fixtures.PROFILE, "b", 1, T3, 1, null),
            new LayoutChangeRow(Fixtures.PROFILE, "c", 1, T3, 1, T1));
    assertThat(reports.layoutChanges(T1, T3.plusSeconds(60)).get(0).repairable()).isTrue();
    assertThat(reports.layoutChanges(T1, T4.plusSeconds(60)).get(0).recovered()).isFalse();
    assertThat(reports.layoutChanges(T1, T3.plusSeconds(60)).get(1).repairable()).isFalse();
  }
}
