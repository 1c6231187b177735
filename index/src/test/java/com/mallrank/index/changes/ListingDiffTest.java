package com.mallrank.index.changes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import com.mallrank.index.document.ChangeEvent;
import com.mallrank.index.document.ListingDocument;
import com.mallrank.index.testing.Fixtures;
import com.mallrank.index.write.Snapshot;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ListingDiffTest {

  private static final String KW = "雪地靴";
  private static final String ANON = Fixtures.ANONYMOUS;
  private static final Instant T1 = Instant.parse("2026-11-28T14:00:00Z");
  private static final Instant T2 = Instant.parse("2026-11-28T15:00:00Z");

  @Test
  void aPartialSampleSaysNothingAboutPositionsItDidNotReach() {
    List<ListingDocument> before = Fixtures.listings(T1, KW, ANON, 25);
    List<ListingDocument> replaced = new ArrayList<>(before);
    replaced.set(
        14, Fixtures.listing(T1, KW, ANON, 15).productId("own").matrixAccount("a").build());
    Snapshot b = new Snapshot(Fixtures.sample(T1, KW, ANON, "ok", 25), replaced);
    Snapshot a = Fixtures.snapshot(T2, KW, ANON, "partial", 12);

    List<ChangeEvent> events = ListingDiff.compare(b, a, Set.of(), T2);

    assertThat(events).isEmpty();
  }

  @Test
  void anOkSampleWithoutTheProductMeansItLeft() {
    Snapshot b = Fixtures.snapshot(T1, KW, ANON, "ok", 3);
    List<ListingDocument> now = new ArrayList<>(Fixtures.listings(T2, KW, ANON, 2));
    Snapshot a = new Snapshot(Fixtures.sample(T2, KW, ANON, "ok", 2), now);

    assertThat(ListingDiff.compare(b, a, Set.of(), T2))
        .extracting(
            ChangeEvent::kind,
            ChangeEvent::productId,
            ChangeEvent::rankBefore,
            ChangeEvent::rankAfter)
        .containsExactly(tuple("left_top20", "p3", 3, null));
  }

  @Test
  void sponsoredCardsNeitherEnterNorLeaveButAnOrganicCardTurningSponsoredLeaves() {
    List<ListingDocument> before = new ArrayList<>();
    before.add(
        Fixtures.listing(T1, KW, ANON, 1)
            .productId("ad-old")
            .shop("shop-1", "店铺1")
            .sponsored()
            .build());
    before.add(Fixtures.listing(T1, KW, ANON, 2).productId("p2").organicRank(1).build());
    before.add(Fixtures.listing(T1, KW, ANON, 3).productId("p3").organicRank(2).build());
    List<ListingDocument> after = new ArrayList<>();
    after.add(
        Fixtures.listing(T2, KW, ANON, 1)
            .productId("ad-new")
            .shop("shop-2", "店铺2")
            .sponsored()
            .build());
    after.add(as(Fixtures.listing(T2, KW, ANON, 2), 3).organicRank(1).build());
    after.add(as(Fixtures.listing(T2, KW, ANON, 3), 2).sponsored().build());

    List<ChangeEvent> events =
        ListingDiff.compare(
            new Snapshot(Fixtures.sample(T1, KW, ANON, "ok", 3), before),
            new Snapshot(Fixtures.sample(T2, KW, ANON, "ok", 3), after),
            Set.of("shop-1"),
            T2);

    assertThat(events)
        .extracting(
            ChangeEvent::kind,
            ChangeEvent::productId,
            ChangeEvent::rankBefore,
            ChangeEvent::rankAfter,
            ChangeEvent::sponsored)
        .containsExactly(tuple("left_top20", "p2", 2, 3, true));
  }

  @Test
  void aShopSeenInTheLookbackIsNotNewAndOwnShopsAreNotCompetitors() {
    Snapshot b = Fixtures.snapshot(T1, KW, ANON, "ok", 1);
    List<ListingDocument> after = new ArrayList<>();
    after.add(Fixtures.listing(T2, KW, ANON, 1).build());
    after.add(Fixtures.listing(T2, KW, ANON, 30).productId("x").shop("shop-back", "回头店").build());
    after.add(Fixtures.listing(T2, KW, ANON, 31).productId("y").shop("shop-fresh", "新店").build());
    after.add(Fixtures.listing(T2, KW, ANON, 32).productId("z").shop("shop-fresh", "新店").build());
    after.add(
        Fixtures.listing(T2, KW, ANON, 40)
            .productId("mine")
            .shop("own-shop", "我的")
            .matrixAccount("a")
            .build());
    Snapshot a = new Snapshot(Fixtures.sample(T2, KW, ANON, "ok", 40), after);

    assertThat(ListingDiff.compare(b, a, Set.of("shop-back"), T2))
        .extracting(ChangeEvent::kind, ChangeEvent::productId, ChangeEvent::newValue)
        .containsExactly(tuple("new_shop", "y", "shop-fresh"));
  }

  /** Product pN with the values the fixtures give position N. */
  private static Fixtures.Listing as(Fixtures.Listing listing, int n) {
    return listing
        .productId("p" + n)
        .title(KW + " 商品 " + n)
        .shop("shop-" + n, "店铺" + n)
        .priceFen(10_000L + n)
        .commissionBp(1000 + n)
        .imageKey("img/" + n + ".jpeg");
  }

  @Test
  void onlyRankedSamplesInSlotOrderCompare() {
    Snapshot ok = Fixtures.snapshot(T1, KW, ANON, "ok", 0);
    Snapshot blocked = Fixtures.snapshot(T2, KW, ANON, "blocked", 0);
    Snapshot later = Fixtures.snapshot(T2, KW, ANON, "ok", 0);

    assertThatThrownBy(() -> ListingDiff.compare(ok, blocked, Set.of(), T2))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ListingDiff.compare(later, ok, Set.of(), T2))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
