package com.mallrank.index.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.mallrank.index.document.ListingDocument;
import com.mallrank.index.report.FieldChange.Field;
import com.mallrank.index.report.RankChange.Kind;
import com.mallrank.index.testing.Fixtures;
import com.mallrank.index.testing.LocalElasticsearchTest;
import com.mallrank.index.testing.TestIndices;
import com.mallrank.index.write.Snapshot;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@LocalElasticsearchTest
class SlotComparisonIT {

  private static final String KW = "羽绒服女";
  private static final String ANON = Fixtures.ANONYMOUS;
  private static final Instant T1 = Instant.parse("2026-11-28T14:00:00Z");
  private static final Instant T2 = Instant.parse("2026-11-28T15:00:00Z");
  private static final Instant T3 = Instant.parse("2026-11-28T16:00:00Z");

  private Reports comparison;

  @BeforeEach
  void writeThreeSlots(TestIndices es) {
    es.bootstrap();
    es.writer()
        .writeAll(
            List.of(
                new Snapshot(Fixtures.sample(T1, KW, ANON, "ok", 25), before()),
                Fixtures.snapshot(T2, KW, ANON, "blocked", 0),
                new Snapshot(Fixtures.sample(T3, KW, ANON, "ok", 22), after()),
                // the same keyword from a matrix account's vantage must not leak in
                new Snapshot(
                    Fixtures.sample(T3, KW, "acct-1", "ok", 1),
                    List.of(
                        Fixtures.listing(T3, KW, "acct-1", 1)
                            .productId("p20")
                            .priceFen(1L)
                            .build())),
                Fixtures.snapshot(T1, "雪地靴", ANON, "ok", 3)));
    comparison = new Reports(es.client(), es.names());
  }

  /** T1: p1..p25 with own-a (acct-1) at 5 and own-b (acct-2) at 18. */
  private static List<ListingDocument> before() {
    List<ListingDocument> rows = new ArrayList<>();
    for (int position = 1; position <= 25; position++) {
      var listing = Fixtures.listing(T1, KW, ANON, position);
      if (position == 5) {
        listing.productId("own-a").matrixAccount("acct-1");
      } else if (position == 18) {
        listing.productId("own-b").matrixAccount("acct-2");
      }
      rows.add(listing.build());
    }
    return rows;
  }

  /**
   * T3: own-a up to 2, p2 down to 5, p7..p10 changed price/commission/image/title, p11 lost its
   * price (not a change), newcomer at 18, own-c (acct-3) enters at 19, p19 to 20, own-b and p20
   * beyond the Top-20.
   */
  private static List<ListingDocument> after() {
    List<ListingDocument> rows = new ArrayList<>();
    rows.add(Fixtures.listing(T3, KW, ANON, 1).build());
    rows.add(Fixtures.listing(T3, KW, ANON, 2).productId("own-a").matrixAccount("acct-1").build());
    rows.add(Fixtures.listing(T3, KW, ANON, 3).build());
    rows.add(Fixtures.listing(T3, KW, ANON, 4).build());
    rows.add(
        Fixtures.listing(T3, KW, ANON, 5)
            .productId("p2")
            .title(KW + " 商品 2")
            .priceFen(10_002L)
            .commissionBp(1002)
            .imageKey("img/2.jpeg")
            .build());
    for (int position = 6; position <= 17; position++) {
      var listing = Fixtures.listing(T3, KW, ANON, position);
      switch (position) {
        case 7 -> listing.priceFen(9_900L);
        case 8 -> listing.commissionBp(1_500);
        case 9 -> listing.imageKey("img/9b.jpeg");
        case 10 -> listing.title("加厚长款羽绒服女 2026新款");
        case 11 -> listing.priceFen(null);
        default -> {}
      }
      rows.add(listing.build());
    }
    rows.add(Fixtures.listing(T3, KW, ANON, 18).productId("newcomer").build());
    rows.add(Fixtures.listing(T3, KW, ANON, 19).productId("own-c").matrixAccount("acct-3").build());
    rows.add(
        Fixtures.listing(T3, KW, ANON, 20)
            .productId("p19")
            .title(KW + " 商品 19")
            .priceFen(10_019L)
            .commissionBp(1019)
            .imageKey("img/19.jpeg")
            .build());
    rows.add(Fixtures.listing(T3, KW, ANON, 21).productId("own-b").matrixAccount("acct-2").build());
    rows.add(
        Fixtures.listing(T3, KW, ANON, 22)
            .productId("p20")
            .title(KW + " 商品 20")
            .priceFen(10_020L)
            .commissionBp(1020)
            .imageKey("img/20.jpeg")
            .build());
    return rows;
  }

