package com.mallrank.kibana;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import com.mallrank.index.document.ChangeEvent;
import com.mallrank.index.document.ListingDocument;
import com.mallrank.index.document.SampleDocument;
import com.mallrank.index.document.SlotOutcome;
import com.mallrank.index.schema.IndexNames;
import com.mallrank.index.testing.Fixtures;
import com.mallrank.index.write.SlotOutcomes;
import com.mallrank.index.write.Snapshot;
import com.mallrank.index.write.SnapshotWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The data the dashboards are proven on: the demo's shape, built by hand and written through the
 * index module's writers (so it has the templates' exact fields). Every number a panel test asserts
 * follows from the tables below.
 *
 * <ul>
 *   <li>four hourly slots in the dashboards' last-24-hours range ({@link #SLOTS}, ending at {@link
 *       #NOW}), plus one day and seven days before the latest (for the rank table's Δ1d, Δ7d);
 *   <li>keyword {@link #RANKED} (30 cards per sample, an ad at 1, my listings {@code own-a} of mx-a
 *       and {@code own-b} of mx-b in the Top-20: two accounts on one keyword), {@link #GAP} (30
 *       competitor cards, my only card at 25: a gap with a near miss) and {@link #EMPTY} (no
 *       results: every sample {@code empty});
 *   <li>vantages anonymous, mx-a, mx-b, and {@link #BLOCKED}, blocked all day (samples, no cards);
 *   <li>two surfaces (profiles): everything on {@link #STATIC}; {@link #RANKED} from anonymous on
 *       {@link #MALL} too, with other ranks;
 *   <li>competitors whose title ({@code c3}), price ({@code c4}) and sales change between slots;
 *       change events; the scheduler's slot outcomes with one missed slot.
 * </ul>
 *
 * <p>Titles, shops and products are invented (the sandbox's style), not real listings.
 */
final class DashboardFixture {

  static final Instant NOW = Instant.parse("2026-11-28T14:00:00Z");
  static final List<Instant> SLOTS =
      List.of(NOW.minus(hours(3)), NOW.minus(hours(2)), NOW.minus(hours(1)), NOW);
  static final Instant DAY_BEFORE = NOW.minus(Duration.ofDays(1));
  static final Instant WEEK_BEFORE = NOW.minus(Duration.ofDays(7));

  /** The dashboards' time range (last 24 hours), both ends inclusive as Kibana's time filter. */
  static final Instant FROM = NOW.minus(hours(23));

  static final Instant TO = NOW.plus(hours(1)).minusMillis(1);

  static final String RANKED = "加厚羽绒服女长款";
  static final String GAP = "高领毛衣女内搭";
  static final String EMPTY = "火星土壤盆栽礼盒";
  static final List<String> KEYWORDS = List.of(RANKED, GAP, EMPTY);

  static final String ANONYMOUS = "anonymous";
  static final String MX_A = "mx-a";
  static final String MX_B = "mx-b";
  static final String BLOCKED = "mx-blocked";
  static final List<String> VANTAGES = List.of(ANONYMOUS, MX_A, MX_B, BLOCKED);

  static final String STATIC = "sandbox-static";
  static final String MALL = "douyin-mall";

  static final String OWN_A = "own-a";
  static final String OWN_A_TITLE = "【品牌直营】小个子长款羽绒服女";
  static final String OWN_A_SHOP = "杭州雪绒里女装店";
  static final String OWN_B = "own-b";
  static final String OWN_B_TITLE = "过膝轻薄羽绒服女大毛领";
  static final String OWN_B_SHOP = "羊城羽衣服饰店";

  static final List<String> SHOPS = List.of("北境官方旗舰店", "暖冬官方旗舰店", "云朵官方旗舰店", "初雪女装店");

  /**
   * own-a's position on {@link #RANKED}, sandbox-static, per vantage: week and day before, slots.
   */
  static final Map<String, int[]> OWN_A_POSITIONS =
      Map.of(
          ANONYMOUS, new int[] {12, 9, 8, 6, 7, 5},
          MX_A, new int[] {10, 4, 3, 3, 2, 2},
          MX_B, new int[] {0, 0, 15, 14, 13, 11});

  /** own-b's position on {@link #RANKED}, sandbox-static, per vantage in {@link #SLOTS}. */
  static final Map<String, int[]> OWN_B_POSITIONS =
      Map.of(
          ANONYMOUS, new int[] {18, 17, 19, 16},
          MX_A, new int[] {20, 19, 18, 17},
          MX_B, new int[] {4, 4, 3, 3});

  /** own-a's position on {@link #RANKED} on the mall surface (anonymous) per slot. */
  static final int[] OWN_A_ON_MALL = {4, 3, 2, 2};

  /** own-a's only card on {@link #GAP} (anonymous): a near miss. */
  static final int GAP_NEAR_MISS = 25;

  /** My sponsored card: own-a as an ad at this position, anonymous, in the last two slots. */
  static final int OWN_AD_POSITION = 3;

  static final int CARDS = 30;
  static final int MALL_CARDS = 20;

  /** The slot the scheduler missed (no samples at all) and the one it started late. */
  static final Instant MISSED = NOW.minus(hours(5));

  static final Instant LATE = NOW.minus(hours(4));

  final List<Snapshot> snapshots = new ArrayList<>();
  final List<ChangeEvent> events = new ArrayList<>();
  final List<SlotOutcome> outcomes = new ArrayList<>();

  DashboardFixture() {
    List<Instant> rankedSlots = new ArrayList<>(List.of(WEEK_BEFORE, DAY_BEFORE));
    rankedSlots.addAll(SLOTS);
    for (int i = 0; i < rankedSlots.size(); i++) {
      Instant slot = rankedSlots.get(i);
      boolean inRange = i >= 2;
      for (String vantage : List.of(ANONYMOUS, MX_A, MX_B)) {
        int ownA = OWN_A_POSITIONS.get(vantage)[i];
        if (ownA == 0) {
          continue; // mx-b was not sampled before the range
        }
        int ownB = inRange ? OWN_B_POSITIONS.get(vantage)[i - 2] : 0;
        boolean ad = inRange && vantage.equals(ANONYMOUS) && i >= 4;
        snapshots.add(ranked(STATIC, slot, vantage, ownA, ownB, ad, CARDS, i));
      }
      if (!inRange) {
        continue;
      }
      int s = i - 2;
      snapshots.add(ranked(MALL, slot, ANONYMOUS, OWN_A_ON_MALL[s], 0, false, MALL_CARDS, i));
      for (String vantage : List.of(ANONYMOUS, MX_A, MX_B)) {
        snapshots.add(gap(slot, vantage, s));
        snapshots.add(new Snapshot(sample(STATIC, slot, EMPTY, vantage, "empty", 0, s), List.of()));
      }
      for (String keyword : KEYWORDS) {
        snapshots.add(
            new Snapshot(sample(STATIC, slot, keyword, BLOCKED, "blocked", 0, s), List.of()));
      }
    }
    events.add(event(NOW, "price", "c4", "29900", "25900", 4, 4));
    events.add(event(NOW.minus(hours(1)), "commission", "c5", "1250", "1500", 5, 5));
    events.add(event(NOW.minus(hours(2)), "main_image", "c6", "img/a.jpeg", "img/b.jpeg", 6, 6));
    events.add(event(NOW, "title", "c3", title(RANKED, 3, 3), title(RANKED, 3, 5), 3, 3));
    outcomes.add(new SlotOutcome(MISSED, Fixtures.GROUP, STATIC, SlotOutcome.MISSED, NOW));
    outcomes.add(new SlotOutcome(LATE, Fixtures.GROUP, STATIC, SlotOutcome.LATE, LATE));
    for (Instant slot : SLOTS) {
      outcomes.add(new SlotOutcome(slot, Fixtures.GROUP, STATIC, SlotOutcome.ON_TIME, slot));
    }
  }

  /** Writes everything under the names' prefix, refreshed. */
  void write(ElasticsearchClient client, IndexNames names) {
    new SnapshotWriter(client, names, Refresh.WaitFor).writeAll(snapshots);
    try {
      for (ChangeEvent event : events) {
        client.index(i -> i.index(names.changesIndex(event.slot())).id(event.id()).document(event));
      }
      SlotOutcomes slots = new SlotOutcomes(client, names);
      outcomes.forEach(slots::record);
      client.indices().refresh(r -> r.index(names.changesAlias(), names.slotsAlias()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A competitor's title: its product number, and " 新款" for c3 from the latest slot on. */
  static String title(String keyword, int product, int slotIndex) {
    return keyword + " 竞品" + product + (product == 3 && slotIndex == 5 ? " 新款" : "");
  }

  /** A competitor's shop. */
  static String shop(int product) {
    return SHOPS.get(product % SHOPS.size());
  }

  /** A competitor's price in fen: c4 is cut from the latest slot on. */
  static long price(int product, int slotIndex) {
    return product == 4 && slotIndex == 5 ? 25_900L : 10_000L + product * 1_000L;
  }

  /** A competitor's sales label: 100 units per product number, 10 more per slot. */
  static String sales(int product, int slotIndex) {
    return "已售" + (product * 100 + slotIndex * 10);
  }

  private Snapshot ranked(
      String profile,
      Instant slot,
      String vantage,
      int ownA,
      int ownB,
      boolean ownAd,
      int cards,
      int slotIndex) {
    List<ListingDocument> listings = new ArrayList<>();
    int organic = 0;
    int competitor = 0;
    for (int position = 1; position <= cards; position++) {
      boolean sponsored = position == 1 || (ownAd && position == OWN_AD_POSITION);
      organic += sponsored ? 0 : 1;
      Fixtures.Listing card = Fixtures.listing(slot, RANKED, vantage, position);
      if (position == ownA || (ownAd && position == OWN_AD_POSITION)) {
        card.productId(OWN_A).title(OWN_A_TITLE).shop("s-" + OWN_A, OWN_A_SHOP).matrixAccount(MX_A);
      } else if (position == ownB) {
        card.productId(OWN_B).title(OWN_B_TITLE).shop("s-" + OWN_B, OWN_B_SHOP).matrixAccount(MX_B);
      } else {
        competitor++;
        card.productId("c" + competitor)
            .title(title(RANKED, competitor, slotIndex))
            .shop("s-" + shop(competitor), shop(competitor))
            .priceFen(price(competitor, slotIndex))
            .commissionBp(1_000 + competitor * 10)
            .salesLabel(sales(competitor, slotIndex));
      }
      if (sponsored) {
        card.sponsored();
      } else {
        card.organicRank(organic);
      }
      listings.add(card.build());
    }
    return new Snapshot(
        sample(profile, slot, RANKED, vantage, "ok", cards, slotIndex - 2), listings);
  }

  private Snapshot gap(Instant slot, String vantage, int s) {
    List<ListingDocument> listings = new ArrayList<>();
    for (int position = 1; position <= CARDS; position++) {
      Fixtures.Listing card = Fixtures.listing(slot, GAP, vantage, position).organicRank(position);
      if (vantage.equals(ANONYMOUS) && position == GAP_NEAR_MISS) {
        card.productId(OWN_A).title(OWN_A_TITLE).shop("s-" + OWN_A, OWN_A_SHOP).matrixAccount(MX_A);
      } else {
        card.productId("g" + position)
            .title(GAP + " 竞品" + position)
            .shop("s-" + shop(position), shop(position))
            .priceFen(5_000L + position * 100L)
            .commissionBp(800)
            .salesLabel("已售" + position);
      }
      listings.add(card.build());
    }
    return new Snapshot(sample(STATIC, slot, GAP, vantage, "ok", CARDS, s), listings);
  }

  /** A sample; its duration grows with the slot (1000 ms + 100 per slot index). */
  static SampleDocument sample(
      String profile,
      Instant slot,
      String keyword,
      String vantage,
      String status,
      int results,
      int slotIndex) {
    return new SampleDocument(
        slot,
        keyword,
        List.of(Fixtures.GROUP),
        vantage,
        profile,
        status,
        results,
        duration(status, slotIndex),
        200,
        status.equals("ok") ? null : status.equals("empty") ? "search-empty" : "captcha-verify",
        "http://127.0.0.1/search?keyword=" + keyword,
        null,
        slot.plusSeconds(90),
        null);
  }

  /** A sample's duration: ok 1000 ms + 100 per slot, empty 500, blocked 3000. */
  static long duration(String status, int slotIndex) {
    return switch (status) {
      case "ok" -> 1_000L + 100L * Math.max(0, slotIndex);
      case "empty" -> 500L;
      default -> 3_000L;
    };
  }

  private static ChangeEvent event(
      Instant slot, String kind, String product, String old, String now, int before, int after) {
    int number = Integer.parseInt(product.substring(1));
    return new ChangeEvent(
        slot,
        slot.minus(hours(1)),
        RANKED,
        Fixtures.GROUP,
        ANONYMOUS,
        kind,
        product,
        "s-" + shop(number),
        shop(number),
        null,
        old,
        now,
        before,
        after,
        before - 1,
        after - 1,
        false,
        slot.plusSeconds(120),
        STATIC,
        title(RANKED, number, kind.equals("title") ? 5 : 4));
  }

  /** Listings of an ok sample, by (profile, keyword, vantage, slot). */
  Map<List<Object>, List<ListingDocument>> listingsBySample() {
    Map<List<Object>, List<ListingDocument>> by = new LinkedHashMap<>();
    for (Snapshot s : snapshots) {
      if (!s.listings().isEmpty()) {
        by.put(
            List.of(
                s.sample().profile(),
                s.sample().keyword(),
                s.sample().vantage(),
                s.sample().slot()),
            s.listings());
      }
    }
    return by;
  }

  private static Duration hours(int n) {
    return Duration.ofHours(n);
  }
}
