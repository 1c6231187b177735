package com.mallrank.crawler.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.mallrank.crawler.model.Listing;
import com.mallrank.crawler.model.ResultPage;
import com.mallrank.crawler.model.SampleStatus;
import com.mallrank.crawler.profile.SiteProfile;
import com.mallrank.crawler.profile.SiteProfiles;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Conformance of the engine on real marketplace pages from {@code ../shared/real-serp/} (read in
 * place, never copied: the content belongs to the platforms). The truth is read from the raw files
 * by another route (regular expressions over the text) or hard-coded after inspection, never by the
 * engine under test.
 */
class RealSerpConformanceTest {

  private static final int ALL = ExtractOptions.MAX_DEPTH;

  // --- JD.com 2016, HTML, no ads -----------------------------------------------------------

  @Test
  void jdHtmlCardsInOrderWithPricesAndLazyImages() throws Exception {
    Path file = realSerp("jd_search_keyword-123_2016.html");
    String raw = read(file);
    List<String> chunks = split(raw, Pattern.compile("<li data-sku=\"(\\d+)\" class=\"gl-item\">"));
    List<String> ids = groups(raw, "<li data-sku=\"(\\d+)\" class=\"gl-item\">");
    assertThat(ids).hasSize(60);

    ResultPage page = ProfileTester.test(profile("jd-search-2016"), file, options(ALL));

    assertThat(page.status()).isEqualTo(SampleStatus.OK);
    assertThat(page.listings()).extracting(Listing::productId).containsExactlyElementsOf(ids);
    assertThat(page.listings()).noneMatch(Listing::sponsored);
    assertThat(page.listings())
        .extracting(Listing::organicRank)
        .containsExactlyElementsOf(IntStream.rangeClosed(1, 60).boxed().toList());
    for (int i = 0; i < 60; i++) {
      Listing l = page.listings().get(i);
      String chunk = chunks.get(i);
      assertThat(l.price())
          .as("price of card %d", i + 1)
          .isEqualTo(new BigDecimal(first(chunk, "data-price=\"([0-9.]+)\"")));
      assertThat(l.imageUrl())
          .as("image of card %d", i + 1)
          .isEqualTo(first(chunk, "<img [^>]*?(?:data-lazy-img|src)=\"([^\"]+)\""));
    }
    // Inspected by hand.
    assertThat(page.listings().get(0).productId()).isEqualTo("11371342");
    assertThat(page.listings().get(0).price()).isEqualByComparingTo("25.20");
    assertThat(page.listings().get(0).title()).isEqualTo("123成人式");
    assertThat(page.listings().get(1).price()).isEqualByComparingTo("16899.00");
    assertThat(page.listings().get(59).productId()).isEqualTo("1715729143");
    assertThat(page.listings().get(59).price()).isEqualByComparingTo("59.00");
  }

  @Test
  void jdTop20IsOkAndStopsAtTwenty() throws Exception {
    ResultPage page =
        ProfileTester.test(
            profile("jd-search-2016"),
            realSerp("jd_search_keyword-123_2016.html"),
            ExtractOptions.DEFAULT);
    assertThat(page.status()).isEqualTo(SampleStatus.OK);
    assertThat(page.listings()).hasSize(20);
    assertThat(page.listings().get(19).position()).isEqualTo(20);
  }

  // --- Amazon.es 2025, HTML, sponsored cards mixed in ---------------------------------------

