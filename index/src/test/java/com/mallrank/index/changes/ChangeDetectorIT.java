package com.mallrank.index.changes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import co.elastic.clients.elasticsearch._types.Refresh;
import com.mallrank.index.document.ChangeEvent;
import com.mallrank.index.document.ListingDocument;
import com.mallrank.index.document.SampleDocument;
import com.mallrank.index.testing.DetectionDefaults;
import com.mallrank.index.testing.Fixtures;
import com.mallrank.index.testing.LocalElasticsearchTest;
import com.mallrank.index.testing.TestIndices;
import com.mallrank.index.write.Snapshot;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@LocalElasticsearchTest
class ChangeDetectorIT {

  private static final String KW = "羽绒服女";
  private static final String ANON = Fixtures.ANONYMOUS;
  private static final Instant T0 = Instant.parse("2026-11-28T12:00:00Z");
  private static final Instant T1 = Instant.parse("2026-11-28T14:00:00Z");
  private static final Instant T2 = Instant.parse("2026-11-28T15:00:00Z");
  private static final Instant T3 = Instant.parse("2026-11-28T16:00:00Z");
  private static final Instant T4 = Instant.parse("2026-11-28T17:00:00Z");
  private static final Instant NOW = Instant.parse("2026-11-28T17:30:00Z");

  private TestIndices es;
  private ChangeDetector detector;

  @BeforeEach
  void writeSlots(TestIndices es) {
    this.es = es.bootstrap();
    es.writer()
        .writeAll(
            List.of(
                new Snapshot(
                    Fixtures.sample(T0, KW, ANON, "ok", 1),
                    List.of(
                        Fixtures.listing(T0, KW, ANON, 1)
                            .productId("back")
                            .shop("shop-back", "回头店")
                            .build())),
                new Snapshot(Fixtures.sample(T1, KW, ANON, "ok", 30), t1()),
                Fixtures.snapshot(T2, KW, ANON, "blocked", 0),
                new Snapshot(Fixtures.sample(T3, KW, ANON, "ok", 33), t3(T3)),
                new Snapshot(Fixtures.sample(T4, KW, ANON, "ok", 33), t3(T4)),
                // another vantage in the same slots must not leak in
                new Snapshot(
                    Fixtures.sample(T3, KW, "acct-1", "ok", 1),
                    List.of(
                        Fixtures.listing(T3, KW, "acct-1", 1)
                            .productId("p7")
                            .priceFen(1L)
                            .build()))));
    detector =
        new ChangeDetector(
            es.client(),
            es.names(),
            DetectionDefaults.settings(),
            Clock.fixed(NOW, ZoneOffset.UTC),
            Refresh.True);
  }

  /** T1: p1..p30 by position, own-a (acct-1) at 5 and own-b (acct-2) at 18. */
  private static List<ListingDocument> t1() {
    List<ListingDocument> rows = new ArrayList<>();
    for (int position = 1; position <= 30; position++) {
      var listing = Fixtures.listing(T1, KW, ANON, position);
      if (position == 5) {
        listing.productId("own-a").matrixAccount("acct-1").shop("own-shop-1", "我的店1");
      } else if (position == 18) {
        listing.productId("own-b").matrixAccount("acct-2").shop("own-shop-2", "我的店2");
      } else if (position == 13 || position == 14) {
        listing.imageHash("0000000000000000");
      }
      rows.add(listing.build());
    }
    return rows;
  }

  /**
   * T3 (and T4, identical): an ad at 1, own-a up to 2, p7..p14 scripted changes, a newcomer from a
   * new shop at 19, p20 out to 21, own-b down to 25, p30 at 32, a returning shop at 33.
   */
  private static List<ListingDocument> t3(Instant slot) {
    List<String> order = new ArrayList<>();
    order.add("ad1");
    order.add("own-a");
    for (int n : new int[] {1, 2, 3, 4, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17}) {
      order.add("p" + n);
    }
    order.add("nc");
    for (int n : new int[] {19, 20, 21, 22, 23}) {
      order.add("p" + n);
    }
    order.add("own-b");
    for (int n = 24; n <= 30; n++) {
      order.add("p" + n);
    }
    order.add("back");
    List<ListingDocument> rows = new ArrayList<>();
    for (int i = 0; i < order.size(); i++) {
      int position = i + 1;
      String product = order.get(i);
      var listing = Fixtures.listing(slot, KW, ANON, position).organicRank(position - 1);
      switch (product) {
        case "ad1" -> listing.productId("ad1").shop("shop-1", "店铺1").sponsored();
        case "own-a" ->
            listing.productId("own-a").matrixAccount("acct-1").shop("own-shop-1", "我的店1");
        case "own-b" ->
            listing.productId("own-b").matrixAccount("acct-2").shop("own-shop-2", "我的店2");
        case "nc" -> listing.productId("nc").shop("shop-new", "新店");
        case "back" -> listing.productId("back").shop("shop-back", "回头店");
        default -> as(listing, Integer.parseInt(product.substring(1)));
      }
      rows.add(listing.build());
    }
    return rows;
  }

