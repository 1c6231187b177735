package com.mallrank.batch.report;

import static com.mallrank.batch.report.FixtureSlots.A;
import static com.mallrank.batch.report.FixtureSlots.ANON;
import static com.mallrank.batch.report.FixtureSlots.B;
import static com.mallrank.batch.report.FixtureSlots.C;
import static com.mallrank.batch.report.FixtureSlots.T0;
import static com.mallrank.batch.report.FixtureSlots.T1;
import static com.mallrank.batch.report.FixtureSlots.T2;
import static com.mallrank.batch.report.FixtureSlots.T3;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import co.elastic.clients.elasticsearch._types.Refresh;
import com.mallrank.batch.runtime.ElasticsearchRuntime;
import com.mallrank.batch.testing.InContextCommand;
import com.mallrank.batch.testing.MallrankIT;
import com.mallrank.crawler.testing.HeadlessChromium;
import com.mallrank.index.changes.ChangeDetector;
import com.mallrank.index.document.ListingDocument;
import com.mallrank.index.document.SampleDocument;
import com.mallrank.index.testing.DetectionDefaults;
import com.mallrank.index.testing.Fixtures;
import com.mallrank.index.write.Snapshot;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * Golden output of every {@code report} command: the terminal table, CSV and JSON each command
 * prints for one fixed fixture index, compared byte for byte with the files under {@code
 * src/test/resources/golden/report/} ({@code <command>.txt}, {@code .csv}, {@code .json}). They pin
 * what a user sees while the report room is restructured: any change to an output must show up as a
 * change to a golden file, in its own commit that says why.
 *
 * <p>The fixture (loaded once for the class): three hourly slots T1..T3 after a missed slot T0;
 * keyword A ranked for two matrix accounts from two vantages (an own listing drops, competitors
 * change price, commission, title, main image, one enters with a new shop and one leaves, one ad),
 * keyword B a near miss seen from two vantages, keyword C always blocked. Every command is run as a
 * user types it, with explicit slots, so nothing depends on the clock except the JSON's {@code
 * generated_at}, which {@link #normalised} replaces.
 *
 * <p><b>Updating the goldens</b> after an intended change: run this test with {@code
 * -Dmallrank.golden.update=true} (e.g. {@code ./mvnw -B -ntp -pl batch -am verify -Dtest=none
 * -Dit.test=ReportGoldenIT -Dsurefire.failIfNoSpecifiedTests=false -Dmallrank.golden.update=true
 * -Dmallrank.test.es.port=9250 -Dmallrank.test.es.keep=true}); it rewrites the files in the source
 * tree (then fails nothing) and the diff shows what changed. Commit that diff on its own.
 */
// the fixture is written with the writer and read at once
@MallrankIT(properties = "index.refresh=true")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportGoldenIT {

  /** Rewrites the golden files instead of comparing with them. */
  static final String UPDATE_PROPERTY = "mallrank.golden.update";

  private static final Path GOLDEN = Path.of("src/test/resources/golden/report");
  private static final String HZ = "mx-hangzhou";
  private static final String YW = "mx-yiwu";

  /** Two later slots, read only by the changes reports across two site profiles (surfaces). */
  private static final Instant T4 = T3.plusSeconds(3600);

  private static final Instant T5 = T4.plusSeconds(3600);
  private static final String D = "羊绒围巾女冬";
  private static final String BUYIN = "douyin-buyin";

  @Autowired ElasticsearchRuntime elasticsearch;
  @Autowired ApplicationContext context;

  @BeforeAll
  void writeTheFixture() {
    List<Snapshot> snapshots = new ArrayList<>();
    snapshots.add(ok(T1, A, ANON, 20, l -> keywordA(T1, l)));
    snapshots.add(ok(T2, A, ANON, 20, l -> keywordA(T2, l)));
    snapshots.add(blocked(T3, A, ANON));
    snapshots.add(ok(T1, A, HZ, 20, l -> own(l, 2, "own-a1", HZ)));
    snapshots.add(ok(T2, A, HZ, 20, l -> own(l, 4, "own-a1", HZ)));
    for (Instant slot : List.of(T1, T2, T3)) {
      snapshots.add(ok(slot, B, ANON, 25, l -> own(l, 22, "own-c1", YW)));
      snapshots.add(blocked(slot, C, ANON));
    }
    snapshots.add(ok(T3, B, HZ, 25, l -> own(l, 18, "own-c1", YW)));
    snapshots.addAll(twoProfiles());
    elasticsearch.snapshotWriter().writeAll(snapshots);
    ChangeDetector detector =
        new ChangeDetector(
            elasticsearch.client(),
            elasticsearch.names(),
            DetectionDefaults.settings(),
            Clock.fixed(T3.plusSeconds(600), ZoneOffset.UTC),
            Refresh.True);
    for (Instant slot : List.of(T1, T2, T3)) {
      detector.detectSlot(slot);
    }
  }

  /**
   * Keyword A from the anonymous vantage: own-a1 (mx-hangzhou) at 3, own-b1 (mx-yiwu) at 15, an ad
   * at 7; at T2 p5 takes 3 and own-a1 drops to 5, p1 cuts its price, p2 raises its commission, p4
   * retitles, p6 changes its main image, p20 leaves and p21 of a new shop enters.
   */
  private static Fixtures.Listing keywordA(Instant slot, Fixtures.Listing listing) {
    boolean later = slot.equals(T2);
    int position = listing.build().position();
    if (later && position == 3) {
      return competitor(listing, 5);
    }
    if (position == (later ? 5 : 3)) {
      return own(listing, position, "own-a1", HZ);
    }
    if (position == 15) {
      return own(listing, 15, "own-b1", YW);
    }
    if (position == 7) {
      return listing.sponsored();
    }
    if (later && position == 1) {
      return listing.priceFen(9_001L);
    }
    if (later && position == 2) {
      return listing.commissionBp(1_250);
    }
    if (later && position == 4) {
      return listing.title(A + " 商品 4 限时直降");
    }
    if (later && position == 6) {
      return listing.imageKey("img/6-new.jpeg");
    }
    if (later && position == 20) {
      return competitor(listing, 21).shop("shop-21", "新店21");
    }
    return listing;
  }

  /**
   * Keyword D in T4 and T5 on two surfaces, with different changes: on the default (static) one p1
   * cuts its price; on {@value #BUYIN} own-d1 (mx-hangzhou) climbs from 4 to 2 over p2. Keyword C,
   * on {@value #BUYIN} only, is blocked in T5 (nothing to compare with).
   */
  private static List<Snapshot> twoProfiles() {
    List<Snapshot> snapshots = new ArrayList<>();
    snapshots.add(ok(T4, D, ANON, 5, l -> l));
    snapshots.add(ok(T5, D, ANON, 5, l -> l.build().position() == 1 ? l.priceFen(8_800L) : l));
    snapshots.add(onBuyin(ok(T4, D, ANON, 5, l -> own(l, 4, "own-d1", HZ))));
    snapshots.add(
        onBuyin(
            ok(
                T5,
                D,
                ANON,
                5,
                l ->
                    switch (l.build().position()) {
                      case 2 -> own(l, 2, "own-d1", HZ);
                      case 4 ->
                          l.productId("p2")
                              .title(D + " 商品 2")
                              .priceFen(10_002L)
                              .commissionBp(1002)
                              .imageKey("img/2.jpeg");
                      default -> l;
                    })));
    snapshots.add(onBuyin(blocked(T5, C, ANON)));
    return snapshots;
  }

  private static Snapshot onBuyin(Snapshot snapshot) {
    SampleDocument s = snapshot.sample();
    return new Snapshot(
        Fixtures.sampleOn(BUYIN, s.slot(), s.keyword(), s.vantage(), s.status(), s.resultCount()),
        snapshot.listings().stream().map(l -> l.withProfile(BUYIN)).toList());
  }

  private static Fixtures.Listing own(
      Fixtures.Listing listing, int at, String productId, String account) {
    if (listing.build().position() != at) {
      return listing;
    }
    return listing
        .productId(productId)
        .title(productId + " 自营")
        .matrixAccount(account)
        .shop("shop-" + account, account + " 旗舰店")
        .priceFen(19_900L)
        .commissionBp(2_000)
        .imageKey("img/" + productId + ".jpeg");
  }

  private static Fixtures.Listing competitor(Fixtures.Listing listing, int as) {
    return listing
        .productId("p" + as)
        .title(A + " 商品 " + as)
        .shop("shop-" + as, "店铺" + as)
        .priceFen(10_000L + as)
        .commissionBp(1000 + as)
        .imageKey("img/" + as + ".jpeg");
  }

  private static Snapshot ok(
      Instant slot,
      String keyword,
      String vantage,
      int count,
      UnaryOperator<Fixtures.Listing> shape) {
    List<ListingDocument> listings = new ArrayList<>();
    for (int position = 1; position <= count; position++) {
      listings.add(shape.apply(Fixtures.listing(slot, keyword, vantage, position)).build());
    }
    return new Snapshot(Fixtures.sample(slot, keyword, vantage, "ok", count), listings);
  }

  private static Snapshot blocked(Instant slot, String keyword, String vantage) {
    return Fixtures.snapshot(slot, keyword, vantage, "blocked", 0);
  }

  /** Each report command, named, with the arguments that select the fixture's slots. */
  private static Map<String, List<String>> commands() {
    Map<String, List<String>> commands = new LinkedHashMap<>();
    commands.put("top20", List.of("report", "top20", "--slot", T2.toString()));
    commands.put(
        "top20-vantage", List.of("report", "top20", "--slot", T2.toString(), "--vantage", HZ));
    // side by side: keyword A ranked from both, B from the anonymous vantage only (mx-hangzhou
    // has no sample: missing), C blocked / missing
    commands.put(
        "top20-vantages",
        List.of("report", "top20", "--slot", T2.toString(), "--vantage", ANON + "," + HZ));
    // every vantage of T3: A blocked / missing, B ranked from both (own-c1 at 18 only for
    // mx-hangzhou), C blocked / missing
    commands.put(
        "top20-vantage-all",
        List.of("report", "top20", "--slot", T3.toString(), "--vantage", "all"));
    commands.put(
        "changes", List.of("report", "changes", "--from", T1.toString(), "--to", T2.toString()));
    commands.put(
        "changes-every-entry",
        List.of(
            "report", "changes", "--from", T1.toString(), "--to", T2.toString(), "--every-entry"));
    commands.put(
        "changes-profiles",
        List.of("report", "changes", "--from", T4.toString(), "--to", T5.toString()));
    commands.put(
        "changes-profile-buyin",
        List.of(
            "report",
            "changes",
            "--from",
            T4.toString(),
            "--to",
            T5.toString(),
            "--profile",
            BUYIN));
    for (String window :
        List.of("history", "coverage", "changelog", "explain", "health", "daily")) {
      commands.put(
          window, List.of("report", window, "--from", T0.toString(), "--to", T3.toString()));
    }
    return commands;
  }

  @TestFactory
  Stream<DynamicTest> everyReportCommandPrintsItsGoldenTerminalCsvAndJson() {
    List<DynamicTest> tests = new ArrayList<>();
    for (var command : commands().entrySet()) {
      Map<String, List<String>> formats = new LinkedHashMap<>();
      formats.put("txt", List.of());
      formats.put("csv", List.of("--format", "csv"));
      formats.put("json", List.of("--format", "json"));
      for (var format : formats.entrySet()) {
        String file = command.getKey() + "." + format.getKey();
        List<String> args = new ArrayList<>(command.getValue());
        args.addAll(format.getValue());
        tests.add(
            DynamicTest.dynamicTest(
                file, () -> assertGolden(file, normalised(mallrank(args.toArray(String[]::new))))));
      }
    }
    return tests.stream();
  }

  /**
   * The side-by-side Top-20 of the golden fixture's T2 (anonymous and mx-hangzhou) as XLSX (read
   * back with POI) and as HTML (opened in Chromium): the cells each vantage saw, the own listings
   * marked per vantage, a vantage without ranks showing its status, the chart of own ranks drawn
   * with one series per vantage.
   */
  @Test
  void theSideBySideTop20AsXlsxAndHtmlShowsWhatEachVantageSawAndNeverABlank(@TempDir Path dir)
      throws Exception {
    Path xlsx = dir.resolve("side.xlsx");
    assertThat(
            mallrank(
                "report",
                "top20",
                "--slot",
                T2.toString(),
                "--vantage",
                ANON,
                "--vantage",
                HZ,
                "-o",
                xlsx.toString()))
        .contains("wrote " + xlsx);
    try (InputStream in = Files.newInputStream(xlsx);
        XSSFWorkbook workbook = new XSSFWorkbook(in)) {
      assertThat(workbook.getNumberOfSheets()).isEqualTo(3); // top20, samples, about
      Sheet top = workbook.getSheetAt(0);
      List<String> header = new ArrayList<>();
      top.getRow(0).forEach(c -> header.add(c.getStringCellValue()));
      assertThat(header)
          .containsExactly(
              "关键词 keyword",
              "站点 profile",
              "位置 pos",
              "anonymous 商品 listing",
              "anonymous 价格 price ¥",
              "anonymous 矩阵账号 account",
              "anonymous 商品ID product id",
              "mx-hangzhou 商品 listing",
              "mx-hangzhou 价格 price ¥",
              "mx-hangzhou 矩阵账号 account",
              "mx-hangzhou 商品ID product id");
      // keyword A, position 4: a competitor for the anonymous shopper, own-a1 for mx-hangzhou
      Row four = top.getRow(4);
      assertThat(four.getCell(0).getStringCellValue()).isEqualTo(A);
      assertThat(four.getCell(2).getNumericCellValue()).isEqualTo(4.0);
      assertThat(four.getCell(3).getStringCellValue()).isEqualTo(A + " 商品 4… · 店铺4");
      assertThat(four.getCell(4).getNumericCellValue()).isEqualTo(100.04);
      assertThat(four.getCell(5) == null ? "" : four.getCell(5).getStringCellValue()).isEmpty();
      assertThat(four.getCell(7).getStringCellValue()).isEqualTo("own-a1 自营 · mx-hangzhou…");
      assertThat(four.getCell(8).getNumericCellValue()).isEqualTo(199.0);
      assertThat(four.getCell(9).getStringCellValue()).isEqualTo(HZ);
      assertThat(four.getCell(10).getStringCellValue()).isEqualTo("own-a1");
      // keyword C: blocked for the anonymous shopper, never sampled as mx-hangzhou: one row
      Row blocked = top.getRow(21);
      assertThat(blocked.getCell(0).getStringCellValue()).isEqualTo(C);
      assertThat(blocked.getCell(2) == null ? "" : blocked.getCell(2).toString()).isEmpty();
      assertThat(blocked.getCell(3).getStringCellValue()).isEqualTo("(blocked)");
      assertThat(blocked.getCell(7).getStringCellValue()).isEqualTo("(missing)");
      // keyword B: ranked anonymously, missing as mx-hangzhou in every row
      for (int r = 22; r <= 41; r++) {
        assertThat(top.getRow(r).getCell(0).getStringCellValue()).isEqualTo(B);
        assertThat(top.getRow(r).getCell(7).getStringCellValue()).isEqualTo("(missing)");
      }
      assertThat(top.getLastRowNum()).isEqualTo(41);
    }

    Path html = dir.resolve("side.html");
    mallrank(
        "report",
        "top20",
        "--slot",
        T2.toString(),
        "--vantage",
        ANON + "," + HZ,
        "-o",
        html.toString());
    HeadlessChromium chromium = HeadlessChromium.launch();
    try {
      Page page = chromium.browser().newContext().newPage();
      List<String> problems = new ArrayList<>();
      page.onPageError(e -> problems.add("page error: " + e));
      page.onConsoleMessage(
          m -> {
            if (m.type().equals("error")) {
              problems.add("console: " + m.text());
            }
          });
      page.navigate(html.toUri().toString());
      page.waitForSelector("body[data-charts-rendered]");
      assertThat(problems).isEmpty();
      assertThat(page.getAttribute("body", "data-charts-rendered")).isEqualTo("1");
      Locator rows = page.locator("#table-top20 tbody tr");
      assertThat(rows.count()).isEqualTo(41);
      assertThat(rows.nth(3).locator("td").allInnerTexts())
          .containsExactly(
              A,
              "sandbox-static",
              "4",
              A + " 商品 4… · 店铺4",
              "¥100.04",
              "",
              "p4",
              "own-a1 自营 · mx-hangzhou…",
              "¥199.00",
              "★ " + HZ,
              "own-a1");
      // own listings: the anonymous shopper sees own-a1 at 5 and own-b1 at 15, mx-hangzhou
      // own-a1 at 4; each marks its listing and account cells
      assertThat(page.locator("#table-top20 td.own").allInnerTexts())
          .containsExactly(
              "own-a1 自营 · mx-hangzhou…",
              "★ " + HZ,
              "own-a1 自营 · mx-hangzhou…",
              "★ " + HZ,
              "own-b1 自营 · mx-yiwu 旗…",
              "★ " + YW);
      assertThat(rows.nth(20).locator("td").allInnerTexts())
          .containsExactly(
              C, "sandbox-static", "", "(blocked)", "", "", "", "(missing)", "", "", "");
      @SuppressWarnings("unchecked")
      List<Map<String, Object>> series =
          (List<Map<String, Object>>)
              page.evaluate(
                  "() => echarts.getInstanceByDom(document.getElementById("
                      + "'chart-own_ranks_by_vantage')).getOption().series.map(s => ({name:"
                      + " s.name, points: s.data.map(d => d.status ? d.status : '#' + d.value[1]"
                      + " + ' ' + d.account)}))");
      assertThat(series)
          .extracting(m -> m.get("name"), m -> m.get("points"))
          .containsExactly(
              tuple(ANON, List.of("#5 " + HZ, "#15 " + YW, "blocked")),
              tuple(HZ, List.of("#4 " + HZ, "missing", "missing")));
    } finally {
      chromium.close();
    }
  }

  private static void assertGolden(String name, String actual) throws IOException {
    Path golden = GOLDEN.resolve(name);
    if (Boolean.getBoolean(UPDATE_PROPERTY)) {
      Files.createDirectories(GOLDEN);
      Files.writeString(golden, actual, StandardCharsets.UTF_8);
      return;
    }
    assertThat(golden)
        .as("golden file %s (create it with -D%s=true)", golden, UPDATE_PROPERTY)
        .exists();
    String expected = Files.readString(golden, StandardCharsets.UTF_8);
    assertThat(actual).as("output of %s vs. its golden file %s", name, golden).isEqualTo(expected);
  }

  private static final Pattern GENERATED_AT =
      Pattern.compile("(\"generated_at\"\\s*:\\s*\")[^\"]*(\")");

  /**
   * The one run-dependent part of a report: the moment it was generated (the commands read the
   * system clock for it, and only the JSON prints it). Everything else is fixed by the fixture and
   * the explicit slots.
   */
  static String normalised(String printed) {
    return GENERATED_AT.matcher(printed).replaceAll("$1<generated>$2");
  }

  /** Runs {@code mallrank report ...} as a user does; returns what it printed on stdout. */
  private String mallrank(String... args) {
    return InContextCommand.run(context, args);
  }
}