  @Test
  void amazonSponsoredCardsAndDecimalCommaPrices() throws Exception {
    Path file = realSerp("amazon_es_search_god-of-war_2025.html");
    String raw = read(file);
    Matcher tags =
        Pattern.compile(
                "<div role=\"listitem\" data-asin=\"([^\"]*)\"[^>]*data-component-type=\"s-search-result\""
                    + " class=\"([^\"]*)\"")
            .matcher(raw);
    List<String> ids = new ArrayList<>();
    List<Boolean> adHolder = new ArrayList<>();
    while (tags.find()) {
      ids.add(tags.group(1));
      adHolder.add(tags.group(2).contains("AdHolder"));
    }
    assertThat(ids).hasSize(60);

    ResultPage page = ProfileTester.test(profile("amazon-es-search-2025"), file, options(ALL));

    assertThat(page.status()).isEqualTo(SampleStatus.OK);
    assertThat(page.listings()).extracting(Listing::productId).containsExactlyElementsOf(ids);
    // The profile reads the visible "Patrocinado" label; the truth is the card's AdHolder class.
    assertThat(page.listings()).extracting(Listing::sponsored).containsExactlyElementsOf(adHolder);
    assertThat(adHolder.stream().filter(b -> b).count()).isEqualTo(12);
    assertThat(page.listings().get(3).organicRank()).isEqualTo(1);
    assertThat(page.listings().get(59).organicRank()).isNull();
    // Inspected by hand: "17,04 €", "15,99 €", "78,99 €", "10,15 €" (list price 10,99 ignored).
    assertThat(page.listings().get(0).price()).isEqualByComparingTo("17.04");
    assertThat(page.listings().get(3).price()).isEqualByComparingTo("15.99");
    assertThat(page.listings().get(4).price()).isEqualByComparingTo("78.99");
    assertThat(page.listings().get(59).price()).isEqualByComparingTo("10.15");
    assertThat(page.listings().get(3).title()).isEqualTo("Playstation GOW Hits");
    // Inspected by hand: these cards show no price at all.
    assertThat(page.listings())
        .filteredOn(l -> l.price() == null)
        .extracting(Listing::position)
        .containsExactly(23, 26, 40, 41, 43, 50, 53, 54);
    assertThat(page.listings().get(0).imageUrl())
        .isEqualTo("https://m.media-amazon.com/images/I/71rp30uUz5L._AC_UL320_.jpg");
  }

  // --- Taobao g_page_config 2018, JSON, first card is a P4P ad -------------------------------

  @Test
  void taobaoAdFirstAndTheSameItemOrganicAtThree() throws Exception {
    Path file = realSerp("taobao_search_zhimahu_g_page_config_2018.json");
    String raw = read(file);
    List<String> ids = groups(raw, "\"nid\"\\s*:\\s*\"(\\d+)\"");
    List<String> prices = groups(raw, "\"view_price\"\\s*:\\s*\"([0-9.]+)\"");
    assertThat(ids).hasSize(36);
    assertThat(prices).hasSize(36);

    ResultPage page = ProfileTester.test(profile("taobao-g-page-config-2018"), file, options(ALL));

    assertThat(page.status()).isEqualTo(SampleStatus.PARTIAL); // 36 < 60 requested
    assertThat(page.listings()).extracting(Listing::productId).containsExactlyElementsOf(ids);
    assertThat(page.listings())
        .extracting(l -> l.price().toPlainString())
        .containsExactlyElementsOf(prices);
    assertThat(page.listings()).filteredOn(Listing::sponsored).hasSize(1);
    Listing ad = page.listings().get(0);
    assertThat(ad.sponsored()).isTrue();
    assertThat(ad.organicRank()).isNull();
    assertThat(ad.productId()).isEqualTo("10609596736");
    assertThat(ad.shopName()).isEqualTo("老金磨方旗舰店");
    assertThat(ad.shopId()).isEqualTo("705235443");
    assertThat(ad.salesLabel()).isEqualTo("7261人付款");
    Listing organicTwin = page.listings().get(2);
    assertThat(organicTwin.productId()).isEqualTo("10609596736");
    assertThat(organicTwin.sponsored()).isFalse();
    assertThat(organicTwin.organicRank()).isEqualTo(2);
    assertThat(page.listings().get(35).productId()).isEqualTo("570589863203");
    assertThat(page.listings().get(35).price()).isEqualByComparingTo("39.90");
  }

