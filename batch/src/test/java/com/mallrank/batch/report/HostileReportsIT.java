package com.mallrank.batch.report;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch._types.Refresh;
import com.mallrank.batch.runtime.ElasticsearchRuntime;
import com.mallrank.batch.testing.InContextCommand;
import com.mallrank.batch.testing.MallrankIT;
import com.mallrank.crawler.testing.HeadlessChromium;
import com.mallrank.index.changes.ChangeDetector;
import com.mallrank.index.document.ListingDocument;
import com.mallrank.index.testing.DetectionDefaults;
import com.mallrank.index.testing.Fixtures;
import com.mallrank.index.write.Snapshot;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * Every {@code report} command on a slot written by a hostile seller (hand-made documents on the
 * real Elasticsearch): listing titles {@value #IMG}, shop names and the keyword {@value #SCRIPT}, a
 * title that is a spreadsheet formula and one carrying terminal escape sequences. Each command is
 * run as a user types it ({@code -o x.html}) and the page opened in Chromium: no dialog, no script
 * of the seller's, the hostile text shown as text. The same slot as CSV, XLSX and on the terminal
 * stays inert too.
 */
// these tests write fixtures with the writer and read them at once
@MallrankIT(properties = "index.refresh=true")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileReportsIT {

  static final String IMG = "<img src=x onerror=alert(1)>";
  static final String SCRIPT = "<script>alert(2)</script>";
  static final String FORMULA = "=HYPERLINK(\"http://127.0.0.1/x\",\"点我\")";
  static final String ESCAPES = "\u001b[2J\u001b]0;pwned\u0007标题";

  private static final Instant T1 = Instant.parse("2026-11-28T06:00:00Z");
  private static final Instant T2 = T1.plusSeconds(3600);
  private static final String KEYWORD = SCRIPT;
  private static final String ANON = "anonymous";

  @Autowired ElasticsearchRuntime elasticsearch;
  @Autowired ApplicationContext context;

  @TempDir Path dir;

  private HeadlessChromium chromium;
  private Browser browser;

  @BeforeAll
  void writeTwoHostileSlotsAndDetectChanges() {
    // T1: competitors p1.. (p2's title a formula, p4's escape sequences), mx-a's own-a1 at 3.
    // T2: p5 takes 3, own-a1 drops to 5, p1 cuts its price.
    elasticsearch
        .snapshotWriter()
        .writeAll(List.of(slot(T1, Map.of(3, "own-a1")), slot(T2, Map.of(3, "p5", 5, "own-a1"))));
    ChangeDetector detector =
        new ChangeDetector(
            elasticsearch.client(),
            elasticsearch.names(),
            DetectionDefaults.settings(),
            Clock.systemUTC(),
            Refresh.True);
    detector.detectSlot(T1);
    detector.detectSlot(T2);
  }

  private static Snapshot slot(Instant slot, Map<Integer, String> placed) {
    List<ListingDocument> listings = new ArrayList<>();
    for (int position = 1; position <= 20; position++) {
      String product =
          placed.getOrDefault(position, position == 3 || position == 5 ? null : "p" + position);
      if (product == null) {
        product = position == 3 ? "p3" : "p5";
      }
      Fixtures.Listing listing = Fixtures.listing(slot, KEYWORD, ANON, position).productId(product);
      if (product.equals("own-a1")) {
        listing.title(IMG + " own").matrixAccount("mx-a").shop("shop-mx-a", SCRIPT + "自营");
      } else {
        int n = Integer.parseInt(product.substring(1));
        String title = n == 2 ? FORMULA : n == 4 ? ESCAPES : IMG + " 商品" + n;
        listing.title(title).shop("shop-" + n, SCRIPT + "店铺" + n);
        listing.priceFen(n == 1 && slot.equals(T2) ? 9_001L : 10_000L + n).commissionBp(1000 + n);
        listing.imageKey("img/" + n + ".jpeg");
      }
      listings.add(listing.build());
    }
    return new Snapshot(Fixtures.sample(slot, KEYWORD, ANON, "ok", 20), listings);
  }

  /** Runs {@code mallrank report ...} as a user does; returns what it printed. */
  private String mallrank(String... args) {
    return InContextCommand.run(context, args);
  }

  /** Each report command with the arguments that select the hostile slots. */
  private Map<String, List<String>> commands() {
    Map<String, List<String>> commands = new LinkedHashMap<>();
    commands.put("top20", List.of("report", "top20", "--slot", T2.toString()));
    // side by side: every vantage of the slot (the anonymous one) and mx-a, never sampled
    commands.put(
        "top20-vantages",
        List.of("report", "top20", "--slot", T2.toString(), "--vantage", "all,mx-a"));
    commands.put(
        "changes",
        List.of(
            "report", "changes", "--from", T1.toString(), "--to", T2.toString(), "--every-entry"));
    for (String window :
        List.of("history", "coverage", "changelog", "explain", "health", "daily")) {
      commands.put(
          window, List.of("report", window, "--from", T1.toString(), "--to", T2.toString()));
    }
    return commands;
  }

  @Test
  void everyReportWrittenAsHtmlRunsNoScriptInChromiumAndShowsTheHostileTextAsText()
      throws Exception {
    chromium = HeadlessChromium.launch();
    browser = chromium.browser();
    try {
      for (var command : commands().entrySet()) {
        Path file = dir.resolve(command.getKey() + ".html");
        List<String> args = new ArrayList<>(command.getValue());
        args.addAll(List.of("-o", file.toString()));
        assertThat(mallrank(args.toArray(String[]::new))).contains("wrote " + file);

        Page page = browser.newContext().newPage();
        List<String> dialogs = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        page.onDialog(
            d -> {
              dialogs.add(d.message());
              d.dismiss();
            });
        page.onPageError(errors::add);
        page.navigate(file.toUri().toString());
        page.waitForLoadState();
        page.waitForTimeout(300);
        String name = command.getKey();
        assertThat(dialogs).as(name + ": dialogs opened").isEmpty();
        assertThat(errors).as(name + ": page errors").isEmpty();
        assertThat(page.locator("img").count()).as(name + ": <img> elements").isZero();
        assertThat(page.locator("script").count())
            .as(name + ": only the page's 3 scripts")
            .isEqualTo(3);
        assertThat(page.getAttribute("body", "data-charts-rendered")).as(name).isNotNull();
        String text = page.innerText("body");
        assertThat(text).as(name + ": the keyword, as text").contains(SCRIPT);
        if (List.of("top20", "changes", "daily").contains(name)) {
          assertThat(text).as(name + ": the title, as text").contains(IMG);
        }
        if (name.equals("top20-vantages")) {
          // the listing cells show the title shortened, as text; mx-a's cells its status
          assertThat(page.locator("#table-top20 tbody tr").first().locator("td").allInnerTexts())
              .containsExactly(
                  KEYWORD,
                  "sandbox-static",
                  "1",
                  "<img src=x onerror=aler… · <script>ale…",
                  "¥90.01",
                  "",
                  "p1",
                  "(missing)",
                  "",
                  "",
                  "");
          assertThat(page.locator("#table-top20 td.own").allInnerTexts())
              .containsExactly("<img src=x onerror=aler… · <script>ale…", "★ mx-a");
        }
        page.context().close();
      }
    } finally {
      chromium.close();
    }
  }

  @AfterAll
  void closeBrowserIfLeftOpen() {
    if (chromium != null) {
      try {
        chromium.close();
      } catch (RuntimeException ignored) {
        // already closed
      }
    }
  }

  @Test
  void spreadsheetCellsOfFormulaTitlesStartWithAnApostrophe() throws Exception {
    Path xlsx = dir.resolve("top20.xlsx");
    mallrank("report", "top20", "--slot", T2.toString(), "-o", xlsx.toString());
    List<String> titles = new ArrayList<>();
    try (InputStream in = Files.newInputStream(xlsx);
        XSSFWorkbook workbook = new XSSFWorkbook(in)) {
      Sheet sheet = workbook.getSheetAt(0);
      int column = -1;
      for (Cell header : sheet.getRow(0)) {
        if (header.getStringCellValue().contains("title")) {
          column = header.getColumnIndex();
        }
      }
      for (Row row : sheet) {
        Cell cell = row.getCell(column);
        if (row.getRowNum() > 0 && cell != null) {
          assertThat(cell.getCellType()).isEqualTo(CellType.STRING);
          titles.add(cell.getStringCellValue());
        }
      }
    }
    assertThat(titles).hasSize(20).contains("'" + FORMULA).doesNotContain(FORMULA);

    // CSV: one file per table, the Top-20 in top20-top20.csv.
    Path csv = dir.resolve("top20.csv");
    mallrank("report", "top20", "--slot", T2.toString(), "-o", csv.toString());
    assertThat(Files.readString(dir.resolve("top20-top20.csv"), StandardCharsets.UTF_8))
        .contains(",\"'=HYPERLINK(\"\"http://127.0.0.1/x\"\",\"\"点我\"\")\",");
  }

  @Test
  void textAndJsonFilesKeepTheTitlesInert() throws Exception {
    Path txt = dir.resolve("top20.txt");
    mallrank("report", "top20", "--slot", T2.toString(), "-o", txt.toString());
    assertThat(Files.readString(txt, StandardCharsets.UTF_8))
        .contains("␛[2J␛]0;pwned␇标题")
        .doesNotContain("\u001b", "\u0007");

    Path json = dir.resolve("top20.json");
    mallrank("report", "top20", "--slot", T2.toString(), "-o", json.toString());
    String written = Files.readString(json, StandardCharsets.UTF_8);
    assertThat(written).doesNotContain("\u001b").contains("\\u001B[2J");
    var titles =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(written)
            .findValuesAsText("title");
    assertThat(titles).contains(ESCAPES, FORMULA, IMG + " 商品1");
  }

  @Test
  void theTerminalTableShowsEscapeSequencesInsteadOfSendingThem() {
    String printed = mallrank("report", "top20", "--slot", T2.toString());

    assertThat(printed).contains("␛[2J␛]0;pwned␇标题", SCRIPT).doesNotContain("\u001b", "\u0007");
    String changes =
        mallrank(
            "report", "changes", "--from", T1.toString(), "--to", T2.toString(), "--every-entry");
    assertThat(changes)
        .contains("★ mx-a moved", "<script>alert")
        .doesNotContain("\u001b", "\u0007");
  }
}
