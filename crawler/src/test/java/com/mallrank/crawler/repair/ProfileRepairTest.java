package com.mallrank.crawler.repair;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mallrank.crawler.fetch.FetchResponse;
import com.mallrank.crawler.model.Listing;
import com.mallrank.crawler.model.ResultPage;
import com.mallrank.crawler.model.SampleStatus;
import com.mallrank.crawler.parse.ExtractOptions;
import com.mallrank.crawler.parse.Extractors;
import com.mallrank.crawler.parse.ProfileTester;
import com.mallrank.crawler.profile.SiteProfile;
import com.mallrank.crawler.profile.SiteProfiles;
import com.mallrank.crawler.sandbox.Fault;
import com.mallrank.crawler.sandbox.SandboxCard;
import com.mallrank.crawler.testing.ApplicationDefaults;
import com.mallrank.crawler.testing.SandboxMallFixture;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code profile repair} on redesigns of the sandbox mall: the known listings are what the built-in
 * profile read from the sandbox's own page or API (through {@code profile test --json}'s shape);
 * the new page is a redesign of the same results; the repaired profile must read every card of it
 * with every field exactly the sandbox world's.
 */
class ProfileRepairTest {

  private static final Instant SLOT = Instant.parse("2026-11-28T06:00:00Z");
  private static final String KEYWORD = "加厚羽绒服女长款";
  private static final SiteProfile STATIC = SiteProfiles.builtIn("sandbox-static");
  private static final SiteProfile SPA = SiteProfiles.builtIn("sandbox-spa");
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @RegisterExtension
  static final SandboxMallFixture MALL = SandboxMallFixture.at(SLOT).clearingFaultsAfterEach();

  // --- html --------------------------------------------------------------------------------

  @ParameterizedTest
  @EnumSource(Redesigns.Html.class)
  void everyHtmlRedesignIsRepairedToEveryFieldExact(Redesigns.Html variant) throws Exception {
    List<Listing> known =
        known(STATIC, MALL.mall().searchUrl(KEYWORD), get(MALL.mall().searchUrl(KEYWORD)));
    List<SandboxCard> truth = truth(SLOT);
    byte[] page = Redesigns.html(variant, KEYWORD, truth).getBytes(StandardCharsets.UTF_8);

    RepairResult result = repair(STATIC, page, known);

    assertThat(result.outcome()).as(report(result)).isEqualTo(RepairResult.Outcome.REPAIRED);
    assertExact(result.extracted(), truth);
    assertExact(reextract(STATIC, result.newText(), page), truth);
    assertMinimalEdit(result);
  }

  @Test
  void theSandboxsScheduledRedesignIsRepairedFromAnEarlierHoursListings() throws Exception {
    List<Listing> known =
        known(STATIC, MALL.mall().searchUrl(KEYWORD), get(MALL.mall().searchUrl(KEYWORD)));
    Instant later = SLOT.plus(Duration.ofHours(1));
    MALL.mall().faults().redesignAt(later);
    MALL.mall().setTime(later);
    try {
      byte[] page = get(MALL.mall().searchUrl(KEYWORD));
      assertThat(new String(page, StandardCharsets.UTF_8)).contains("article class=\"pd-card\"");

      RepairResult result = repair(STATIC, page, known);

      assertThat(result.outcome()).as(report(result)).isEqualTo(RepairResult.Outcome.REPAIRED);
      assertExact(result.extracted(), truth(later));
      assertMinimalEdit(result);
      assertThat(rule(result, "cards").newRule()).isEqualTo(".pd-card");
    } finally {
      MALL.mall().setTime(SLOT);
    }
  }

  @Test
  void aSmallRedesignIsASmallDiff() throws Exception {
    byte[] old = get(MALL.mall().searchUrl(KEYWORD));
    List<Listing> known = known(STATIC, MALL.mall().searchUrl(KEYWORD), old);
    // only the price's class renamed: the rest of the profile still reads the page
    byte[] page =
        new String(old, StandardCharsets.UTF_8)
            .replace("class=\"price-num\"", "class=\"price-value\"")
            .getBytes(StandardCharsets.UTF_8);

    RepairResult result = repair(STATIC, page, known);

    assertThat(result.outcome()).as(report(result)).isEqualTo(RepairResult.Outcome.REPAIRED);
    assertExact(result.extracted(), truth(SLOT));
    assertThat(result.diff().lines().filter(l -> l.matches("^[-+][^-+].*")).toList())
        .containsExactly("-    select: .goods-price .price-num", "+    select: .goods-price");
    assertThat(result.rows())
        .filteredOn(r -> r.state().equals("repaired"))
        .extracting(RepairResult.Row::what)
        .containsExactly("price");
  }

