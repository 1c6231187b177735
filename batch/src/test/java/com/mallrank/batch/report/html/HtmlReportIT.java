package com.mallrank.batch.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import com.mallrank.batch.report.SampleReports;
import com.mallrank.batch.report.model.ReportDocument;
import com.mallrank.crawler.testing.HeadlessChromium;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens the HTML report in real (Debian) Chromium: the charts render, nothing fails, nothing is
 * loaded from the network, hostile titles stay text. Saves a screenshot of the realistic sample
 * report; with {@code -Dmallrank.screenshot=docs/images/report.png} it refreshes the README's.
 */
class HtmlReportIT {

  private static HeadlessChromium chromium;
  private static Browser browser;

  @TempDir Path dir;

  @BeforeAll
  static void launch() {
    chromium = HeadlessChromium.launch();
    browser = chromium.browser();
  }

  @AfterAll
  static void close() {
    if (chromium != null) {
      chromium.close();
    }
  }

  /** What a page did while loading. */
  private record Visit(Page page, List<String> problems, List<String> requests) {}

  private Visit open(ReportDocument report, String name) throws Exception {
    Path file = dir.resolve(name);
    Files.writeString(file, new HtmlReportWriter().render(report));
    BrowserContext context =
        browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900));
    Page page = context.newPage();
    List<String> problems = new ArrayList<>();
    List<String> requests = new ArrayList<>();
    page.onConsoleMessage(
        m -> {
          if (m.type().equals("error") || m.type().equals("warning")) {
            problems.add("console " + m.type() + ": " + m.text());
          }
        });
    page.onPageError(e -> problems.add("page error: " + e));
    page.onDialog(
        d -> {
          problems.add("dialog: " + d.message());
          d.dismiss();
        });
    page.onRequest(r -> requests.add(r.url()));
    page.navigate(file.toUri().toString());
    page.waitForSelector("body[data-charts-rendered]");
    return new Visit(page, problems, requests);
  }

  @Test
  void rendersEveryChartOfflineWithoutErrors() throws Exception {
    ReportDocument report = SampleReports.realistic();
    Visit visit = open(report, "report.html");
    Page page = visit.page();

    assertThat(visit.problems()).isEmpty();
    assertThat(visit.requests()).isNotEmpty().allMatch(url -> url.startsWith("file:"));
    assertThat(page.getAttribute("body", "data-charts-rendered"))
        .isEqualTo(String.valueOf(report.charts().size()));
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> charts =
        (List<Map<String, Object>>)
            page.evaluate(
                "() => Array.from(document.querySelectorAll('div.chart')).map(el => {"
                    + " const c = el.querySelector('canvas, svg');"
                    + " const r = c ? c.getBoundingClientRect() : {width: 0, height: 0};"
                    + " return {id: el.id, width: r.width, height: r.height}; })");
    assertThat(charts).hasSize(report.charts().size());
    for (Map<String, Object> chart : charts) {
      assertThat(((Number) chart.get("width")).doubleValue())
          .as(chart.get("id") + " width")
          .isPositive();
      assertThat(((Number) chart.get("height")).doubleValue())
          .as(chart.get("id") + " height")
          .isPositive();
    }
    assertThat(page.locator("table").count()).isEqualTo(report.tables().size());
    assertThat(page.locator("tr.own").count()).isEqualTo(2);

    // The README's picture is refreshed only on request
    // (-Dmallrank.screenshot=docs/images/report.png
    // from the batch module's parent): a test run must not rewrite files of the checkout.
    String requested = System.getProperty("mallrank.screenshot");
    Path screenshot =
        requested == null
            ? dir.resolve("report.png")
            : Paths.get("").toAbsolutePath().resolveSibling(requested);
    Files.createDirectories(screenshot.getParent());
    page.screenshot(new Page.ScreenshotOptions().setPath(screenshot).setFullPage(true));
    assertThat(Files.size(screenshot)).isPositive();
    page.context().close();
  }

  @Test
  void hostileTitlesStayText() throws Exception {
    Visit visit = open(HtmlReportWriterTest.hostile(), "hostile.html");
    Page page = visit.page();

    assertThat(visit.problems()).isEmpty();
    assertThat(page.title()).isEqualTo(HtmlReportWriterTest.HOSTILE);
    assertThat(page.textContent("h1")).isEqualTo(HtmlReportWriterTest.HOSTILE);
    assertThat(page.locator("img").count()).isZero();
    assertThat(page.getAttribute("body", "data-charts-rendered")).isEqualTo("1");
    page.context().close();
  }
}