  @Test
  void reportsOwnMovementsCompetitorEntriesExitsAndExactFieldChanges() {
    KeywordComparison kw = comparison.compare(T1, T3, ANON, List.of(KW)).keyword(KW).orElseThrow();

    assertThat(kw.comparable()).isTrue();
    assertThat(kw.statusBefore()).isEqualTo("ok");
    assertThat(kw.statusAfter()).isEqualTo("ok");
    assertThat(kw.own())
        .extracting(
            RankChange::kind,
            RankChange::productId,
            RankChange::matrixAccount,
            RankChange::positionBefore,
            RankChange::positionAfter)
        .containsExactly(
            tuple(Kind.MOVED, "own-a", "acct-1", 5, 2),
            tuple(Kind.LEFT, "own-b", "acct-2", 18, null),
            tuple(Kind.ENTERED, "own-c", "acct-3", null, 19));
    assertThat(kw.own().get(0).gain()).isEqualTo(3);
    assertThat(kw.competitors())
        .extracting(
            RankChange::kind,
            RankChange::productId,
            RankChange::positionBefore,
            RankChange::positionAfter)
        .containsExactly(
            tuple(Kind.ENTERED, "newcomer", null, 18), tuple(Kind.LEFT, "p20", 20, null));
    assertThat(kw.changes())
        .extracting(
            FieldChange::field,
            FieldChange::productId,
            FieldChange::oldValue,
            FieldChange::newValue,
            FieldChange::positionBefore,
            FieldChange::positionAfter)
        .containsExactly(
            tuple(Field.PRICE_FEN, "p7", "10007", "9900", 7, 7),
            tuple(Field.COMMISSION_BP, "p8", "1008", "1500", 8, 8),
            tuple(Field.IMAGE_KEY, "p9", "img/9.jpeg", "img/9b.jpeg", 9, 9),
            tuple(Field.TITLE, "p10", KW + " 商品 10", "加厚长款羽绒服女 2026新款", 10, 10));
  }

  @Test
  void aBlockedSlotInBetweenIsNotComparableAndReportsNothing() {
    KeywordComparison toBlocked =
        comparison.compare(T1, T2, ANON, List.of(KW)).keyword(KW).orElseThrow();
    KeywordComparison fromBlocked =
        comparison.compare(T2, T3, ANON, List.of(KW)).keyword(KW).orElseThrow();

    assertThat(toBlocked.comparable()).isFalse();
    assertThat(toBlocked.statusBefore()).isEqualTo("ok");
    assertThat(toBlocked.statusAfter()).isEqualTo("blocked");
    assertThat(toBlocked.hasChanges()).isFalse();
    assertThat(fromBlocked.comparable()).isFalse();
    assertThat(fromBlocked.statusBefore()).isEqualTo("blocked");
    assertThat(fromBlocked.hasChanges()).isFalse();
  }

  @Test
  void aKeywordMissingInOneSlotIsNotComparable() {
    ComparisonReport report = comparison.compare(T1, T3, ANON, null);

    assertThat(report.keywords())
        .extracting(KeywordComparison::keyword, KeywordComparison::comparable)
        .containsExactly(tuple(KW, true), tuple("雪地靴", false));
    assertThat(report.keyword("雪地靴").orElseThrow().statusAfter())
        .isEqualTo(KeywordTop20.STATUS_MISSING);
  }

  @Test
  void topNBoundsTheComparison() {
    KeywordComparison top3 =
        comparison.compare(T1, T3, ANON, List.of(KW), 3).keyword(KW).orElseThrow();

    assertThat(top3.own())
        .extracting(RankChange::kind, RankChange::productId)
        .containsExactly(tuple(Kind.ENTERED, "own-a"));
    assertThat(top3.competitors())
        .extracting(RankChange::kind, RankChange::productId)
        .containsExactly(tuple(Kind.LEFT, "p2"));
    assertThat(top3.changes()).isEmpty();
  }
}