  @Test
  void anUnchangedPageNeedsNoRepair() throws Exception {
    byte[] page = get(MALL.mall().searchUrl(KEYWORD));
    RepairResult result = repair(STATIC, page, known(STATIC, "file:/ok.html", page));

    assertThat(result.outcome()).isEqualTo(RepairResult.Outcome.NOTHING_TO_REPAIR);
    assertThat(result.diff()).isEmpty();
    assertThat(result.newText()).isEqualTo(text("sandbox-static"));
  }

  @Test
  void aPageWithoutTheKnownValuesIsReportedUnrepairable() throws Exception {
    List<Listing> known =
        known(STATIC, MALL.mall().searchUrl(KEYWORD), get(MALL.mall().searchUrl(KEYWORD)));
    // another search's results, redesigned: none of the known products is on it
    List<SandboxCard> other = MALL.mall().world().results("无线蓝牙耳机降噪", SLOT, null);
    byte[] page =
        Redesigns.html(Redesigns.Html.RENAMED, "无线蓝牙耳机降噪", other).getBytes(StandardCharsets.UTF_8);

    RepairResult result = repair(STATIC, page, known);

    assertThat(result.outcome()).isEqualTo(RepairResult.Outcome.FAILED);
    assertThat(result.complete()).isFalse();
    assertThat(result.proposed()).isFalse();
    assertThat(result.failure())
        .isEqualTo(
            "the known product ids are not on the new page (0 of 55 found): nothing to learn the"
                + " new layout from");
    assertThat(result.newText()).isEqualTo(text("sandbox-static"));
  }

  @Test
  void theLayoutChangedFaultPageIsRepairedPartlyNamingWhatItLacks() throws Exception {
    List<Listing> known =
        known(STATIC, MALL.mall().searchUrl(KEYWORD), get(MALL.mall().searchUrl(KEYWORD)));
    MALL.mall().faults().set(KEYWORD, Fault.LAYOUT_CHANGED);
    byte[] page = get(MALL.mall().searchUrl(KEYWORD));

    RepairResult result = repair(STATIC, page, known);

    assertThat(result.outcome()).as(report(result)).isEqualTo(RepairResult.Outcome.PARTIAL);
    assertThat(result.unrepaired())
        .extracting(u -> u.substring(0, u.indexOf(':')))
        .containsExactly("shop-id", "commission");
    List<SandboxCard> truth = truth(SLOT).subList(0, 60);
    ResultPage page2 = result.extracted();
    assertThat(page2.listings())
        .extracting(Listing::productId)
        .containsExactlyElementsOf(truth.stream().map(SandboxCard::productId).toList());
    assertThat(page2.listings())
        .extracting(Listing::title)
        .containsExactlyElementsOf(truth.stream().map(SandboxCard::title).toList());
    assertThat(page2.listings())
        .extracting(Listing::sponsored)
        .containsExactlyElementsOf(truth.stream().map(SandboxCard::sponsored).toList());
  }

  // --- json --------------------------------------------------------------------------------

  @ParameterizedTest
  @EnumSource(Redesigns.Json.class)
  void everyJsonRedesignIsRepairedToEveryFieldExact(Redesigns.Json variant) throws Exception {
    List<Listing> known = known(SPA, "file:/capture.json", capture());
    List<SandboxCard> truth = truth(SLOT);
    byte[] page =
        Redesigns.capture(variant, MALL.mall().spaUrl(KEYWORD), truth)
            .getBytes(StandardCharsets.UTF_8);

    RepairResult result = repair(SPA, page, known);

    assertThat(result.outcome()).as(report(result)).isEqualTo(RepairResult.Outcome.REPAIRED);
    assertExact(result.extracted(), truth);
    assertExact(reextract(SPA, result.newText(), page), truth);
    assertMinimalEdit(result);
  }

