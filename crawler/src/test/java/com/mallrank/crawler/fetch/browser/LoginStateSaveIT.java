package com.mallrank.crawler.fetch.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mallrank.crawler.fetch.FetchResponse;
import com.mallrank.crawler.sandbox.SandboxMall;
import com.mallrank.crawler.testing.ApplicationDefaults;
import com.mallrank.crawler.testing.BrowserFixture;
import com.mallrank.crawler.testing.SharedChromium;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sessions that stay alive (issue 10 item 3) in the real Chromium: the sandbox rotates its session
 * cookie on every search page; after each page the account's storage-state file holds the new
 * value, is still owner-only (0600), was replaced atomically (no temporary file left beside it),
 * and is not rewritten when nothing changed.
 */
class LoginStateSaveIT {

  private static final String YIWU = "mx-yiwu";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path states;

  @RegisterExtension
  static final BrowserFixture BROWSER = BrowserFixture.sandboxMallAt(BrowserIT.TIME);

  @Test
  void aCookieRotatedDuringASessionIsInTheSavedStateWhichStaysOwnerOnly() throws Exception {
    Path file = writeState(states, "old-session");
    BROWSER.mall().rotateSessionCookie(true);
    try (PlaywrightFetcher fetcher =
        ApplicationDefaults.playwright(
                BrowserIT.settings(), BrowserIT.domOptions(), StorageStates.inDirectory(states))
            .withBrowserSource(SharedChromium.source())) {
      FetchResponse first =
          fetcher.fetch(BrowserIT.request(BROWSER.mall().spaUrl(BrowserIT.KEYWORD), YIWU));

      assertThat(first.httpStatus()).isEqualTo(200);
      assertThat(first.body()).contains("goods-card");
      String rotated = BROWSER.mall().lastSessionCookie();
      assertThat(rotated).isNotNull().isNotEqualTo("old-session");
      assertThat(cookies(file))
          .containsEntry(SandboxMall.SESSION_COOKIE, rotated)
          .containsEntry(SandboxMall.IDENTITY_COOKIE, YIWU);
      assertOwnerOnlyAndAlone(file);

      fetcher.fetch(BrowserIT.request(BROWSER.mall().spaUrl(BrowserIT.KEYWORD), YIWU));

      assertThat(BROWSER.mall().lastSessionCookie()).isNotEqualTo(rotated);
      assertThat(cookies(file))
          .containsEntry(SandboxMall.SESSION_COOKIE, BROWSER.mall().lastSessionCookie());
      assertOwnerOnlyAndAlone(file);
    } finally {
      BROWSER.mall().rotateSessionCookie(false);
    }
  }

  @Test
  void anUnchangedStateIsNotRewritten(@TempDir Path dir) throws Exception {
    Path file = writeState(dir, "steady");
    try (PlaywrightFetcher fetcher =
        ApplicationDefaults.playwright(
                BrowserIT.settings(), BrowserIT.domOptions(), StorageStates.inDirectory(dir))
            .withBrowserSource(SharedChromium.source())) {
      fetcher.fetch(BrowserIT.request(BROWSER.mall().spaUrl(BrowserIT.KEYWORD), YIWU));
      FileTime old = FileTime.from(Instant.parse("2026-01-01T00:00:00Z"));
      Files.setLastModifiedTime(file, old);

      fetcher.fetch(BrowserIT.request(BROWSER.mall().spaUrl(BrowserIT.KEYWORD), YIWU));

      assertThat(Files.getLastModifiedTime(file)).isEqualTo(old);
      assertThat(cookies(file)).containsEntry(SandboxMall.SESSION_COOKIE, "steady");
      assertOwnerOnlyAndAlone(file);
    }
  }

  private static Path writeState(Path dir, String session) throws IOException {
    String cookie =
        "{\"name\":\"%s\",\"value\":\"%s\",\"domain\":\"127.0.0.1\",\"path\":\"/\","
            + "\"expires\":%d,\"httpOnly\":false,\"secure\":false,\"sameSite\":\"Lax\"}";
    long expires = Instant.now().plusSeconds(86_400).getEpochSecond();
    String state =
        "{\"cookies\":["
            + cookie.formatted(SandboxMall.IDENTITY_COOKIE, YIWU, -1)
            + ","
            + cookie.formatted(SandboxMall.SESSION_COOKIE, session, expires)
            + "],\"origins\":[]}";
    Path file = dir.resolve(YIWU + ".json");
    Files.writeString(file, state);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
    return file;
  }

  private static Map<String, String> cookies(Path file) throws IOException {
    Map<String, String> byName = new HashMap<>();
    for (JsonNode cookie : JSON.readTree(file.toFile()).path("cookies")) {
      byName.put(cookie.path("name").asText(), cookie.path("value").asText());
    }
    return byName;
  }

  private static void assertOwnerOnlyAndAlone(Path file) throws IOException {
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    try (Stream<Path> files = Files.list(file.getParent())) {
      assertThat(files.map(p -> p.getFileName().toString()).toList())
          .as("no temporary file left beside it")
          .isEqualTo(List.of(file.getFileName().toString()));
    }
  }
}