  @Test
  void taobaoPromoTilesAreSkippedNotRanked() throws Exception {
    Path file = realSerp("taobao_search_nvbao_g_page_config_2018.json");
    List<String> ids = groups(read(file), "\"nid\"\\s*:\\s*\"(\\d+)\"");
    assertThat(ids).hasSize(33); // 36 tiles, 3 of them theme promos without a nid

    ResultPage page = ProfileTester.test(profile("taobao-g-page-config-2018"), file, options(ALL));

    assertThat(page.status()).isEqualTo(SampleStatus.PARTIAL);
    assertThat(page.listings()).extracting(Listing::productId).containsExactlyElementsOf(ids);
    assertThat(page.listings())
        .extracting(Listing::position)
        .containsExactlyElementsOf(IntStream.rangeClosed(1, 33).boxed().toList());
    assertThat(page.listings().get(0).sponsored()).isTrue();
    assertThat(page.listings().get(0).productId()).isEqualTo("44280017876");
    assertThat(page.listings().get(12).productId()).isEqualTo("547583359653");
  }

  // --- AliExpress 2024, JSON, every 4th card an ad ------------------------------------------

  @Test
  void aliexpressEveryFourthCardIsAnAd() throws Exception {
    for (String name :
        List.of("aliexpress_search_sneakers_2024.json", "aliexpress_search_shorts_2024.json")) {
      Path file = realSerp(name);
      List<String> ids = groups(read(file), "\"productId\"\\s*:\\s*\"(\\d+)\"");
      assertThat(ids).as(name).hasSize(60);

      ResultPage page = ProfileTester.test(profile("aliexpress-search-2024"), file, options(ALL));

      assertThat(page.status()).as(name).isEqualTo(SampleStatus.OK);
      assertThat(page.listings()).extracting(Listing::productId).containsExactlyElementsOf(ids);
      for (Listing l : page.listings()) {
        assertThat(l.sponsored())
            .as("%s card %d", name, l.position())
            .isEqualTo(l.position() % 4 == 0);
      }
      assertThat(page.listings().get(59).organicRank()).isNull();
      assertThat(page.listings().get(58).organicRank()).isEqualTo(45);
    }
    ResultPage sneakers =
        ProfileTester.test(
            profile("aliexpress-search-2024"),
            realSerp("aliexpress_search_sneakers_2024.json"),
            options(ALL));
    // Inspected by hand.
    Listing first = sneakers.listings().get(0);
    assertThat(first.productId()).isEqualTo("3256807259722145");
    assertThat(first.price()).isEqualByComparingTo("2.22");
    assertThat(first.shopId()).isEqualTo("1103731380");
    assertThat(first.shopName()).isEqualTo("Heartthrob Square Store");
    assertThat(first.salesLabel()).isEqualTo("4000+ sold");
    assertThat(sneakers.listings().get(3).productId()).isEqualTo("3256804851606502");
    assertThat(sneakers.listings().get(3).price()).isEqualByComparingTo("21.1");
    assertThat(sneakers.listings().get(59).productId()).isEqualTo("3256807226294532");
    assertThat(sneakers.listings().get(59).price()).isEqualByComparingTo("10.5");
  }

  // --- Rainforest API (Amazon) 2023, JSON, page 2, no ads ------------------------------------

  @Test
  void rainforestPageTwoInOrderWithDollarPrices() throws Exception {
    Path file = realSerp("amazon_rainforest_search_node2475018011_page2_2023.json");
    String raw = read(file);
    // Result-level asins are the only ones indented by exactly 8 spaces (prices[] repeat them).
    List<String> asins = groups(raw, "\n {8}\"asin\": \"([A-Z0-9]{10})\"");
    assertThat(asins).hasSize(48);
    assertThat(raw).doesNotContain("\"sponsored\"");

    ResultPage page = ProfileTester.test(profile("amazon-rainforest-2023"), file, options(ALL));

    assertThat(page.status()).isEqualTo(SampleStatus.PARTIAL); // 48 < 60 requested
    assertThat(page.listings()).extracting(Listing::productId).containsExactlyElementsOf(asins);
    assertThat(page.listings()).noneMatch(Listing::sponsored);
    // Inspected by hand: the first result and its price object {"value": 9.99, "raw": "$9.99"}.
    Listing first = page.listings().get(0);
    assertThat(first.productId()).isEqualTo("B06XR7F8Z5");
    assertThat(first.price()).isEqualByComparingTo("9.99");
    assertThat(first.salesLabel()).isEqualTo("100+ bought in past month");
    assertThat(first.imageUrl())
        .isEqualTo("https://m.media-amazon.com/images/I/61aNDm+EjvL._AC_UL320_.jpg");
    assertThat(page.listings()).allMatch(l -> l.price() != null);
  }