  @Test
  void aStreamedBodyOfTheRedesignIsRepairedToEveryFieldExact() throws Exception {
    List<Listing> known = known(SPA, "file:/capture.json", capture());
    List<SandboxCard> truth = truth(SLOT);
    byte[] page =
        Redesigns.stream(Redesigns.Json.RENAMED_RENESTED_UNITS, truth)
            .getBytes(StandardCharsets.UTF_8);

    RepairResult result = repair(SPA, page, known);

    assertThat(result.outcome()).as(report(result)).isEqualTo(RepairResult.Outcome.REPAIRED);
    assertThat(rule(result, "cards").newRule()).isEqualTo("responses[*].result.products");
    assertExact(result.extracted(), truth);
  }

  @Test
  void theSandboxsRenamedApiIsRepairedWithTheBrowsersItemsPointer() throws Exception {
    List<Listing> known = known(SPA, "file:/capture.json", capture());
    MALL.mall().faults().redesignAt(SLOT);
    byte[] page = capture();
    assertThat(new String(page, StandardCharsets.UTF_8)).contains("\"goods_list\"");

    RepairResult result = repair(SPA, page, known);

    assertThat(result.outcome()).as(report(result)).isEqualTo(RepairResult.Outcome.REPAIRED);
    assertExact(result.extracted(), truth(SLOT));
    assertThat(result.newText())
        .contains("items: \"responses[*].data.goods_list\"")
        .contains("items-pointer: /data/goods_list")
        .contains("  product-id: goods_id\n");
    assertThat(result.notes())
        .containsExactly(
            "markers.empty: 'responses[0].data.items' names the old items array (items): check"
                + " it by hand");
  }

  // --- bounds ------------------------------------------------------------------------------

