package com.mallrank.batch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.mallrank.batch.report.ReportOutputOptions;
import com.mallrank.batch.report.format.ReportFormat;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Paths the user gives resolve against the directory they are in, in one place. */
class CallerPathsTest {

  @TempDir Path caller;

  @AfterEach
  void forget() {
    System.clearProperty(CallerPaths.PROPERTY);
  }

  @Test
  void everyPathValuedConfigurationKeyIsKnownInAnyRelaxedForm() {
    assertThat(CallerPaths.PATH_KEYS)
        .contains(
            "batch.plan",
            "batch.accountsdir",
            "batch.broker.dir",
            "crawler.profilesdir",
            "crawler.hardir",
            "crawler.evidence.dir",
            "crawler.browser.executable",
            "index.local.datadir",
            "index.es.cacertificate");
    assertThat(CallerPaths.isPathKey("batch.accounts-dir")).isTrue();
    assertThat(CallerPaths.isPathKey("batch.accountsDir")).isTrue();
    assertThat(CallerPaths.isPathKey("batch.zone")).isFalse();
    assertThat(CallerPaths.isPathKey("index.prefix")).isFalse();
  }

  @Test
  void aTypedPathIsRelativeToTheCallersDirectoryAnAbsoluteOneStays() {
    System.setProperty(CallerPaths.PROPERTY, caller.toString());

    assertThat(CallerPaths.dir()).isEqualTo(caller);
    assertThat(CallerPaths.resolve("plans/../plan.yml")).isEqualTo(caller.resolve("plan.yml"));
    assertThat(CallerPaths.resolve("/etc/mallrank/plan.yml"))
        .isEqualTo(Path.of("/etc/mallrank/plan.yml"));
    assertThat(new ReportOutputOptions().to(ReportFormat.HTML, Path.of("daily.html")).output())
        .isEqualTo(caller.resolve("daily.html"));
  }

  @Test
  void withoutTheLauncherTheWorkingDirectoryIsTheCallers() {
    assertThat(CallerPaths.dir()).isEqualTo(Path.of("").toAbsolutePath());
  }
}