  // --- Pinduoduo goods list 2018, JSON, prices in fen ---------------------------------------

  @Test
  void pinduoduoGoodsListPricesInFen() throws Exception {
    Path file = realSerp("pdd_cartoon_fruiter_goods_list_2018.json");
    String raw = read(file);
    // Item-level goods_id sit at 6 spaces (ad.gid-like copies are nested deeper).
    List<String> ids = groups(raw, "\n {6}\"goods_id\": (\\d+)");
    List<String> fen = groups(raw, "\"group\": \\{\\s*\"price\": (\\d+)");
    assertThat(ids).hasSize(20);
    assertThat(fen).hasSize(20);
    assertThat(groups(raw, "\"needAdLogo\": (true)")).isEmpty();

    ResultPage page =
        ProfileTester.test(profile("pdd-goods-list-2018"), file, ExtractOptions.DEFAULT);

    assertThat(page.status()).isEqualTo(SampleStatus.OK);
    assertThat(page.listings()).extracting(Listing::productId).containsExactlyElementsOf(ids);
    assertThat(page.listings())
        .extracting(Listing::price)
        .containsExactlyElementsOf(
            fen.stream().map(f -> new BigDecimal(f).movePointLeft(2)).toList());
    assertThat(page.listings()).noneMatch(Listing::sponsored);
    // Inspected by hand.
    assertThat(page.listings().get(0).productId()).isEqualTo("4058066450");
    assertThat(page.listings().get(0).price()).isEqualByComparingTo("26.50");
    assertThat(page.listings().get(0).title()).isEqualTo("秋冬新款女士保暖背心内衣加绒加厚U领长袖");
  }

  // --- helpers ---------------------------------------------------------------------------------

  private static Path realSerp(String name) {
    String shared = System.getProperty("mallrank.shared.dir");
    assumeTrue(
        shared != null && Files.isDirectory(Path.of(shared, "real-serp")),
        "skipped: real-serp pages not found (system property mallrank.shared.dir="
            + shared
            + "; expected <checkout>/../shared/real-serp)");
    Path file = Path.of(shared, "real-serp", name);
    assumeTrue(Files.isRegularFile(file), "skipped: " + file + " is missing");
    return file;
  }

  private static SiteProfile profile(String id) throws URISyntaxException {
    return SiteProfiles.load(
        Path.of(
            RealSerpConformanceTest.class
                .getResource("/profiles/real-serp/" + id + ".yml")
                .toURI()));
  }

  private static ExtractOptions options(int depth) {
    return ExtractOptions.depth(depth);
  }

  private static String read(Path file) throws IOException {
    return Files.readString(file, StandardCharsets.UTF_8);
  }

  private static List<String> groups(String text, String regex) {
    Matcher m = Pattern.compile(regex).matcher(text);
    List<String> out = new ArrayList<>();
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  private static List<String> split(String text, Pattern start) {
    Matcher m = start.matcher(text);
    List<Integer> starts = new ArrayList<>();
    while (m.find()) {
      starts.add(m.start());
    }
    List<String> chunks = new ArrayList<>();
    for (int i = 0; i < starts.size(); i++) {
      chunks.add(
          text.substring(starts.get(i), i + 1 < starts.size() ? starts.get(i + 1) : text.length()));
    }
    return chunks;
  }

  private static String first(String text, String regex) {
    Matcher m = Pattern.compile(regex).matcher(text);
    assertThat(m.find()).as("/%s/ in raw card", regex).isTrue();
    return m.group(1);
  }
}