  @Test
  void aPageOverTheSizeBoundIsRefused() {
    List<Listing> known =
        List.of(new Listing(1, 1, false, "1", null, null, null, null, null, null, null));
    assertThatThrownBy(
            () ->
                ProfileRepair.repair(
                    STATIC,
                    text("sandbox-static"),
                    "file:/big.html",
                    new byte[2048],
                    known,
                    new ProfileRepair.Settings(0.9, 1024)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "the page is 2048 bytes, more than the 1024 a page may have (crawler.max-page-size)");
  }

  // --- helpers -----------------------------------------------------------------------------

  private static RepairResult repair(SiteProfile old, byte[] page, List<Listing> known) {
    return ProfileRepair.repair(
        old, text(old.id()), "file:/new-page", page, known, ApplicationDefaults.repair());
  }

  /** What {@code profile test --json} prints for the page, read back as the known listings. */
  static List<Listing> known(SiteProfile profile, String url, byte[] page) {
    ResultPage read =
        Extractors.forProfile(profile, new ExtractOptions(60))
            .extract(FetchResponse.ofBytes(url, 200, null, page, Duration.ZERO));
    assertThat(read.status()).isEqualTo(SampleStatus.OK);
    return KnownListings.parse("ok.json", ProfileTester.json(read));
  }

  private static ResultPage reextract(SiteProfile old, String text, byte[] page) {
    SiteProfile repaired = SiteProfiles.parse("repaired.yml", text);
    return Extractors.forProfile(repaired, new ExtractOptions(60))
        .extract(FetchResponse.ofBytes("file:/new-page", 200, null, page, Duration.ZERO));
  }

  private static List<SandboxCard> truth(Instant slot) {
    return MALL.mall().world().results(KEYWORD, slot, null);
  }

  static void assertExact(ResultPage page, List<SandboxCard> all) {
    List<SandboxCard> truth = all.subList(0, Math.min(ExtractOptions.MAX_DEPTH, all.size()));
    assertThat(page.status()).isEqualTo(SampleStatus.OK);
    assertThat(page.listings()).hasSize(truth.size());
    for (int i = 0; i < truth.size(); i++) {
      Listing got = page.listings().get(i);
      SandboxCard want = truth.get(i);
      String card = "card " + (i + 1);
      assertThat(got.position()).as(card).isEqualTo(want.position());
      assertThat(got.organicRank()).as(card).isEqualTo(want.organicRank());
      assertThat(got.sponsored()).as(card).isEqualTo(want.sponsored());
      assertThat(got.productId()).as(card).isEqualTo(want.productId());
      assertThat(got.title()).as(card).isEqualTo(want.title());
      assertThat(got.shopId()).as(card).isEqualTo(want.shopId());
      assertThat(got.shopName()).as(card).isEqualTo(want.shopName());
      assertThat(got.price()).as(card).isEqualByComparingTo(want.price());
      assertThat(got.commissionRate()).as(card).isEqualByComparingTo(want.commissionRate());
      assertThat(got.salesLabel()).as(card).isEqualTo(want.salesLabel());
      assertThat(got.imageUrl())
          .as(card)
          .startsWith("https://")
          .contains("/obj/ecom-shop-material/" + want.imageKey() + ".jpeg");
    }
  }

  /** Comments, search, markers, fetch (but its items pointer) and login are as they were. */
  private static void assertMinimalEdit(RepairResult result) {
    List<String> oldLines = result.oldText().lines().toList();
    List<String> newLines = result.newText().lines().toList();
    for (String line : oldLines) {
      if (line.strip().startsWith("#")) {
        assertThat(newLines).as("comment kept").contains(line);
      }
    }
    for (String section : List.of("search:", "markers:", "login:", "skip-cards:", "dedupe:")) {
      assertThat(block(newLines, section)).as(section).isEqualTo(block(oldLines, section));
    }
    for (String line : result.diff().lines().toList()) {
      if ((line.startsWith("-") || line.startsWith("+"))
          && !line.startsWith("---")
          && !line.startsWith("+++")) {
        assertThat(line.substring(1)).as("changed line").doesNotStartWith("#");
      }
    }
  }

  private static List<String> block(List<String> lines, String key) {
    int start = lines.indexOf(key);
    if (start < 0) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    out.add(lines.get(start));
    for (int i = start + 1; i < lines.size(); i++) {
      String line = lines.get(i);
      if (!line.isEmpty() && !line.startsWith(" ") && !line.startsWith("#")) {
        break;
      }
      out.add(line);
    }
    return out;
  }

  static RepairResult.Row rule(RepairResult result, String what) {
    return result.rows().stream().filter(r -> r.what().equals(what)).findFirst().orElseThrow();
  }

  static String report(RepairResult result) {
    StringBuilder out = new StringBuilder(result.outcome() + "\n");
    if (result.failure() != null) {
      out.append(result.failure()).append('\n');
    }
    result.rows().forEach(r -> out.append(r).append('\n'));
    result.unrepaired().forEach(u -> out.append("unrepaired ").append(u).append('\n'));
    result.differences().forEach(d -> out.append("differs ").append(d).append('\n'));
    return out.append(result.diff()).toString();
  }

  static String text(String id) {
    try (InputStream in =
        ProfileRepairTest.class.getResourceAsStream("/mallrank/profiles/" + id + ".yml")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] get(String url) throws IOException, InterruptedException {
    return HTTP.send(
            HttpRequest.newBuilder(URI.create(url)).build(),
            HttpResponse.BodyHandlers.ofByteArray())
        .body();
  }

  /** What the browser captures of the sandbox app: its API's answers for 60 cards. */
  private static byte[] capture() throws IOException, InterruptedException {
    StringBuilder doc = new StringBuilder("{\"url\":\"" + MALL.mall().spaUrl(KEYWORD) + "\",");
    doc.append("\"responses\":[");
    String api =
        MALL.mall().baseUrl()
            + "/api/search?keyword="
            + java.net.URLEncoder.encode(KEYWORD, StandardCharsets.UTF_8);
    for (int cursor = 0; cursor < 60; cursor += 20) {
      doc.append(cursor == 0 ? "" : ",")
          .append(new String(get(api + "&cursor=" + cursor + "&count=20"), StandardCharsets.UTF_8));
    }
    return doc.append("]}").toString().getBytes(StandardCharsets.UTF_8);
  }
}
