package com.mallrank.crawler.sampler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mallrank.crawler.fetch.CookieJar;
import com.mallrank.crawler.fetch.har.HarCapture;
import com.mallrank.crawler.fetch.har.HarInbox;
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
import java.math.BigDecimal;
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
 * of goods searches with two pages each on Douyin 38's v2 stream path, {@code POST
 * /aweme/v2/shop/search/aggregate/shopping/stream/} with the keyword in the form body (douyin-notes
 * §8), each answer a TTNet stream whose frames cut documents and characters. Read by the BUILT-IN
 * douyin-mall profile, unchanged, as {@code profile test --har} reads it (a file, read only) and as
 * a slot's sample reads it from the {@code crawler.har-dir} inbox (moved to {@code processed/}):
 * every listing's id, title, price, shop, sales, ad flag and rank exact, and nothing else.
 *
 * <p>The keywords: 猫粮 成猫 (typed with a space: the form says {@code +}), 羽绒服, and 羽绒服女, searched
 * after 羽绒服, so a match by substring would take 羽绒服女's list for 羽绒服. Each test writes its own copy
 * of the HAR: the inbox moves what it read.
 *
 * <p>Built by hand from §8's facts: the card model (ProductID, Title, Price in fen,
 * MaterialContentInfo) is the v3 stream's (§7), INFERRED for the v2 stream; the live-room card's
 * and the related-search section's field names are INVENTED (see pages/douyin-mall/202612/README).
 * Also in the capture, and never read as listings: a recommendation call carrying products in the
 * same card model (its path INVENTED), a product image, a failed flow, the other keywords'
 * searches, the preload document, the sort/filter section, the live-room card, 大家都在搜, a product
 * repeated on page 2.
 *
 * <p>mitmproxy writes a body base64 only when more than 30 % of its first 100 bytes look binary;
 * 羽绒服's page 2 starts with a card whose Chinese title comes first, so it is base64, and its frames
 * end inside characters (the reader decodes base64 to bytes before joining frames). The other pages
 * are text with lone surrogates where their frames split characters. Depth: 猫粮 成猫's and 羽绒服's last
 * pages say there is no more (ok, shorter than the depth); 羽绒服女's says there is more (the phone
 * stopped scrolling: partial).
 */
class DouyinMallHarAcceptanceTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant SLOT = Instant.parse("2026-12-07T06:00:00Z");
  private static final String CAT = "猫粮 成猫";
  private static final String COAT = "羽绒服";
  private static final String COAT_W = "羽绒服女";
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

  private static final Card C1 =
      new Card(
          "3712026120000003001",
          "羽绒服女短款面包服",
          35900,
          "素材id:601,素材内容:暖冬女装店;素材id:541,素材内容:已售2000+件;",
          "暖冬女装店",
          "已售2000+件");
  private static final Card C2 =
      new Card(
          "3712026120000003002",
          "羽绒服女中长款收腰",
          52900,
          "区域名称:sales 内容:[素材id:546,素材内容:已售600+件;]区域名称:shop 内容:[素材id:601,素材内容:雪域服饰旗舰店;]",
          "雪域服饰旗舰店",
          "已售600+件");
  private static final Card C3 =
      new Card("3712026120000003003", "羽绒服女韩版宽松", 31900, "素材id:601,素材内容:云朵服饰专营店;", "云朵服饰专营店", null);
  private static final Card C4 =
      new Card(
          "3712026120000003004",
          "羽绒服女大毛领",
          68900,
          "素材id:601,素材内容:雪域服饰旗舰店;素材id:541,素材内容:已售150件;",
          "雪域服饰旗舰店",
          "已售150件");

  /** The HAR's text, as mitmproxy writes it; each test writes its own copy. */
  private static String harText;

  private static byte[] coatPage2;

  @TempDir Path dir;

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
    // A card whose title comes first: mitmproxy judges the body binary and writes it base64. Its
    // frames end inside characters (the titles of cards 2 and 3, the 素材 of card 1), as the text
    // pages' frames do.
    byte[] page2 = docs(titleFirst(page(false, 7, goods(B5, B2, B6))));
    coatPage2 =
        TtnetFrames.concat(TtnetFrames.frames(page2, insideCharacters(page2)), TtnetFrames.CLOSE);
    byte[] coatWPage1 =
        TtnetFrames.closedEvery(docs(page(true, 3, sortFilter(), goods(C1, C2, C3))), 61);
    byte[] coatWPage2 = TtnetFrames.closedEvery(docs(page(true, 5, goods(C4, C1))), 41);

    harText =
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
            .post(SLOT.plusSeconds(420), SEARCH + DEVICE, form(0, COAT_W), JSON_UTF8, coatWPage1)
            .post(SLOT.plusSeconds(426), SEARCH + DEVICE, form(3, COAT_W), JSON_UTF8, coatWPage2)
            .write();
  }

  /** A copy of the HAR in {@code folder}, as the phone's export would be dropped there. */
  private static Path writeHar(Path folder) throws IOException {
    Path har = Files.createDirectories(folder).resolve("phone-2026-12-07.har");
    Files.writeString(har, harText, StandardCharsets.US_ASCII);
    return har;
  }

  @Test
  void theHarIsWrittenAsMitmproxyWritesIt() throws IOException {
    JsonNode entries = JSON.readTree(writeHar(dir).toFile()).at("/log/entries");
    assertThat(entries).hasSize(9);
    assertThat(harText).isASCII();
    // the other search answers are text, with one lone surrogate per byte of a split character
    for (int i : new int[] {1, 3, 5, 7, 8}) {
      JsonNode content = entries.get(i).at("/response/content");
      assertThat(content.has("encoding")).isFalse();
      assertThat(content.get("text").asText()).containsPattern("[\\udc80-\\udcff]");
    }
    assertThat(entries.get(6).at("/response/content/encoding").asText()).isEqualTo("base64");
    assertThat(MitmproxyHar.mostlyBinary(coatPage2)).isTrue();
    byte[] base64 =
        java.util.Base64.getDecoder().decode(entries.get(6).at("/response/content/text").asText());
    assertThat(base64).isEqualTo(coatPage2);
    assertThat(framesEndingInsideACharacter(coatPage2)).isEqualTo(3);
    assertThat(entries.get(0).at("/response/content/encoding").asText()).isEqualTo("base64");
    assertThat(entries.get(4).at("/response/status").asInt()).isZero();
    assertThat(entries.get(4).at("/response/_error").asText()).startsWith("peer closed");
    assertThat(entries.get(1).at("/request/postData/params/2/value").asText()).isEqualTo(CAT);
    assertThat(entries.get(1).at("/request/postData/text").asText())
        .startsWith("cursor=0&count=10&keyword=%E7%8C%AB%E7%B2%AE+%E6%88%90%E7%8C%AB&");
  }

  @Test
  void profileTestHarReadsEveryListingOfEachKeywordExactly() throws Exception {
    Path har = writeHar(dir.resolve("downloads"));

    assertCat(extract(har, CAT), ExtractOptions.MAX_DEPTH);
    assertCoat(extract(har, COAT), ExtractOptions.MAX_DEPTH);
    assertCoatWomen(extract(har, COAT_W), ExtractOptions.MAX_DEPTH);
    // read only: profile test moves nothing
    assertThat(har).exists();
  }

  @Test
  void aSlotSampledFromTheHarFolderReadsTheSameListings() throws Exception {
    Path root = dir.resolve("har-dir");
    // the phone of the account sampled: its own folder (crawler.har-dir/<account-id>/)
    Path folder = root.resolve("mx-hangzhou");
    writeHar(folder);
    KeywordSampler sampler =
        KeywordSampler.builder(null, SamplerSettings.UNTHROTTLED)
            .random(new Random(1))
            .har(root, Duration.ofHours(1))
            .build();
    SiteProfile profile = SiteProfiles.builtIn("douyin-mall");
    assertThat(profile.fetch().har()).isTrue();

    SampleResult cat = sample(sampler, CAT);
    SampleResult coat = sample(sampler, COAT);
    SampleResult coatW = sample(sampler, COAT_W);
    SampleResult other = sample(sampler, "羽绒");

    assertCat(cat.page(), 20);
    assertCoat(coat.page(), 20);
    assertCoatWomen(coatW.page(), 20);
    Path processed = folder.resolve(HarInbox.PROCESSED).resolve("phone-2026-12-07.har");
    assertThat(folder.resolve("phone-2026-12-07.har")).doesNotExist();
    assertThat(processed).exists();
    assertThat(cat.page().evidence().url()).isEqualTo(processed.toUri().toString());
    // a keyword the phone did not search: skipped, naming what was searched instead
    assertThat(other.page().status()).isEqualTo(SampleStatus.SKIPPED);
    assertThat(other.page().evidence().marker()).isEqualTo("no-capture");
    assertThat(other.page().evidence().detail())
        .isEqualTo(
            "no capture: search URL matched (6 request(s) within 2026-12-07T06:00:00Z to"
                + " 2026-12-07T07:00:00Z) but the keyword differs: '羽绒' not at [form:keyword,"
                + " form:query]; found 猫粮 成猫 (form:keyword) ×2, 羽绒服 (form:keyword) ×2, 羽绒服女"
                + " (form:keyword) ×2");
  }

  private static SampleResult sample(KeywordSampler sampler, String keyword) {
    return sampler.sample(
        SiteProfiles.builtIn("douyin-mall"),
        "",
        keyword,
        "mx-hangzhou",
        CookieJar.empty(),
        20,
        SLOT);
  }

  /** The capture's last page says there is no more: ok however short. */
  private static void assertCat(ResultPage page, int depth) {
    assertListings(page, depth, NO_MORE, "card 5 repeats card 3", A1, A2, A3, A4, A5, A6);
  }

  private static void assertCoat(ResultPage page, int depth) {
    assertListings(page, depth, NO_MORE, "card 6 repeats card 2", B1, B2, B3, B4, B5, B6);
  }

  /** The capture's last page says there is more: the phone stopped scrolling, partial. */
  private static void assertCoatWomen(ResultPage page, int depth) {
    assertListings(page, depth, MORE, "card 5 repeats card 1", C1, C2, C3, C4);
  }

  private static final String NO_MORE =
      ": the capture's last page says there is no more (/load_more_config/has_more false)";
  private static final String MORE =
      "; the capture's last page says there is more (/load_more_config/has_more true): the phone"
          + " stopped scrolling";

  /** One repeat dropped, exactly these cards in this order, the depth rule in the evidence. */
  private static void assertListings(
      ResultPage page, int depth, String rest, String repeat, Card... cards) {
    assertThat(page.status())
        .as("%s", page.evidence())
        .isEqualTo(rest.equals(NO_MORE) ? SampleStatus.OK : SampleStatus.PARTIAL);
    assertThat(page.evidence().detail())
        .isEqualTo(
            cards.length
                + " cards on the page, fewer than the "
                + depth
                + " requested"
                + rest
                + "; 1 repeated product id dropped (first: "
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

  /**
   * What {@code profile test --profile douyin-mall --har FILE --har-keyword K} extracts: the same
   * look-up ({@code capture-url}, {@code capture-keyword}) and extraction at the default depth.
   */
  private static ResultPage extract(Path har, String keyword) {
    SiteProfile builtIn = SiteProfiles.builtIn("douyin-mall");
    HarCapture.Outcome outcome =
        new HarCapture(builtIn.fetch().captureUrl(), builtIn.fetch().captureKeyword())
            .find(List.of(har), keyword, null, null);
    assertThat(outcome.kind()).as(outcome.detail()).isEqualTo(HarCapture.Kind.FOUND);
    assertThat(outcome.detail()).isEqualTo("2 page(s) from " + har.getFileName());
    return Extractors.forProfile(builtIn, new ExtractOptions(ExtractOptions.MAX_DEPTH))
        .extract(outcome.response(Duration.ZERO));
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
   * Frame ends inside three characters: 1 byte into card 1's 素 (of its MaterialContentInfo), 1 byte
   * into card 2's title and 2 bytes into card 3's title. The first 100 bytes stay whole, so the
   * body still looks binary to mitmproxy.
   */
  private static int[] insideCharacters(byte[] payload) {
    String text = new String(payload, StandardCharsets.ISO_8859_1);
    String material = new String(utf8("\"MaterialContentInfo\":\"素"), StandardCharsets.ISO_8859_1);
    String title = "\"Title\":\"";
    int first = text.indexOf(title);
    int second = text.indexOf(title, first + 1);
    int third = text.indexOf(title, second + 1);
    return new int[] {
      text.indexOf(material) + material.length() - 2,
      second + title.length() + 1,
      third + title.length() + 2
    };
  }

  /**
   * How many frames of a framed body end in the middle of a UTF-8 character: those after which the
   * next frame's data starts with a continuation byte ({@code 10xxxxxx}).
   */
  private static int framesEndingInsideACharacter(byte[] body) {
    int count = 0;
    int pos = 0;
    for (int size = -1; size != 0; ) {
      int eol = pos;
      while (body[eol] != '\r') {
        eol++;
      }
      size = Integer.parseInt(new String(body, pos, eol - pos, StandardCharsets.US_ASCII), 16);
      int data = eol + 2;
      if (pos > 0 && size > 0 && (body[data] & 0xC0) == 0x80) {
        count++;
      }
      pos = data + size + 2;
    }
    return count;
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] jpegLike() {
    byte[] bytes = new byte[600];
    new Random(7).nextBytes(bytes);
    bytes[0] = (byte) 0xFF;
    bytes[1] = (byte) 0xD8;
    return bytes;
  }
}
