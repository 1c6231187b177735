package com.mallrank.crawler.sampler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mallrank.crawler.fetch.CookieJar;
import com.mallrank.crawler.fetch.FetchResponse;
import com.mallrank.crawler.fetch.har.HarCapture;
import com.mallrank.crawler.model.Listing;
import com.mallrank.crawler.model.ResultPage;
import com.mallrank.crawler.model.SampleStatus;
import com.mallrank.crawler.parse.ExtractOptions;
import com.mallrank.crawler.parse.Extractors;
import com.mallrank.crawler.profile.SiteProfile;
import com.mallrank.crawler.profile.SiteProfiles;
import com.mallrank.crawler.testing.MitmproxyHar;
import com.mallrank.crawler.testing.TtnetFrames;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The acceptance test of issue 17: a HAR written as mitmproxy 12 writes it ({@link MitmproxyHar}),
 * of two goods searches (猫粮, 羽绒服: neither a substring of the other) with two pages each on Douyin
 * 38's v2 stream path, {@code POST /aweme/v2/shop/search/aggregate/shopping/stream/} with the
 * keyword in the form body (douyin-notes §8), each answer a TTNet stream whose frames cut documents
 * and characters. Read by the BUILT-IN douyin-mall profile through the HAR path, as {@code profile
 * test --har} and as a slot's sample from {@code crawler.har-dir} do: every listing's id, title,
 * price, shop, sales, ad flag and rank exact, and nothing else.
 *
 * <p>Built by hand from §8's facts: the card model (ProductID, Title, Price in fen,
 * MaterialContentInfo) is the v3 stream's (§7), INFERRED for the v2 stream; the live-room card's
 * and the related-search section's field names are INVENTED (see pages/douyin-mall/202612/README).
 * Also in the capture, and never read as listings: a recommendation call carrying products in the
 * same card model (its path INVENTED), a product image, a failed flow, the other keyword's search,
 * the preload document, the sort/filter section, the live-room card, 大家都在搜, a product repeated on
 * page 2.
 *
 * <p>mitmproxy writes a body base64 only when more than 30 % of its first 100 bytes look binary;
 * the 羽绒服 page 2 starts with a card whose Chinese title comes first, so it is base64, and its
 * frames split documents but no character (the HAR reader on main decodes base64 bodies to text
 * before splitting them, which a split character would not survive). The other three pages are text
 * with lone surrogates where their frames split characters.
 */
class DouyinMallHarAcceptanceTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant SLOT = Instant.parse("2026-12-07T06:00:00Z");
  private static final String CAT = "猫粮";
  private static final String COAT = "羽绒服";
  private static final String HOST = "https://ecom5-normal-lf.ecombdapi.com";
  private static final String DEVICE =
      "?iid=7432100000000000&device_id=7432100000000001&ac=wifi&channel=huawei&aid=1128"
          + "&app_name=aweme&version_code=380000&version_name=38.0.0&device_platform=android"
          + "&os_api=33&device_type=Pixel%207&_rticket=1796623320000&ts=1796623320";
  private static final String SEARCH = HOST + "/aweme/v2/shop/search/aggregate/shopping/stream/";
  private static final String JSON_UTF8 = "application/json; charset=utf-8";

  /** A product card of the stream (§7), and what the profile must read from it. */
  record Card(String id, String title, long fen, String material, String shop, String sales) {

    ObjectNode json() {
      ObjectNode card = JSON.createObjectNode();
      card.put("ProductID", id);
      card.put("Title", title);
      card.put("Price", fen);
      card.put("MaterialContentInfo", material);
      return card;
    }

    Tuple expected(int rank) {
      return tuple(
          rank, rank, false, id, title, BigDecimal.valueOf(fen).movePointLeft(2), shop, sales);
    }
  }

  private static final Card A1 =
      new Card(
          "3712026120000001001",
          "猫粮成猫全价天然粮10斤",
          8990,
          "素材id:601,素材内容:喵星人宠物旗舰店;素材id:541,素材内容:已售87件;",
          "喵星人宠物旗舰店",
          "已售87件");
  private static final Card A2 =
      new Card(
          "3712026120000001002",
          "幼猫粮奶糕1.5kg",
          4590,
          "区域名称:shop 内容:[素材id:601,素材内容:猫咪食堂专营店;]区域名称:sales 内容:[素材id:541,素材内容:已售500+件;]",
          "猫咪食堂专营店",
          "已售500+件");
  private static final Card A3 =
      new Card(
          "3712026120000001003",
          "冻干双拼猫粮2kg",
          12800,
          "素材id:541,素材内容:已售1.2万件;素材id:601,素材内容:毛孩子官方旗舰店;",
          "毛孩子官方旗舰店",
          "已售1.2万件");
  private static final Card A4 =
      new Card(
          "3712026120000001004",
          "无谷鸡肉猫粮5kg",
          15900,
          "素材id:601,素材内容:宠爱生活馆;区域名称:shop 内容:[素材id:4987838,素材内容:全店已售6000+件;]",
          "宠爱生活馆",
          null);
  private static final Card A5 =
      new Card(
          "3712026120000001005",
          "鱼肉味猫粮2.5kg",
          6900,
          "素材id:601,素材内容:猫咪食堂专营店;素材id:546,素材内容:已售2000+件;",
          "猫咪食堂专营店",
          "已售2000+件");
  private static final Card A6 =
      new Card("3712026120000001006", "益生菌猫粮1.8kg", 5600, "素材id:601,素材内容:宠爱生活馆;", "宠爱生活馆", null);

  /** Nested in the live-room card: never a listing. */
  private static final Card LIVE =
      new Card(
          "3712026120000001099",
          "直播间讲解中的猫粮",
          5900,
          "素材id:601,素材内容:猫粮工厂店;素材id:541,素材内容:已售9999件;",
          null,
          null);

  /** Answered to another call (a recommendation feed): never a listing. */
  private static final Card FEED1 =
      new Card("3712026120000009001", "为你推荐的猫抓板", 1990, "素材id:601,素材内容:猫窝工厂店;", null, null);

  private static final Card FEED2 =
      new Card("3712026120000009002", "为你推荐的猫砂盆", 3990, "素材id:601,素材内容:猫窝工厂店;", null, null);

  private static final Card B1 =
      new Card(
          "3712026120000002001",
          "羽绒服女长款过膝加厚",
          59900,
          "素材id:601,素材内容:北境羽绒服旗舰店;素材id:546,素材内容:已售1万+件;",
          "北境羽绒服旗舰店",
          "已售1万+件");
  private static final Card B2 =
      new Card(
          "3712026120000002002",
          "白鸭绒短款羽绒服女",
          39900,
          "区域名称:shop 内容:[素材id:601,素材内容:暖冬女装店;]区域名称:sales 内容:[素材id:541,素材内容:已售800+件;]",
          "暖冬女装店",
          "已售800+件");
  private static final Card B3 =
      new Card(
          "3712026120000002003",
          "轻薄羽绒服女内胆",
          19900,
          "素材id:541,素材内容:已售5000+件;素材id:601,素材内容:云朵服饰专营店;",
          "云朵服饰专营店",
          "已售5000+件");
  private static final Card B4 =
      new Card(
          "3712026120000002004",
          "连帽羽绒服女宽松",
          45900,
          "素材id:601,素材内容:北境羽绒服旗舰店;区域名称:shop 内容:[素材id:4987838,素材内容:全店已售10万+件;]",
          "北境羽绒服旗舰店",
          null);
  private static final Card B5 =
      new Card(
          "3712026120000002005",
          "羽绒服女长款过膝加厚白鸭绒冬季外套",
          89900,
          "素材id:601,素材内容:暖冬女装店;素材id:541,素材内容:已售300件;",
          "暖冬女装店",
          "已售300件");
  private static final Card B6 =
      new Card(
          "3712026120000002006", "羽绒服女小个子短款", 29900, "素材id:601,素材内容:云朵服饰专营店;", "云朵服饰专营店", null);

  @TempDir static Path dir;

  private static Path folder;
  private static Path har;
  private static byte[] coatPage2;

  @BeforeAll
  static void writeTheHar() throws IOException {
    byte[] catPage1 =
        TtnetFrames.closedEvery(
            docs(
                preload(A1, A2),
                page(
                    true,
                    4,
                    sortFilter(),
                    goods(A1.json(), A2.json(), liveRoom(LIVE), A3.json(), A4.json()),
                    related("猫粮幼猫", "猫粮成猫"))),
            97);
    byte[] catPage2 = TtnetFrames.closedEvery(docs(page(false, 7, goods(A3, A5, A6))), 53);
    byte[] feed = TtnetFrames.closedEvery(docs(page(false, 2, goods(FEED1, FEED2))), 71);
    byte[] coatPage1 =
        TtnetFrames.closedEvery(
            docs(preload(B1, B2), page(true, 4, sortFilter(), goods(B1, B2, B3, B4))), 89);
    // A card whose title comes first: mitmproxy judges the body binary and writes it base64.
    // Frames end on ASCII bytes only (between a card's fields), still inside documents.
    byte[] page2 = docs(titleFirst(page(false, 7, goods(B5, B2, B6))));
    coatPage2 = TtnetFrames.concat(TtnetFrames.frames(page2, asciiCuts(page2)), TtnetFrames.CLOSE);

    String har =
        new MitmproxyHar()
            .get(
                SLOT.plusSeconds(95),
                "https://p3-aio.ecombdimg.com/obj/ecom-shop-material/v2c1001~tplv-resize:400:400.jpeg",
                "image/jpeg",
                jpegLike())
            .post(SLOT.plusSeconds(120), SEARCH + DEVICE, form(0, CAT), JSON_UTF8, catPage1)
            .post(
                SLOT.plusSeconds(124),
                HOST + "/aweme/v2/shop/feed/recommend/" + DEVICE,
                form(0, CAT),
                JSON_UTF8,
                feed)
            .post(SLOT.plusSeconds(131), SEARCH + DEVICE, form(4, CAT), JSON_UTF8, catPage2)
            .failed(
                SLOT.plusSeconds(140),
                "https://log.snssdk.com/service/2/app_log/?aid=1128",
                "peer closed connection without sending complete message body")
            .post(SLOT.plusSeconds(300), SEARCH + DEVICE, form(0, COAT), JSON_UTF8, coatPage1)
            .post(SLOT.plusSeconds(308), SEARCH + DEVICE, form(4, COAT), JSON_UTF8, coatPage2)
            .write();
    folder = Files.createDirectories(dir.resolve("har-dir"));
    DouyinMallHarAcceptanceTest.har = folder.resolve("phone-2026-12-07.har");
    Files.writeString(DouyinMallHarAcceptanceTest.har, har, StandardCharsets.US_ASCII);
  }

  @Test
  void theHarIsWrittenAsMitmproxyWritesIt() throws IOException {
    JsonNode entries = JSON.readTree(har.toFile()).at("/log/entries");
    assertThat(entries).hasSize(7);
    assertThat(Files.readString(har)).isASCII();
    // three search answers are text, with one lone surrogate per byte of a split character
    for (int i : new int[] {1, 3, 5}) {
      JsonNode content = entries.get(i).at("/response/content");
      assertThat(content.has("encoding")).isFalse();
      assertThat(content.get("text").asText()).containsPattern("[\\udc80-\\udcff]");
    }
    assertThat(entries.get(6).at("/response/content/encoding").asText()).isEqualTo("base64");
    assertThat(MitmproxyHar.mostlyBinary(coatPage2)).isTrue();
    assertThat(entries.get(0).at("/response/content/encoding").asText()).isEqualTo("base64");
    assertThat(entries.get(4).at("/response/status").asInt()).isZero();
    assertThat(entries.get(4).at("/response/_error").asText()).startsWith("peer closed");
    assertThat(entries.get(1).at("/request/postData/params/2/value").asText()).isEqualTo(CAT);
    assertThat(entries.get(1).at("/request/postData/text").asText())
        .startsWith("cursor=0&count=10&keyword=%E7%8C%AB%E7%B2%AE&");
  }

  @Test
  void profileTestHarReadsEveryListingOfEachKeywordExactly() throws Exception {
    assertCat(extract(CAT));
    assertCoat(extract(COAT));
  }

  @Test
  void aSlotSampledFromTheHarFolderReadsTheSameListings() throws Exception {
    KeywordSampler sampler =
        KeywordSampler.builder(null, SamplerSettings.UNTHROTTLED)
            .random(new Random(1))
            .har(folder, Duration.ofHours(1))
            // the sample sends nothing; the search URL's host check still resolves it
            .resolver(host -> new InetAddress[] {InetAddress.getByAddress(host, PUBLIC)})
            .build();
    SiteProfile profile = harProfile();
    assertThat(profile.fetch().har()).isTrue();

    SampleResult cat = sampler.sample(profile, "", CAT, "mx-hangzhou", CookieJar.empty(), 20, SLOT);
    SampleResult coat =
        sampler.sample(profile, "", COAT, "mx-hangzhou", CookieJar.empty(), 20, SLOT);

    assertCat(cat.page());
    assertCoat(coat.page());
    assertThat(cat.page().evidence().url()).isEqualTo(har.toUri().toString());
  }

  private static final byte[] PUBLIC = {(byte) 203, (byte) 107, 1, 1};

  private static void assertCat(ResultPage page) {
    assertListings(page, "card 5 repeats card 3", A1, A2, A3, A4, A5, A6);
  }

  private static void assertCoat(ResultPage page) {
    assertListings(page, "card 6 repeats card 2", B1, B2, B3, B4, B5, B6);
  }

  /** Partial (six of the 20 asked), one repeat dropped, exactly these cards in this order. */
  private static void assertListings(ResultPage page, String repeat, Card... cards) {
    assertThat(page.status()).as("%s", page.evidence()).isEqualTo(SampleStatus.PARTIAL);
    assertThat(page.evidence().detail())
        .isEqualTo(
            "6 cards on the page, fewer than the 20 requested; 1 repeated product id dropped"
                + " (first: "
                + repeat
                + ")");
    List<Tuple> expected = new ArrayList<>();
    for (int i = 0; i < cards.length; i++) {
      expected.add(cards[i].expected(i + 1));
    }
    assertThat(page.listings())
        .extracting(
            Listing::position,
            Listing::organicRank,
            Listing::sponsored,
            Listing::productId,
            Listing::title,
            Listing::price,
            Listing::shopName,
            Listing::salesLabel)
        .containsExactlyElementsOf(expected);
  }

  /** What {@code profile test --profile douyin-mall --har … --har-keyword …} extracts. */
  private static ResultPage extract(String keyword) throws Exception {
    SiteProfile builtIn = SiteProfiles.builtIn("douyin-mall");
    String document =
        new HarCapture(builtIn.fetch().captureUrl()).document(har, keyword, null, null);
    return Extractors.forProfile(builtIn, ExtractOptions.depth(20))
        .extract(
            new FetchResponse(har.toUri().toString(), 200, null, document, null, Duration.ZERO));
  }

  /** The built-in, as the README says to copy it for a HAR folder: {@code with: har}. */
  private static SiteProfile harProfile() throws IOException {
    String yaml;
    try (InputStream in =
        DouyinMallHarAcceptanceTest.class
            .getClassLoader()
            .getResourceAsStream(SiteProfiles.BUILT_IN_FOLDER + "douyin-mall.yml")) {
      yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertThat(yaml).containsOnlyOnce("  with: browser\n");
    return SiteProfiles.parse(
        "douyin-mall.yml", yaml.replace("  with: browser\n", "  with: har\n"));
  }

  // ---- the answers, built from §7/§8's shapes

  private static String form(int cursor, String keyword) {
    return "cursor="
        + cursor
        + "&count=10&keyword="
        + URLEncoder.encode(keyword, StandardCharsets.UTF_8)
        + "&query_correct_type=1&search_source=normal_search&search_scene=douyin_search"
        + "&shown_count="
        + cursor;
  }

  private static byte[] docs(JsonNode... documents) {
    StringBuilder out = new StringBuilder();
    for (JsonNode d : documents) {
      out.append(d.toString());
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static ObjectNode preload(Card... cards) {
    ObjectNode doc = JSON.createObjectNode().put("status_code", 0);
    ArrayNode list =
        doc.putObject("page_data").putObject("outer_card_layer").putArray("product_preload_list");
    for (Card c : cards) {
      list.addObject()
          .put("product_id", c.id())
          .put(
              "cover_url",
              "https://p3-aio.ecombdimg.com/obj/ecom-shop-material/"
                  + c.id()
                  + "~tplv-resize:400:400.jpeg");
    }
    return doc;
  }

  private static ObjectNode page(boolean hasMore, int cursor, ObjectNode... sections) {
    ObjectNode doc = JSON.createObjectNode().put("status_code", 0);
    ArrayNode list = doc.putObject("page_data").putObject("feed_layer").putArray("sections");
    for (ObjectNode s : sections) {
      list.add(s);
    }
    doc.putObject("load_more_config").put("has_more", hasMore).put("cursor", cursor);
    return doc;
  }

  private static ObjectNode sortFilter() {
    return JSON.createObjectNode().put("section_id", "sort_filter");
  }

  private static ObjectNode goods(Card... cards) {
    List<JsonNode> items = new ArrayList<>();
    for (Card c : cards) {
      items.add(c.json());
    }
    return goods(items.toArray(JsonNode[]::new));
  }

  private static ObjectNode goods(JsonNode... items) {
    ObjectNode section = JSON.createObjectNode().put("section_id", "goods");
    ArrayNode list = section.putArray("items");
    for (JsonNode item : items) {
      list.add(item);
    }
    return section;
  }

  private static ObjectNode liveRoom(Card nested) {
    ObjectNode card = JSON.createObjectNode();
    ObjectNode live = card.putObject("live_card");
    live.put("room_title", "猫粮工厂直播间 · 正在讲解");
    live.set("product", nested.json());
    return card;
  }

  private static ObjectNode related(String... words) {
    ObjectNode section =
        JSON.createObjectNode().put("section_id", "related_search").put("title", "大家都在搜");
    ArrayNode items = section.putArray("items");
    for (String w : words) {
      items.addObject().put("word", w);
    }
    return section;
  }

  /** The page document with its cards' fields ordered Title first, and page_data first. */
  private static ObjectNode titleFirst(ObjectNode page) {
    for (JsonNode section : page.at("/page_data/feed_layer/sections")) {
      ArrayNode items = (ArrayNode) section.get("items");
      for (int i = 0; i < items.size(); i++) {
        ObjectNode reordered = JSON.createObjectNode();
        reordered.set("Title", items.get(i).get("Title"));
        items.get(i).fields().forEachRemaining(e -> reordered.set(e.getKey(), e.getValue()));
        items.set(i, reordered);
      }
      ((ObjectNode) section).remove("section_id");
    }
    ObjectNode doc = JSON.createObjectNode();
    doc.set("page_data", page.get("page_data"));
    doc.set("load_more_config", page.get("load_more_config"));
    doc.set("status_code", page.get("status_code"));
    return doc;
  }

  /**
   * Frame ends just before each {@code "ProductID"} and each {@code "Price"}: ASCII on both sides.
   */
  private static int[] asciiCuts(byte[] payload) {
    String text = new String(payload, StandardCharsets.ISO_8859_1);
    List<Integer> cuts = new ArrayList<>();
    for (String key : new String[] {"\"ProductID\"", "\"Price\""}) {
      for (int at = text.indexOf(key); at >= 0; at = text.indexOf(key, at + 1)) {
        cuts.add(at);
      }
    }
    return cuts.stream().sorted().mapToInt(Integer::intValue).toArray();
  }

  private static byte[] jpegLike() {
    byte[] bytes = new byte[600];
    new Random(7).nextBytes(bytes);
    bytes[0] = (byte) 0xFF;
    bytes[1] = (byte) 0xD8;
    return bytes;
  }
}