  /** Gives the listing product pN's T1 values, then the scripted change of pN. */
  private static void as(Fixtures.Listing listing, int n) {
    listing
        .productId("p" + n)
        .title(KW + " 商品 " + n)
        .shop("shop-" + n, "店铺" + n)
        .priceFen(10_000L + n)
        .commissionBp(1000 + n)
        .imageKey("img/" + n + ".jpeg");
    switch (n) {
      case 7 -> listing.priceFen(9_900L);
      case 8 -> listing.commissionBp(1_500);
      case 9 -> listing.imageKey("img/9b.jpeg");
      case 10 -> listing.title("加厚长款羽绒服女 2026新款");
      case 11 -> listing.shop("shop-12", "店铺12");
      case 12 ->
          listing.imageUrl(
              "https://p9-ecom.sandbox-img.test/obj/img/12.jpeg?x-expires=1&x-signature=zzz");
      case 13 -> listing.imageKey("img/13-again.jpeg").imageHash("00000000000003ff");
      case 14 -> listing.imageKey("img/14b.jpeg").imageHash("00000000000007ff");
      default -> {}
    }
  }

  @Test
  void everyScriptedChangeIsReportedOnceWithKindOldAndNewValueAndRanks() throws IOException {
    DetectionResult result = detector.detect(T3, Fixtures.PROFILE, KW, ANON);

    assertThat(result).isEqualTo(new DetectionResult(1, 0, 11, 0));
    List<ChangeEvent> events = stored();
    assertThat(events)
        .extracting(
            ChangeEvent::kind,
            ChangeEvent::productId,
            ChangeEvent::oldValue,
            ChangeEvent::newValue,
            ChangeEvent::rankBefore,
            ChangeEvent::rankAfter,
            ChangeEvent::matrixAccount)
        .containsExactlyInAnyOrder(
            tuple("price", "p7", "10007", "9900", 7, 8, null),
            tuple("commission", "p8", "1008", "1500", 8, 9, null),
            tuple("main_image", "p9", "img/9.jpeg", "img/9b.jpeg", 9, 10, null),
            tuple("main_image", "p14", "img/14.jpeg", "img/14b.jpeg", 14, 15, null),
            tuple("title", "p10", KW + " 商品 10", "加厚长款羽绒服女 2026新款", 10, 11, null),
            tuple("shop", "p11", "shop-11", "shop-12", 11, 12, null),
            tuple("entered_top20", "nc", null, null, null, 19, null),
            tuple("left_top20", "p20", null, null, 20, 21, null),
            tuple("new_shop", "nc", null, "shop-new", null, 19, null),
            tuple("own_moved", "own-a", null, null, 5, 2, "acct-1"),
            tuple("own_moved", "own-b", null, null, 18, 25, "acct-2"));
    assertThat(events)
        .allSatisfy(
            e -> {
              assertThat(e.slot()).isEqualTo(T3);
              assertThat(e.previousSlot()).isEqualTo(T1);
              assertThat(e.vantage()).isEqualTo(ANON);
              assertThat(e.group()).isEqualTo(Fixtures.GROUP);
              assertThat(e.detectedAt()).isEqualTo(NOW);
            });
    ChangeEvent ownA =
        events.stream().filter(e -> e.productId().equals("own-a")).findFirst().orElseThrow();
    assertThat(ownA.organicRankBefore()).isEqualTo(5);
    assertThat(ownA.organicRankAfter()).isEqualTo(1);
    assertThat(ownA.shopName()).isEqualTo("我的店1");
  }

  @Test
  void aListingsShardThatCannotAnswerFailsDetectionInsteadOfHidingListings() throws IOException {
    // the first slot of December, compared with T4: December's listings index has a primary that
    // can be allocated nowhere, as when a node without replicas is lost or the index is starting
    Instant december = Instant.parse("2026-12-01T00:00:00Z");
    es.writer()
        .writeAll(List.of(new Snapshot(Fixtures.sample(december, KW, ANON, "ok", 30), List.of())));
    es.createUnallocatable(es.names().listingsIndex(december));

    assertThatThrownBy(() -> detector.detect(december, Fixtures.PROFILE, KW, ANON))
        .hasMessageStartingWith("Loading listings of ")
        .rootCause()
        .hasMessageContaining("missing shards");
    assertThat(stored()).as("no event from a partial answer").isEmpty();
  }

  @Test
  void aLaterMonthsIndexWhoseShardIsNotActiveDoesNotFailDetection() throws IOException {
    // next month's indices created ahead while this slot is detected, their shards still
    // starting: detection reads only the months it compares (before: 503 "missing shards")
    Instant december = Instant.parse("2026-12-01T00:00:00Z");
    for (String index :
        List.of(
            es.names().samplesIndex(december),
            es.names().listingsIndex(december),
            es.names().changesIndex(december))) {
      es.createUnallocatable(index);
    }

    DetectionResult result = detector.detectSlot(T3);

    assertThat(result).isEqualTo(new DetectionResult(1, 1, 11, 0));
    assertThat(stored()).hasSize(11).allMatch(e -> e.previousSlot().equals(T1));
  }

