package com.mallrank.batch.report.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportFilesTest {

  @TempDir Path dir;

  @Test
  void csvOfSeveralTablesIsOneFilePerTableBesideTheNamedFile() throws Exception {
    List<Path> files =
        new ReportFiles()
            .write(
                FormatFixtures.report("报告", FormatFixtures.top20(), FormatFixtures.samples()),
                ReportFormat.CSV,
                dir.resolve("out/day.csv"),
                "ignored");

    assertThat(files)
        .containsExactly(dir.resolve("out/day-top20.csv"), dir.resolve("out/day-samples.csv"));
    assertThat(Files.readString(files.get(1)))
        .isEqualTo("\uFEFF关键词,状态\r\n羽绒服女,ok\r\n洗衣凝珠,blocked\r\n");
  }

  @Test
  void aDirectoryGetsTheBaseName() throws Exception {
    List<Path> files =
        new ReportFiles()
            .write(
                FormatFixtures.report("报告", FormatFixtures.samples()),
                ReportFormat.XLSX,
                dir,
                "mallrank-top20-20261128T0600Z-anonymous");

    assertThat(files).containsExactly(dir.resolve("mallrank-top20-20261128T0600Z-anonymous.xlsx"));
    assertThat(Files.size(files.get(0))).isPositive();
    try (var listing = Files.list(dir)) {
      assertThat(listing).hasSize(1); // no temporary file left behind
    }
  }

  @Test
  void formatsParseInAnyCase() {
    assertThat(ReportFormat.parse("XLSX")).isEqualTo(ReportFormat.XLSX);
    assertThat(ReportFormat.parse(" html ")).isEqualTo(ReportFormat.HTML);
  }
}
