package com.mallrank.kibana;

import static com.mallrank.kibana.DashboardFixture.ANONYMOUS;
import static com.mallrank.kibana.DashboardFixture.BLOCKED;
import static com.mallrank.kibana.DashboardFixture.EMPTY;
import static com.mallrank.kibana.DashboardFixture.FROM;
import static com.mallrank.kibana.DashboardFixture.GAP;
import static com.mallrank.kibana.DashboardFixture.MALL;
import static com.mallrank.kibana.DashboardFixture.MX_A;
import static com.mallrank.kibana.DashboardFixture.MX_B;
import static com.mallrank.kibana.DashboardFixture.NOW;
import static com.mallrank.kibana.DashboardFixture.OWN_A;
import static com.mallrank.kibana.DashboardFixture.OWN_A_SHOP;
import static com.mallrank.kibana.DashboardFixture.OWN_A_TITLE;
import static com.mallrank.kibana.DashboardFixture.OWN_B;
import static com.mallrank.kibana.DashboardFixture.RANKED;
import static com.mallrank.kibana.DashboardFixture.SLOTS;
import static com.mallrank.kibana.DashboardFixture.STATIC;
import static com.mallrank.kibana.DashboardFixture.TO;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mallrank.index.document.ListingDocument;
import com.mallrank.index.testing.LocalElasticsearchExtension;
import com.mallrank.index.testing.TestIndices;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Every panel of the dashboards, proven on data: each test runs the search the panel's saved
 * configuration asks Elasticsearch for ({@link LensRequest}, {@link VegaRequest}, a saved search's
 * query and sort, an options list's suggestions), built from {@code saved-objects/mallrank.ndjson}
 * itself, against {@link DashboardFixture} in the real Elasticsearch, over the dashboards' default
 * range (the last 24 hours), and asserts the answer exactly. Kibana itself cannot run here: these
 * tests stop at the table or the values Kibana would draw. One fixture load for the class.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PanelsIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DashboardFixture FIXTURE = new DashboardFixture();

  /** The panels a test ran: the last test checks every dashboard's panels are among them. */
  private static final Set<String> PROVEN = java.util.concurrent.ConcurrentHashMap.newKeySet();

  private static TestIndices indices;
  private static ElasticsearchClient client;
  private static Map<String, JsonNode> objects;

  @BeforeAll
  static void load() throws Exception {
    objects = new HashMap<>();
    for (JsonNode object :
        SavedObjectsCheck.parseNdjson(
            Files.readString(
                Path.of("saved-objects", "mallrank.ndjson"), StandardCharsets.UTF_8))) {
      objects.put(object.path("id").asText(), object);
    }
    indices = LocalElasticsearchExtension.newTestIndices(PanelsIT.class).bootstrap();
    client = indices.client();
    FIXTURE.write(client, indices.names());
  }

  @AfterAll
  static void clean() {
    if (indices != null) {
      indices.deleteAll();
    }
  }

  // ------------------------------------------------------------------ search operator

  @Test
  void theTopTwentyBoardHasTwentyRowsPerSampleWithCompetitorsAndTheCardsAsTheyWere() {
    List<Map<String, Object>> rows = lens("mallrank-operator-top20-board");

    Map<List<Object>, List<Map<String, Object>>> bySample = new TreeMap<>(PanelsIT::compareKeys);
    for (Map<String, Object> row : rows) {
      bySample
          .computeIfAbsent(
              List.of(
                  row.get("b-profile"),
                  row.get("b-keyword"),
                  row.get("b-vantage"),
                  row.get("b-slot")),
              k -> new ArrayList<>())
          .add(row);
    }
    // every ok sample of the range: 2 keywords x 3 vantages x 4 slots, and the mall's 4
    Map<List<Object>, List<ListingDocument>> expected = new TreeMap<>(PanelsIT::compareKeys);
    FIXTURE.listingsBySample().entrySet().stream()
        .filter(e -> inRange((Instant) e.getKey().get(3)))
        .forEach(e -> expected.put(e.getKey(), e.getValue()));
    assertThat(bySample.keySet()).containsExactlyElementsOf(expected.keySet()).hasSize(28);
    assertThat(rows).hasSize(28 * 20);
    assertThat(bySample.keySet())
        .as("no rows for the empty keyword nor the blocked vantage")
        .noneMatch(k -> k.contains(EMPTY) || k.contains(BLOCKED));
    for (Map.Entry<List<Object>, List<Map<String, Object>>> sample : bySample.entrySet()) {
      List<Tuple> cards =
          expected.get(sample.getKey()).stream()
              .filter(l -> l.position() <= 20)
              .map(
                  l ->
                      tuple(
                          (long) l.position(),
                          l.title(),
                          l.shopName(),
                          l.matrixAccount(),
                          l.sponsored(),
                          l.priceFen()))
              .toList();
      assertThat(sample.getValue())
          .as("the board of %s, card by card", sample.getKey())
          .extracting(
              r -> r.get("b-position"),
              r -> r.get("b-title"),
              r -> r.get("b-shop"),
              r -> r.get("b-mine"),
              r -> r.get("b-ad"),
              r -> r.get("b-price"))
          .containsExactlyElementsOf(cards);
    }
    // competitors are on the board, with Mine empty: 17 of the anonymous Top-20 at the latest slot
    List<Map<String, Object>> latest = bySample.get(List.of(STATIC, RANKED, ANONYMOUS, NOW));
    assertThat(latest.stream().filter(r -> r.get("b-mine") == null)).hasSize(17);
    assertThat(latest.get(4))
        .containsEntry("b-position", 5L)
        .containsEntry("b-title", OWN_A_TITLE)
        .containsEntry("b-shop", OWN_A_SHOP)
        .containsEntry("b-mine", MX_A);
    // the title as the card was in that slot: c3 was renamed in the latest slot only
    assertThat(titlesOf(bySample, NOW))
        .contains(RANKED + " 竞品3 新款")
        .doesNotContain(RANKED + " 竞品3");
    assertThat(titlesOf(bySample, SLOTS.get(2)))
        .contains(RANKED + " 竞品3")
        .doesNotContain(RANKED + " 竞品3 新款");
  }

  @Test
  void theRankTableGivesTheRankNowItsGainSinceADayAndAWeekAndTheBest() {
    List<Map<String, Object>> rows = lens("mallrank-operator-rank-table");

    assertThat(rows)
        .extracting(
            r -> r.get("r-profile"),
            r -> r.get("r-keyword"),
            r -> r.get("r-vantage"),
            r -> r.get("r-product"),
            r -> r.get("r-title"),
            r -> r.get("r-account"),
            r -> r.get("r-now"),
            r -> r.get("r-d1"),
            r -> r.get("r-d7"),
            r -> r.get("r-best"))
        .containsExactlyInAnyOrder(
            tuple(MALL, RANKED, ANONYMOUS, OWN_A, OWN_A_TITLE, MX_A, 2L, null, null, 2.0),
            tuple(STATIC, RANKED, ANONYMOUS, OWN_A, OWN_A_TITLE, MX_A, 5L, 4.0, 7.0, 5.0),
            tuple(
                STATIC,
                RANKED,
                ANONYMOUS,
                OWN_B,
                DashboardFixture.OWN_B_TITLE,
                MX_B,
                16L,
                null,
                null,
                16.0),
            tuple(STATIC, RANKED, MX_A, OWN_A, OWN_A_TITLE, MX_A, 2L, 2.0, 8.0, 2.0),
            tuple(
                STATIC,
                RANKED,
                MX_A,
                OWN_B,
                DashboardFixture.OWN_B_TITLE,
                MX_B,
                17L,
                null,
                null,
                17.0),
            tuple(STATIC, RANKED, MX_B, OWN_A, OWN_A_TITLE, MX_A, 11L, null, null, 11.0),
            tuple(
                STATIC,
                RANKED,
                MX_B,
                OWN_B,
                DashboardFixture.OWN_B_TITLE,
                MX_B,
                3L,
                null,
                null,
                3.0),
            tuple(STATIC, GAP, ANONYMOUS, OWN_A, OWN_A_TITLE, MX_A, 25L, null, null, 25.0));
  }

  @Test
  void theBestRankPerVantageHasAPointPerSlotForTheTenBestVantages() {
    JsonNode profiles = vega("mallrank-operator-rank-by-vantage", List.of(term("keyword", RANKED)));

    Map<String, Map<String, List<Tuple>>> lines = new LinkedHashMap<>();
    for (JsonNode profile : profiles) {
      Map<String, List<Tuple>> vantages = new LinkedHashMap<>();
      for (JsonNode vantage : profile.path("vantages").path("buckets")) {
        List<Tuple> points = new ArrayList<>();
        for (JsonNode slot : vantage.path("slots").path("buckets")) {
          points.add(
              tuple(
                  Instant.ofEpochMilli(slot.path("key").asLong()),
                  slot.path("best").path("value").asInt()));
        }
        vantages.put(vantage.path("key").asText(), points);
      }
      lines.put(profile.path("key").asText(), vantages);
    }
    assertThat(lines.keySet()).as("most cards first").containsExactly(STATIC, MALL);
    assertThat(lines.get(STATIC).keySet())
        .as("best first; the blocked vantage has no listings")
        .containsExactly(MX_A, MX_B, ANONYMOUS);
    assertThat(lines.get(STATIC).get(ANONYMOUS)).containsExactlyElementsOf(points(8, 6, 7, 5));
    assertThat(lines.get(STATIC).get(MX_A)).containsExactlyElementsOf(points(3, 3, 2, 2));
    assertThat(lines.get(STATIC).get(MX_B)).containsExactlyElementsOf(points(4, 4, 3, 3));
    assertThat(lines.get(MALL).get(ANONYMOUS)).containsExactlyElementsOf(points(4, 3, 2, 2));
  }

  @Test
  void organicRankAndAdPositionPerSlot() {
    JsonNode profiles =
        vega(
            "mallrank-operator-organic-vs-ad",
            List.of(term("keyword", RANKED), term("vantage", ANONYMOUS), term("profile", STATIC)));

    assertThat(profiles).hasSize(1);
    List<Tuple> points = new ArrayList<>();
    for (JsonNode slot : profiles.get(0).path("slots").path("buckets")) {
      JsonNode ads = slot.path("ads").path("best").path("value");
      points.add(
          tuple(
              Instant.ofEpochMilli(slot.path("key").asLong()),
              slot.path("organic").path("value").asInt(),
              ads.isNumber() ? ads.asInt() : null));
    }
    // own-a at 8, 6, 7, 5 behind an ad at 1 (and its own ad at 3 in the last two slots)
    assertThat(points)
        .containsExactly(
            tuple(SLOTS.get(0), 7, null),
            tuple(SLOTS.get(1), 5, null),
            tuple(SLOTS.get(2), 5, 3),
            tuple(SLOTS.get(3), 3, 3));
  }

  @Test
  void myListingsOverTimeAreNamedByTitleWithAPointPerSlot() {
    JsonNode keywords =
        vega(
            "mallrank-matrix-rank-over-time",
            List.of(term("vantage", ANONYMOUS), term("profile", STATIC)));

    Map<String, List<Tuple>> lines = new LinkedHashMap<>();
    for (JsonNode keyword : keywords) {
      for (JsonNode listing : keyword.path("listings").path("buckets")) {
        JsonNode name = listing.path("name").path("hits").path("hits").get(0).path("_source");
        List<Tuple> points = new ArrayList<>();
        for (JsonNode slot : listing.path("slots").path("buckets")) {
          points.add(
              tuple(
                  Instant.ofEpochMilli(slot.path("key").asLong()),
                  slot.path("best").path("value").asInt()));
        }
        lines.put(
            keyword.path("key").asText()
                + " · "
                + name.path("matrix_account").asText()
                + " · "
                + name.path("title").asText(),
            points);
      }
    }
    assertThat(lines.keySet())
        .containsExactly(
            RANKED + " · mx-a · " + OWN_A_TITLE,
            RANKED + " · mx-b · " + DashboardFixture.OWN_B_TITLE,
            GAP + " · mx-a · " + OWN_A_TITLE);
    assertThat(lines.get(RANKED + " · mx-a · " + OWN_A_TITLE))
        .containsExactlyElementsOf(points(8, 6, 7, 5));
    assertThat(lines.get(RANKED + " · mx-b · " + DashboardFixture.OWN_B_TITLE))
        .containsExactlyElementsOf(points(18, 17, 19, 16));
    assertThat(lines.get(GAP + " · mx-a · " + OWN_A_TITLE))
        .containsExactlyElementsOf(points(25, 25, 25, 25));
  }

  @Test
  void samplesByStatusCountEverySamplePerSlot() {
    List<Map<String, Object>> rows = lens("mallrank-samples-by-status");

    assertThat(rows)
        .extracting(
            r -> r.get("status-slot"),
            r -> r.get("status-ok"),
            r -> r.get("status-empty"),
            r -> r.get("status-blocked"),
            r -> r.get("status-error"))
        .containsExactly(
            tuple(SLOTS.get(0), 7L, 3L, 3L, null),
            tuple(SLOTS.get(1), 7L, 3L, 3L, null),
            tuple(SLOTS.get(2), 7L, 3L, 3L, null),
            tuple(SLOTS.get(3), 7L, 3L, 3L, null));
  }

  // ------------------------------------------------------------------ matrix manager

  @Test
  void theCoverageHeatmapHasARowForTheGapKeywordWithNoNumber() {
    List<Map<String, Object>> rows = lens("mallrank-matrix-coverage-heatmap");

    Map<String, Map<String, Object>> cells = new TreeMap<>();
    for (Map<String, Object> row : rows) {
      cells
          .computeIfAbsent((String) row.get("h-keyword"), k -> new TreeMap<>())
          .put(String.valueOf(row.get("h-account")), row.get("h-best"));
    }
    assertThat(cells.keySet())
        .as("every keyword with cards has a row")
        .containsExactly(RANKED, GAP);
    assertThat(cells.get(GAP))
        .as("the gap: mx-a only at 25, competitors' column empty")
        .containsOnlyKeys(MX_A, "null")
        .allSatisfy((account, best) -> assertThat(best).isNull());
    assertThat(cells.get(RANKED))
        .containsEntry(MX_A, 2.0)
        .containsEntry(MX_B, 3.0)
        .containsEntry("null", null);
  }

  @Test
  void theGapsTableShowsZeroForAGapAndTwoForCannibalisation() {
    List<Map<String, Object>> rows = lens("mallrank-matrix-gaps");

    assertThat(rows)
        .extracting(
            r -> r.get("g-keyword"),
            r -> r.get("g-accounts"),
            r -> r.get("g-cards"),
            r -> r.get("g-near"))
        .containsExactly(
            // 0, not blank: own-a is only at 25 (four slots: four near misses)
            tuple(GAP, 0L, 0L, 4L),
            // own-a and own-b in three vantages and four slots, own-a's two ads, the mall's four
            tuple(RANKED, 2L, 30L, 0L));
  }

  @Test
  void topTwentyShareCountsCompetitorsInTheMissingBucket() {
    List<Map<String, Object>> rows = lens("mallrank-top20-share");

    Map<List<Object>, Long> expected = new TreeMap<>(PanelsIT::compareKeys);
    inRangeListings().stream()
        .filter(l -> l.position() <= 20)
        .forEach(
            l ->
                expected.merge(
                    java.util.Arrays.asList(l.matrixAccount(), l.slot()), 1L, Long::sum));
    Map<List<Object>, Long> actual = new TreeMap<>(PanelsIT::compareKeys);
    rows.forEach(
        r ->
            actual.put(
                java.util.Arrays.asList(r.get("share-account"), r.get("share-slot")),
                (Long) r.get("share-count")));
    assertThat(actual).isEqualTo(expected);
    assertThat(actual.get(java.util.Arrays.asList(null, NOW)))
        .as("competitors: 7 samples x 20 - my 8 cards")
        .isEqualTo(7 * 20 - 8L);
  }

  // ------------------------------------------------------------------ competitive analyst

  @Test
  void theChangeTimelineAndTheChangesByShop() {
    assertThat(lens("mallrank-analyst-change-timeline"))
        .extracting(r -> r.get("t-slot"), r -> r.get("t-kind"), r -> r.get("t-count"))
        .containsExactlyInAnyOrder(
            tuple(SLOTS.get(1), "main_image", 1L),
            tuple(SLOTS.get(2), "commission", 1L),
            tuple(NOW, "price", 1L),
            tuple(NOW, "title", 1L));
    assertThat(lens("mallrank-analyst-changes-by-shop"))
        .extracting(
            r -> r.get("s-shop"),
            r -> r.get("s-price"),
            r -> r.get("s-commission"),
            r -> r.get("s-image"))
        .containsExactlyInAnyOrder(
            tuple(DashboardFixture.shop(4), 1L, null, null),
            tuple(DashboardFixture.shop(5), null, 1L, null),
            tuple(DashboardFixture.shop(6), null, null, 1L),
            tuple(DashboardFixture.shop(3), null, null, null));
  }

  @Test
  void theChangeLogNamesListingsByTitleNewestFirst() {
    JsonNode hits = savedSearch("mallrank-change-log", List.of(), 10);

    assertThat(hits)
        .extracting(
            h -> h.path("_source").path("slot").asText(),
            h -> h.path("_source").path("kind").asText(),
            h -> h.path("_source").path("title").asText(),
            h -> h.path("_source").path("product_id").asText())
        .containsExactlyInAnyOrder(
            tuple(NOW.toString(), "price", RANKED + " 竞品4", "c4"),
            tuple(NOW.toString(), "title", RANKED + " 竞品3 新款", "c3"),
            tuple(SLOTS.get(2).toString(), "commission", RANKED + " 竞品5", "c5"),
            tuple(SLOTS.get(1).toString(), "main_image", RANKED + " 竞品6", "c6"));
    assertThat(hits.get(0).path("_source").path("slot").asText()).isEqualTo(NOW.toString());
    assertThat(hits.get(3).path("_source").path("slot").asText())
        .isEqualTo(SLOTS.get(1).toString());
  }

  @Test
  void drillingDownFromTheChangeLogShowsOneProductsPriceAndCommissionPerSlot() {
    // the change log's product_id, added as a filter ("filter for value")
    List<Map<String, Object>> rows =
        lens("mallrank-analyst-product-history", List.of(term("product_id", "c4")));

    assertThat(rows)
        .extracting(
            r -> r.get("ph-title"),
            r -> r.get("ph-slot"),
            r -> r.get("ph-price"),
            r -> r.get("ph-commission"))
        .containsExactly(
            tuple(RANKED + " 竞品4", SLOTS.get(0), 14_000L, 1_040L),
            tuple(RANKED + " 竞品4", SLOTS.get(1), 14_000L, 1_040L),
            tuple(RANKED + " 竞品4", SLOTS.get(2), 14_000L, 1_040L),
            tuple(RANKED + " 竞品4", NOW, 25_900L, 1_040L));
  }

  @Test
  void topTwentySharePerCompetitorShop() {
    Map<String, Long> expected = new TreeMap<>();
    inRangeListings().stream()
        .filter(l -> l.position() <= 20 && l.matrixAccount() == null)
        .forEach(l -> expected.merge(l.shopName(), 1L, Long::sum));

    Map<String, Long> actual = new TreeMap<>();
    lens("mallrank-analyst-top20-share-by-shop")
        .forEach(r -> actual.put((String) r.get("c-shop"), (Long) r.get("c-cards")));

    assertThat(actual).isEqualTo(expected).hasSize(DashboardFixture.SHOPS.size());
    assertThat(actual.values().stream().mapToLong(Long::longValue).sum())
        .as("28 samples x 20 cards - my 30 Top-20 cards")
        .isEqualTo(28 * 20 - 30L);
  }

  @Test
  void competitorSalesOverTimeForTheTenBestSellers() {
    List<Map<String, Object>> rows = lens("mallrank-analyst-competitor-sales");

    Map<String, Map<Instant, Long>> expected =
        expectedLines(ListingDocument::title, ListingDocument::salesCount);
    List<String> bestSellers =
        expected.entrySet().stream()
            .sorted(
                Comparator.comparing(
                        (Map.Entry<String, Map<Instant, Long>> e) ->
                            e.getValue().values().stream()
                                .mapToLong(Long::longValue)
                                .max()
                                .orElse(0))
                    .reversed()
                    .thenComparing(Map.Entry::getKey))
            .limit(10)
            .map(Map.Entry::getKey)
            .toList();
    Map<String, Map<Instant, Long>> actual = lines(rows, "sl-title", "sl-slot", "sl-sales");

    assertThat(actual.keySet()).containsExactlyInAnyOrderElementsOf(bestSellers);
    bestSellers.forEach(t -> assertThat(actual.get(t)).as(t).isEqualTo(expected.get(t)));
    assertThat(actual.get(RANKED + " 竞品28"))
        .as("已售2820 .. 已售2850: a point per slot")
        .containsExactly(
            Map.entry(SLOTS.get(0), 2_820L),
            Map.entry(SLOTS.get(1), 2_830L),
            Map.entry(SLOTS.get(2), 2_840L),
            Map.entry(NOW, 2_850L));
  }

  @Test
  void competitorPricesOverTime() {
    List<Map<String, Object>> rows = lens("mallrank-competitor-prices-over-time");

    Map<String, Long> seen = new TreeMap<>();
    inRangeListings().stream()
        .filter(l -> l.matrixAccount() == null)
        .forEach(l -> seen.merge(l.productId(), 1L, Long::sum));
    Map<String, Map<Instant, Long>> expected =
        expectedLines(ListingDocument::productId, ListingDocument::priceFen);
    // terms ordered by count, ties by key (Elasticsearch's order): the 10 most-seen products
    List<String> products =
        seen.entrySet().stream()
            .sorted(
                Map.Entry.<String, Long>comparingByValue()
                    .reversed()
                    .thenComparing(Map.Entry.comparingByKey()))
            .limit(10)
            .map(Map.Entry::getKey)
            .toList();
    Map<String, Map<Instant, Long>> actual =
        lines(rows, "price-product", "price-slot", "price-fen");

    assertThat(actual.keySet()).containsExactlyInAnyOrderElementsOf(products);
    products.forEach(p -> assertThat(actual.get(p)).as(p).isEqualTo(expected.get(p)));
    assertThat(actual.values()).allSatisfy(line -> assertThat(line).hasSize(4));
  }

  // ------------------------------------------------------------------ keyword market

  @Test
  void marketBandsPerKeyword() {
    List<Map<String, Object>> rows = lens("mallrank-market-bands");

    assertThat(rows).extracting(r -> r.get("m-keyword")).containsExactly(GAP, RANKED);
    for (Map<String, Object> row : rows) {
      List<ListingDocument> top =
          inRangeListings().stream()
              .filter(l -> l.keyword().equals(row.get("m-keyword")) && l.position() <= 20)
              .toList();
      List<Long> prices = top.stream().map(ListingDocument::priceFen).sorted().toList();
      assertThat(row.get("m-pmin")).isEqualTo(prices.get(0).doubleValue());
      assertThat(row.get("m-pmax")).isEqualTo(prices.get(prices.size() - 1).doubleValue());
      assertThat((Double) row.get("m-pmed"))
          .isBetween(
              prices.get((prices.size() - 1) / 2).doubleValue(),
              prices.get(prices.size() / 2).doubleValue());
      assertThat(row.get("m-cards")).isEqualTo((long) top.size());
      assertThat(row.get("m-ads"))
          .isEqualTo(
              top.stream().filter(ListingDocument::sponsored).count() == 0
                  ? null
                  : top.stream().filter(ListingDocument::sponsored).count());
      assertThat(row.get("m-shops"))
          .isEqualTo(top.stream().map(ListingDocument::shopId).distinct().count());
    }
  }

  @Test
  void theMarketMedianHasAPointPerSlot() {
    assertThat(lens("mallrank-market-median-over-time"))
        .extracting(r -> r.get("p-slot"))
        .containsExactlyElementsOf(SLOTS);
  }

  // ------------------------------------------------------------------ sampling health

  @Test
  void statusPerIdentityListsTheVantageBlockedAllDay() {
    assertThat(lens("mallrank-health-status-by-identity"))
        .extracting(
            r -> r.get("i-vantage"),
            r -> r.get("i-ok"),
            r -> r.get("i-empty"),
            r -> r.get("i-blocked"))
        .containsExactly(
            tuple(BLOCKED, null, null, 12L),
            tuple(MX_B, 8L, 4L, null),
            tuple(MX_A, 8L, 4L, null),
            tuple(ANONYMOUS, 12L, 4L, null));
  }

  @Test
  void successRateAndSampleDurationPerSlot() {
    List<Map<String, Object>> rows = lens("mallrank-health-success-and-duration");

    assertThat(rows)
        .extracting(
            r -> r.get("sr-slot"),
            r -> r.get("sr-ranked"),
            r -> r.get("sr-all"),
            r -> r.get("sr-rate"),
            r -> r.get("sr-median"),
            r -> r.get("sr-max"))
        .containsExactly(
            tuple(SLOTS.get(0), 7L, 13L, 7 / 13.0, 1_000.0, 3_000.0),
            tuple(SLOTS.get(1), 7L, 13L, 7 / 13.0, 1_100.0, 3_000.0),
            tuple(SLOTS.get(2), 7L, 13L, 7 / 13.0, 1_200.0, 3_000.0),
            tuple(SLOTS.get(3), 7L, 13L, 7 / 13.0, 1_300.0, 3_000.0));
  }

  @Test
  void theMissedAndTheLateSlotAreListed() {
    assertThat(lens("mallrank-health-slot-outcomes"))
        .extracting(
            r -> r.get("ms-group"),
            r -> r.get("ms-slot"),
            r -> r.get("ms-outcome"),
            r -> r.get("ms-count"))
        .containsExactly(
            tuple("winter", DashboardFixture.MISSED, "missed", 1L),
            tuple("winter", DashboardFixture.LATE, "late", 1L));
  }

  @Test
  void everySampleWithoutRanksIsListedWithItsEvidence() {
    JsonNode hits = savedSearch("mallrank-health-unsampled", List.of(), 100);

    assertThat(hits).hasSize(4 * (3 + 3));
    assertThat(hits)
        .extracting(h -> h.path("_source").path("status").asText())
        .containsOnly("empty", "blocked");
  }

  @Test
  void competitorListingsAreSortedByProductThenNewestSlot() {
    JsonNode hits = savedSearch("mallrank-competitor-listings", List.of(term("keyword", GAP)), 3);

    assertThat(hits)
        .extracting(
            h -> h.path("_source").path("product_id").asText(),
            h -> h.path("_source").path("slot").asText())
        .containsExactly(
            tuple("g1", NOW.toString()), tuple("g1", NOW.toString()), tuple("g1", NOW.toString()));
  }

  @Test
  void everyDashboardsControlsOfferWhatItsPanelsShowTheBlockedVantageIncluded() {
    for (String dashboard :
        List.of(
            "mallrank-overview",
            "mallrank-dashboard-search-operator",
            "mallrank-dashboard-sampling-health")) {
      assertThat(options(dashboard, "vantage"))
          .as(dashboard)
          .containsExactlyInAnyOrder(ANONYMOUS, MX_A, MX_B, BLOCKED);
      assertThat(options(dashboard, "profile"))
          .as(dashboard)
          .containsExactlyInAnyOrder(STATIC, MALL);
    }
    // the listings, where the controls read before, have no card of the blocked vantage
    assertThat(suggestions("mallrank-listings", "vantage"))
        .containsExactlyInAnyOrder(ANONYMOUS, MX_A, MX_B);
  }

  @Test
  @Order(Integer.MAX_VALUE)
  void everyPanelOfEveryDashboardWasProvenAbove() {
    Set<String> panels = new TreeSet<>();
    for (JsonNode object : objects.values()) {
      if (object.path("type").asText().equals("dashboard")) {
        for (JsonNode ref : object.path("references")) {
          if (!ref.path("type").asText().equals("index-pattern")) {
            panels.add(ref.path("id").asText());
          }
        }
      }
    }
    assertThat(panels).hasSize(23);
    assertThat(PROVEN).as("the panels the tests above ran").containsAll(panels);
  }

  // ------------------------------------------------------------------ helpers

  /** A Lens panel's table over the dashboards' default range. */
  private static List<Map<String, Object>> lens(String id) {
    return lens(id, List.of());
  }

  private static List<Map<String, Object>> lens(String id, List<ObjectNode> filters) {
    PROVEN.add(id);
    LensRequest request = LensRequest.of(objects.get(id));
    JsonNode response = Search.run(client, index(request.view()), request.body(FROM, TO, filters));
    return request.rows(response);
  }

  private static JsonNode vega(String id, List<ObjectNode> filters) {
    PROVEN.add(id);
    VegaRequest request = VegaRequest.of(objects.get(id));
    String view =
        objects.values().stream()
            .filter(o -> o.path("attributes").path("title").asText().equals(request.index()))
            .findFirst()
            .orElseThrow()
            .path("id")
            .asText();
    return request.values(Search.run(client, index(view), request.body(FROM, TO, filters)));
  }

  /** A saved search's hits: its KQL query and sort, the time range, the dashboard's filters. */
  private static JsonNode savedSearch(String id, List<ObjectNode> filters, int size) {
    PROVEN.add(id);
    JsonNode search = objects.get(id);
    JsonNode source =
        SavedObjectsCheck.readJson(
            search
                .path("attributes")
                .path("kibanaSavedObjectMeta")
                .path("searchSourceJSON")
                .asText());
    ObjectNode body = JSON.createObjectNode().put("size", size);
    var filter = body.putObject("query").putObject("bool").putArray("filter");
    filter.add(LensRequest.range(FROM, TO));
    filter.add(KqlQuery.of(source.path("query").path("query").asText()));
    filters.forEach(filter::add);
    var sort = body.putArray("sort");
    for (JsonNode pair : search.path("attributes").path("sort")) {
      sort.addObject().putObject(pair.get(0).asText()).put("order", pair.get(1).asText());
    }
    String view = search.path("references").get(0).path("id").asText();
    return Search.run(client, index(view), body).path("hits").path("hits");
  }

  /** The values an options-list control of a dashboard offers over the range. */
  private static Set<String> options(String dashboard, String field) {
    JsonNode object = objects.get(dashboard);
    JsonNode controls =
        SavedObjectsCheck.readJson(
            object.path("attributes").path("controlGroupInput").path("panelsJSON").asText());
    String control = null;
    for (var entry : (Iterable<Map.Entry<String, JsonNode>>) controls::fields) {
      if (entry.getValue().path("explicitInput").path("fieldName").asText().equals(field)) {
        control = entry.getKey();
      }
    }
    String reference = "controlGroup_" + control + ":optionsListDataView";
    String view = null;
    for (JsonNode ref : object.path("references")) {
      if (ref.path("name").asText().equals(reference)) {
        view = ref.path("id").asText();
      }
    }
    return suggestions(Objects.requireNonNull(view, reference), field);
  }

  /**
   * An options list's suggestions: a terms aggregation on the field over the control's data view in
   * the time range, most documents first
   * (src/platform/plugins/shared/controls/server/options_list/suggestion_queries/options_list_all_suggestions.ts).
   */
  private static Set<String> suggestions(String view, String field) {
    ObjectNode body = JSON.createObjectNode().put("size", 0);
    body.putObject("query").putObject("bool").putArray("filter").add(LensRequest.range(FROM, TO));
    body.putObject("aggs")
        .putObject("suggestions")
        .putObject("terms")
        .put("field", field)
        .put("size", 10)
        .putObject("order")
        .put("_count", "desc");
    Set<String> values = new TreeSet<>();
    Search.run(client, index(view), body)
        .path("aggregations")
        .path("suggestions")
        .path("buckets")
        .forEach(b -> values.add(b.path("key").asText()));
    return values;
  }

  /** A dashboard filter as a control or "filter for value" adds it: a phrase match. */
  private static ObjectNode term(String field, String value) {
    ObjectNode filter = JSON.createObjectNode();
    filter.putObject("match_phrase").put(field, value);
    return filter;
  }

  /** A data view's title pointed at this test's prefix: mallrank-listings* → <prefix>-listings*. */
  private static String index(String view) {
    String title = objects.get(view).path("attributes").path("title").asText();
    return indices.prefix() + title.substring("mallrank".length());
  }

  /** Every listing of the fixture's samples in the dashboards' range. */
  private static List<ListingDocument> inRangeListings() {
    return FIXTURE.listingsBySample().entrySet().stream()
        .filter(e -> inRange((Instant) e.getKey().get(3)))
        .flatMap(e -> e.getValue().stream())
        .toList();
  }

  /** Per competitor series, the highest value per slot in the range: what a max line draws. */
  private static Map<String, Map<Instant, Long>> expectedLines(
      java.util.function.Function<ListingDocument, String> series,
      java.util.function.Function<ListingDocument, Long> value) {
    Map<String, Map<Instant, Long>> lines = new TreeMap<>();
    inRangeListings().stream()
        .filter(l -> l.matrixAccount() == null)
        .forEach(
            l ->
                lines
                    .computeIfAbsent(series.apply(l), k -> new TreeMap<>())
                    .merge(l.slot(), value.apply(l), Math::max));
    return lines;
  }

  /** A line chart's table as series → slot → value. */
  private static Map<String, Map<Instant, Long>> lines(
      List<Map<String, Object>> rows, String series, String slot, String value) {
    Map<String, Map<Instant, Long>> lines = new TreeMap<>();
    rows.forEach(
        r ->
            lines
                .computeIfAbsent((String) r.get(series), k -> new TreeMap<>())
                .put((Instant) r.get(slot), ((Double) r.get(value)).longValue()));
    return lines;
  }

  private static List<Tuple> points(int... ranks) {
    List<Tuple> points = new ArrayList<>();
    for (int i = 0; i < ranks.length; i++) {
      points.add(tuple(SLOTS.get(i), ranks[i]));
    }
    return points;
  }

  private static boolean inRange(Instant slot) {
    return !slot.isBefore(FROM) && !slot.isAfter(TO);
  }

  private static Set<String> titlesOf(
      Map<List<Object>, List<Map<String, Object>>> bySample, Instant slot) {
    return bySample.entrySet().stream()
        .filter(e -> e.getKey().get(3).equals(slot) && e.getKey().get(1).equals(RANKED))
        .flatMap(e -> e.getValue().stream())
        .map(r -> (String) r.get("b-title"))
        .collect(Collectors.toSet());
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static int compareKeys(List<Object> a, List<Object> b) {
    for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
      Object x = a.get(i);
      Object y = b.get(i);
      if (x == null || y == null) {
        if (x != y) {
          return x == null ? -1 : 1;
        }
        continue;
      }
      int c = ((Comparable) x).compareTo(y);
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(a.size(), b.size());
  }
}
