package com.mallrank.crawler.fetch.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mallrank.crawler.testing.ApplicationDefaults;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {

  @Test
  void defaultsAreTheDocumentedOnes() {
    BrowserSettings s = ApplicationDefaults.browser();
    assertThat(s.executable()).isEqualTo(Path.of("/usr/bin/chromium"));
    assertThat(s.headless()).isTrue();
    assertThat(s.blockResources()).isTrue();
    assertThat(s.launchArgs())
        .startsWith(
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync");
    assertThat(s.emulation().isMobile()).isTrue();
    assertThat(s.withRecycleAfterPages(3).recycleAfterPages()).isEqualTo(3);
    assertThat(RenderOptions.dom("li").targetCount()).isEqualTo(20);
  }

  @Test
  void badValuesAreRefused() {
    BrowserSettings s = ApplicationDefaults.browser();
    assertThatThrownBy(() -> s.withRecycleAfterPages(0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> s.withMaxPageBytes(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ApplicationDefaults.browserTimeouts().withPage(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RenderOptions.dom("li").withTargetCount(0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RenderOptions.dom(null)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RenderOptions.capture(null, "/data/items", null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RenderOptions.capture("**/api/*", null, null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void storageStatesInADirectoryCannotEscapeIt(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("mx-yiwu.json"), "{}");
    Files.setPosixFilePermissions(
        dir.resolve("mx-yiwu.json"), PosixFilePermissions.fromString("rw-------"));
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
    StorageStates states = StorageStates.inDirectory(dir);
    assertThat(states.fileOf("mx-yiwu")).contains(dir.resolve("mx-yiwu.json"));
    assertThat(states.fileOf("mx-hangzhou")).isEmpty();
    assertThat(states.fileOf("../mx-yiwu")).isEmpty();
    assertThat(states.fileOf("a/b")).isEmpty();
  }

  @Test
  void aStateFileOpenToOthersIsRefusedNamingIt(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("mx-yiwu.json");
    Files.writeString(file, "{}");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));

    assertThatThrownBy(() -> StorageStates.inDirectory(dir).fileOf("mx-yiwu"))
        .isInstanceOf(SecretStateFiles.InsecureStateException.class)
        .hasMessage(
            "login state file "
                + file
                + " is readable or writable by group/others: run chmod 600 "
                + file);
    assertThatThrownBy(() -> StorageStates.of(java.util.Map.of("mx-yiwu", file)).fileOf("mx-yiwu"))
        .hasMessageContaining(file.toString());

    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    assertThatThrownBy(() -> StorageStates.inDirectory(dir).fileOf("mx-yiwu"))
        .hasMessageContaining("the folder " + dir.toAbsolutePath())
        .hasMessageContaining("chmod 700");
  }
}