  @Test
  void aBlockedSlotGivesNoEventsAndTheNextOkSlotComparesWithTheLastOkOne() throws IOException {
    DetectionResult blocked = detector.detectSlot(T2);

    assertThat(blocked).isEqualTo(new DetectionResult(0, 1, 0, 0));
    assertThat(stored()).isEmpty();

    detector.detectSlot(T3);

    assertThat(stored()).hasSize(11).allMatch(e -> e.previousSlot().equals(T1));
    assertThat(stored()).noneMatch(e -> e.slot().equals(T2));
  }

  @Test
  void theFirstSampleAndAnUnchangedSampleGiveNoEvents() throws IOException {
    assertThat(detector.detect(T0, Fixtures.PROFILE, KW, ANON))
        .isEqualTo(new DetectionResult(0, 1, 0, 0));
    assertThat(detector.detect(T4, Fixtures.PROFILE, KW, ANON))
        .isEqualTo(new DetectionResult(1, 0, 0, 0));
    assertThat(stored()).isEmpty();
  }

  @Test
  void reRunningIsIdempotent() throws IOException {
    DetectionResult first = detector.detectSlot(T3);
    List<String> ids = stored().stream().map(ChangeEvent::id).sorted().toList();

    DetectionResult second = detector.detectSlot(T3);

    // the whole slot: anonymous (11 events) and acct-1 (no earlier sample, skipped)
    assertThat(first).isEqualTo(new DetectionResult(1, 1, 11, 0));
    assertThat(second).isEqualTo(first);
    assertThat(stored().stream().map(ChangeEvent::id).sorted().toList()).isEqualTo(ids);
    assertThat(ids).contains("20261128T1600Z|sandbox-static|anonymous|羽绒服女|price|p7");
  }

  @Test
  void aGroupsDetectionComparesAndCountsOnlyItsOwnSamplesAndKeepsTheOtherGroupsEvents()
      throws IOException {
    // another group samples 围巾 in the same slots: p1 cuts its price between T1 and T3
    String other = "other-group";
    for (Instant slot : List.of(T1, T3)) {
      Fixtures.Listing p1 = Fixtures.listing(slot, "围巾", ANON, 1);
      if (slot.equals(T3)) {
        p1.priceFen(5_000L);
      }
      es.writer()
          .write(
              new SampleDocument(
                  slot,
                  "围巾",
                  List.of(other),
                  ANON,
                  Fixtures.PROFILE,
                  "ok",
                  1,
                  1L,
                  200,
                  null,
                  null,
                  null,
                  slot.plusSeconds(60),
                  null),
              List.of(p1.build()));
    }

    DetectionResult mine = detector.detectSlot(T3, Fixtures.GROUP);
    DetectionResult theirs = detector.detectSlot(T3, other);
    DetectionResult mineAgain = detector.detectSlot(T3, Fixtures.GROUP);

    // this group: 羽绒服女 anonymous compared (11 events), acct-1 without an earlier sample
    assertThat(mine).isEqualTo(new DetectionResult(1, 1, 11, 0));
    assertThat(theirs).isEqualTo(new DetectionResult(1, 0, 1, 0));
    assertThat(mineAgain).as("the other group's event is not stale for this group").isEqualTo(mine);
    assertThat(stored())
        .filteredOn(e -> e.keyword().equals("围巾"))
        .extracting(ChangeEvent::kind, ChangeEvent::productId, ChangeEvent::newValue)
        .containsExactly(tuple("price", "p1", "5000"));
    assertThat(detector.detectSlot(T3)).isEqualTo(new DetectionResult(2, 1, 12, 0));
  }

  /** A skipped sample (not fetched on purpose) is not sampled, exactly like a blocked one. */
  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {"blocked", "skipped"})
  void aSlotReSampledAsBlockedOrSkippedLosesItsEvents(String status) throws IOException {
    detector.detect(T3, Fixtures.PROFILE, KW, ANON);
    es.writer().write(Fixtures.sample(T3, KW, ANON, status, 0), List.of());

    DetectionResult again = detector.detect(T3, Fixtures.PROFILE, KW, ANON);

    assertThat(again).isEqualTo(new DetectionResult(0, 1, 0, 11));
    assertThat(stored()).isEmpty();
  }

  private List<ChangeEvent> stored() throws IOException {
    return es
        .client()
        .search(
            s ->
                s.index(es.names().changesAlias())
                    .ignoreUnavailable(true)
                    .allowNoIndices(true)
                    .size(1_000),
            ChangeEvent.class)
        .hits()
        .hits()
        .stream()
        .map(h -> h.source())
        .toList();
  }
}
