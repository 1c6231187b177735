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
  private static final String KW2 = "高领毛衣";
  private static final String STATIC = Fixtures.PROFILE;
  private static final String BUYIN = "douyin-buyin";
  private static final Instant T1 = Instant.parse("2026-11-28T14:00:00Z");
  private static final Instant T2 = Instant.parse("2026-11-28T15:00:00Z");
  private static final Instant T3 = Instant.parse("2026-11-28T16:00:00Z");

  private Reports comparison;

  private TestIndices es;

  @BeforeEach
  void writeThreeSlots(TestIndices es) {
    this.es = es;
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

  /**
   * KW2 sampled on two surfaces in T1 and T3 (the buyin one blocked in T2, the static one not
   * sampled then), with different changes on each: on the static surface p1 cuts its price and p5
   * leaves for a newcomer; on the buyin surface own-x (acct-1) climbs from 4 to 2.
   */
  private void writeTwoProfiles() {
    List<ListingDocument> staticAfter = new ArrayList<>();
    for (int position = 1; position <= 5; position++) {
      var listing = Fixtures.listing(T3, KW2, ANON, position);
      if (position == 1) {
        listing.priceFen(9_000L);
      } else if (position == 5) {
        listing.productId("newcomer");
      }
      staticAfter.add(listing.build());
    }
    List<ListingDocument> buyinBefore = new ArrayList<>();
    for (int position = 1; position <= 5; position++) {
      var listing = Fixtures.listing(T1, KW2, ANON, position);
      if (position == 4) {
        listing.productId("own-x").matrixAccount("acct-1");
      }
      buyinBefore.add(listing.build());
    }
    List<ListingDocument> buyinAfter = new ArrayList<>();
    buyinAfter.add(Fixtures.listing(T3, KW2, ANON, 1).build());
    buyinAfter.add(
        Fixtures.listing(T3, KW2, ANON, 2).productId("own-x").matrixAccount("acct-1").build());
    buyinAfter.add(Fixtures.listing(T3, KW2, ANON, 3).build());
    buyinAfter.add(
        Fixtures.listing(T3, KW2, ANON, 4)
            .productId("p2")
            .title(KW2 + " 商品 2")
            .priceFen(10_002L)
            .commissionBp(1002)
            .imageKey("img/2.jpeg")
            .build());
    buyinAfter.add(Fixtures.listing(T3, KW2, ANON, 5).build());
    es.writer()
        .writeAll(
            List.of(
                Fixtures.snapshot(T1, KW2, ANON, "ok", 5),
                new Snapshot(Fixtures.sample(T3, KW2, ANON, "ok", 5), staticAfter),
                new Snapshot(Fixtures.sampleOn(BUYIN, T1, KW2, ANON, "ok", 5), buyinBefore),
                new Snapshot(Fixtures.sampleOn(BUYIN, T2, KW2, ANON, "blocked", 0), List.of()),
                new Snapshot(Fixtures.sampleOn(BUYIN, T3, KW2, ANON, "ok", 5), buyinAfter)));
  }

  @Test
  void aKeywordOnTwoProfilesIsComparedOncePerProfileWithEachProfilesOwnChanges() {
    writeTwoProfiles();

    ComparisonReport report = comparison.compare(T1, T3, ANON, List.of(KW2));

    assertThat(report.profile()).isNull();
    assertThat(report.profiles()).containsExactly(BUYIN, STATIC);
    assertThat(report.keywords())
        .extracting(
            KeywordComparison::keyword,
            KeywordComparison::profile,
            KeywordComparison::comparable,
            KeywordComparison::statusBefore,
            KeywordComparison::statusAfter)
        .containsExactly(tuple(KW2, BUYIN, true, "ok", "ok"), tuple(KW2, STATIC, true, "ok", "ok"));
    KeywordComparison buyin = report.keyword(BUYIN, KW2).orElseThrow();
    assertThat(buyin.own())
        .extracting(
            RankChange::kind,
            RankChange::productId,
            RankChange::matrixAccount,
            RankChange::positionBefore,
            RankChange::positionAfter)
        .containsExactly(tuple(Kind.MOVED, "own-x", "acct-1", 4, 2));
    assertThat(buyin.competitors()).isEmpty();
    assertThat(buyin.changes()).isEmpty();
    KeywordComparison onStatic = report.keyword(STATIC, KW2).orElseThrow();
    assertThat(onStatic.own()).isEmpty();
    assertThat(onStatic.competitors())
        .extracting(
            RankChange::kind,
            RankChange::productId,
            RankChange::positionBefore,
            RankChange::positionAfter)
        .containsExactly(tuple(Kind.ENTERED, "newcomer", null, 5), tuple(Kind.LEFT, "p5", 5, null));
    assertThat(onStatic.changes())
        .extracting(
            FieldChange::field,
            FieldChange::productId,
            FieldChange::oldValue,
            FieldChange::newValue)
        .containsExactly(tuple(Field.PRICE_FEN, "p1", "10001", "9000"));
  }

  @Test
  void everyKeywordIsOrderedByKeywordThenProfile() {
    writeTwoProfiles();

    assertThat(comparison.compare(T1, T3, ANON, null).keywords())
        .extracting(
            KeywordComparison::keyword, KeywordComparison::profile, KeywordComparison::comparable)
        .containsExactly(
            tuple(KW, STATIC, true),
            tuple("雪地靴", STATIC, false),
            tuple(KW2, BUYIN, true),
            tuple(KW2, STATIC, true));
    assertThat(comparison.compare(T1, T3, ANON, List.of(KW2, "雪地靴", "无此词")).keywords())
        .extracting(KeywordComparison::keyword, KeywordComparison::profile)
        .containsExactly(
            tuple(KW2, BUYIN), tuple(KW2, STATIC), tuple("雪地靴", STATIC), tuple("无此词", null));
  }

  @Test
  void notComparableStaysPerProfile() {
    writeTwoProfiles();

    assertThat(comparison.compare(T1, T2, ANON, List.of(KW2)).keywords())
        .extracting(
            KeywordComparison::profile,
            KeywordComparison::comparable,
            KeywordComparison::statusBefore,
            KeywordComparison::statusAfter,
            KeywordComparison::hasChanges)
        .containsExactly(
            tuple(BUYIN, false, "ok", "blocked", false),
            tuple(STATIC, false, "ok", KeywordTop20.STATUS_MISSING, false));
  }

  @Test
  void aProfileRestrictsTheComparisonToThatSurface() {
    writeTwoProfiles();

    ComparisonReport buyin = comparison.onProfile(BUYIN).compare(T1, T3, ANON, List.of(KW2));
    ComparisonReport onStatic =
        comparison.onProfile(STATIC).compare(T1, T3, ANON, List.of(KW2, "无此词"));

    assertThat(buyin.profiles()).containsExactly(BUYIN);
    assertThat(buyin.keywords())
        .extracting(KeywordComparison::keyword, KeywordComparison::profile)
        .containsExactly(tuple(KW2, BUYIN));
    assertThat(buyin.keywords().get(0).own())
        .extracting(RankChange::productId, RankChange::positionBefore, RankChange::positionAfter)
        .containsExactly(tuple("own-x", 4, 2));
    assertThat(onStatic.profile()).isEqualTo(STATIC);
    assertThat(onStatic.keywords())
        .extracting(
            KeywordComparison::keyword, KeywordComparison::profile, KeywordComparison::statusAfter)
        .containsExactly(tuple(KW2, STATIC, "ok"), tuple("无此词", STATIC, "missing"));
    assertThat(onStatic.keywords().get(0).own()).isEmpty();
    assertThat(onStatic.keywords().get(0).changes())
        .extracting(FieldChange::productId, FieldChange::newValue)
        .containsExactly(tuple("p1", "9000"));
  }
}
