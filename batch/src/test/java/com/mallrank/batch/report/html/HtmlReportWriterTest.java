package com.mallrank.batch.report.html;

import static org.assertj.core.api.Assertions.assertThat;

import com.mallrank.batch.report.SampleReports;
import com.mallrank.batch.report.model.ChangeTimeline;
import com.mallrank.batch.report.model.ReportDocument;
import com.mallrank.batch.report.model.ReportTable;
import com.mallrank.batch.text.Escaping;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class HtmlReportWriterTest {

  static final String HOSTILE =
      "</script><script>alert('xss')</script><img src=x onerror=alert(1)>";

  static ReportDocument hostile() {
    Instant slot = Instant.parse("2026-11-28T06:00:00Z");
    ReportTable table =
        ReportTable.builder("top20", "Top-20 " + HOSTILE)
            .text("title", "标题 " + HOSTILE)
            .text("matrix_account", "account")
            .row(HOSTILE, null)
            .build();
    ChangeTimeline timeline =
        new ChangeTimeline(
            "timeline",
            HOSTILE,
            List.of(new ChangeTimeline.Event(slot, "price", HOSTILE, HOSTILE)));
    return new ReportDocument(
        HOSTILE,
        slot,
        slot,
        HOSTILE,
        ZoneId.of("Asia/Shanghai"),
        slot,
        List.of(table),
        List.of(timeline),
        List.of());
  }

  @Test
  void loadsNothingFromTheNetwork() {
    String html = new HtmlReportWriter().render(SampleReports.realistic());

    assertThat(
            Pattern.compile("(?i)\\b(src|href)\\s*=\\s*[\"']?\\s*(https?:)?//")
                .matcher(html)
                .find())
        .as("an external src= or href=")
        .isFalse();
    assertThat(html).doesNotContainIgnoringCase("<link ").doesNotContain("@import");
    assertThat(html).contains("default-src 'none'");
  }

  @Test
  void inlinesEchartsFromTheWebjar() {
    String html = new HtmlReportWriter().render(SampleReports.realistic());

    assertThat(html).contains(EchartsLibrary.load().script());
    assertThat(EchartsLibrary.load().version()).startsWith("5.");
    assertThat(html)
        .contains("id=\"chart-rank_0\"", "id=\"chart-coverage\"", "id=\"chart-timeline\"");
  }

  @Test
  void escapesTitlesEverywhereIncludingTheChartData() {
    String html = new HtmlReportWriter().render(hostile());

    // Exactly our three script elements: the data, ECharts and the page script.
    assertThat(html.split("</script>", -1)).hasSize(4);
    assertThat(html).doesNotContain("<script>alert").doesNotContain("<img src=x");
    assertThat(html).contains("<title>&lt;/script&gt;&lt;script&gt;alert(&#39;xss&#39;)");
    assertThat(html).contains("\\u003c/script\\u003e\\u003cscript\\u003ealert('xss')");
  }

  @Test
  void scriptJsonKeepsTheValueButNeverEndsTheElement() {
    assertThat(Escaping.scriptJson("{\"t\":\"</script><!-- & \u2028\"}"))
        .isEqualTo("{\"t\":\"\\u003c/script\\u003e\\u003c!-- \\u0026 \\u2028\"}");
  }
}
