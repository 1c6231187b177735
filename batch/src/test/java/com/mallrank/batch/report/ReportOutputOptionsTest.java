package com.mallrank.batch.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mallrank.batch.report.format.ReportFormat;
import com.mallrank.batch.report.model.ReportDocument;
import com.mallrank.batch.report.model.ReportTable;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code --format} and {@code -o} as picocli parses them from a command line. */
class ReportOutputOptionsTest {

  @TempDir Path dir;

  @Command(name = "report")
  static class Report {
    @Mixin ReportOutputOptions output;
  }

  private static ReportOutputOptions parse(String... args) {
    Report report = new Report();
    new CommandLine(report).parseArgs(args);
    return report.output;
  }

  private static ReportDocument document() {
    Instant slot = Instant.parse("2026-11-28T06:00:00Z");
    ReportTable table =
        ReportTable.builder("top20", "Top-20").text("title", "标题").row("<b>羽绒服</b>").build();
    return new ReportDocument(
        "Top-20",
        slot,
        slot,
        "anonymous",
        ZoneId.of("Asia/Shanghai"),
        slot,
        List.of(table),
        List.of(),
        List.of());
  }

  @Test
  void anHtmlFileIsAlwaysAnHtmlPage() throws Exception {
    for (String name : List.of("x.html", "X.HTM")) {
      ReportOutputOptions options = parse("-o", dir.resolve(name).toString());

      assertThat(options.format()).as(name).isEqualTo(ReportFormat.HTML);
      options.write(document(), "top20", new PrintStream(new ByteArrayOutputStream()));
      assertThat(Files.readString(dir.resolve(name)))
          .startsWith("<!doctype html>")
          .contains("&lt;b&gt;羽绒服&lt;/b&gt;")
          .doesNotContain("<b>");
    }
    assertThat(parse("-o", "x.xlsx").format()).isEqualTo(ReportFormat.XLSX);
    assertThat(parse("-o", "x.txt").format()).isEqualTo(ReportFormat.TABLE);
    assertThat(parse().format()).isEqualTo(ReportFormat.TABLE);
    assertThat(parse().output()).isNull();
  }

  @Test
  void aFormatContradictingTheFileNameIsRefused() {
    assertThatThrownBy(() -> parse("--format", "table", "-o", "x.html").format())
        .hasMessage(
            "--format table does not match --output x.html (a .html file is html): drop --format"
                + " or rename the file");
    assertThat(parse("--format", "json", "-o", "x.out").format()).isEqualTo(ReportFormat.JSON);
  }

  @Test
  void anOutputEndingInASlashIsAFolderCreatedWithTheDefaultName() throws Exception {
    Path folder = dir.resolve("newdir");
    ByteArrayOutputStream terminal = new ByteArrayOutputStream();

    List<Path> written =
        parse("--format", "csv", "-o", folder + "/")
            .write(
                document(), "top20-2026", new PrintStream(terminal, true, StandardCharsets.UTF_8));

    assertThat(Files.isDirectory(folder)).isTrue();
    assertThat(written).containsExactly(folder.resolve("top20-2026.csv"));
    assertThat(Files.readString(folder.resolve("top20-2026.csv"))).contains("<b>羽绒服</b>");
    try (var siblings = Files.list(dir)) {
      assertThat(siblings).containsExactly(folder);
    }
    assertThat(terminal.toString(StandardCharsets.UTF_8)).contains("top20-2026.csv");

    // An existing folder without the slash, format from --format; html by default goes there too.
    parse("--format", "html", "-o", folder.toString())
        .write(document(), "top20-2026", new PrintStream(new ByteArrayOutputStream()));
    assertThat(folder.resolve("top20-2026.html")).exists();
  }
}
