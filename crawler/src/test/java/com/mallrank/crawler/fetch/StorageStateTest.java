package com.mallrank.crawler.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one reader and writer of a Playwright storage state. The state below is built by hand in the
 * shape {@code BrowserContext.storageState()} writes (Playwright's documented fields: cookies with
 * name, value, domain, path, expires, httpOnly, secure, sameSite; origins with localStorage); the
 * values are invented.
 */
class StorageStateTest {

  private static final String STATE =
      """
      {"cookies": [
        {"name": "sessionid", "value": "s3cr3tSession", "domain": ".douyin.com", "path": "/",
         "expires": 1893456000, "httpOnly": true, "secure": true, "sameSite": "Lax"},
        {"name": "ttwid", "value": "hostOnlyValue", "domain": "www.douyin.com", "path": "/",
         "expires": -1, "httpOnly": true, "secure": false, "sameSite": "None"},
        {"name": "orphan", "value": "noDomainValue", "domain": "", "path": "/"}
       ],
       "origins": [{"origin": "https://www.douyin.com",
                    "localStorage": [{"name": "xmst", "value": "localStorageSecret"}]}],
       "extra": {"kept": true}}
      """;

  private static final Instant NOW = Instant.parse("2026-12-07T20:00:00Z");

  @TempDir Path dir;

  @Test
  void itsCookiesBecomeAJarWithTheirScopeAndItsSecretsAreEveryValue() throws IOException {
    StorageState state = StorageState.parse(STATE.getBytes(StandardCharsets.UTF_8));

    assertThat(state.hasCookieList()).isTrue();
    assertThat(state.cookies()).hasSize(3);
    CookieJar jar = state.jar();
    assertThat(jar.all()).extracting(Cookie::name).containsExactly("sessionid", "ttwid");
    Cookie session = jar.all().get(0);
    assertThat(session.hostOnly()).isFalse();
    assertThat(session.domain()).isEqualTo("douyin.com");
    assertThat(session.secure()).isTrue();
    assertThat(session.expires()).isEqualTo(Instant.ofEpochSecond(1893456000));
    assertThat(jar.all().get(1).hostOnly()).isTrue();
    assertThat(jar.all().get(1).expires()).isNull();
    assertThat(state.secretValues())
        .containsExactly("s3cr3tSession", "hostOnlyValue", "noDomainValue", "localStorageSecret");
    assertThat(state.cookies().get(0).toString()).doesNotContain("s3cr3tSession");
  }

  @Test
  void aSetCookieReplacesAddsOrDeletesAndEveryOtherFieldIsKept() throws IOException {
    StorageState state = StorageState.parse(STATE.getBytes(StandardCharsets.UTF_8));
    URI site = URI.create("https://www.douyin.com/search");

    assertThat(state.apply(set(site, "sessionid=rotated; Domain=douyin.com; Path=/; Secure"), NOW))
        .isTrue();
    assertThat(state.apply(set(site, "fresh=new; Path=/"), NOW)).isTrue();
    assertThat(state.apply(set(site, "ttwid=; Max-Age=0; Path=/"), NOW)).isTrue();
    assertThat(state.apply(set(site, "gone=; Max-Age=0; Path=/"), NOW)).isFalse();

    StorageState written = StorageState.parse(state.toBytes());
    assertThat(written.cookies())
        .extracting(StorageState.StoredCookie::name, StorageState.StoredCookie::value)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("sessionid", "rotated"),
            org.assertj.core.groups.Tuple.tuple("orphan", "noDomainValue"),
            org.assertj.core.groups.Tuple.tuple("fresh", "new"));
    assertThat(new String(state.toBytes(), StandardCharsets.UTF_8))
        .contains("\"extra\"")
        .contains("localStorageSecret");
  }

  @Test
  void notAStateIsRefusedWithoutQuotingItAndAFileByItsNameOnly() throws IOException {
    assertThatThrownBy(() -> StorageState.parse("[\"s3cr3t\"]".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(IOException.class)
        .hasMessage("not storage-state JSON");
    Path file = Files.writeString(dir.resolve("mx-a.json"), "{\"cookies\": [s3cr3t");
    assertThatThrownBy(() -> StorageState.read(file))
        .isInstanceOf(IOException.class)
        .hasMessage("cannot read the login state " + file + " as storage-state JSON");
    assertThat(StorageState.parse("{}".getBytes(StandardCharsets.UTF_8)).hasCookieList()).isFalse();
  }

  private static SetCookie set(URI url, String header) {
    return SetCookie.parse(url, header, NOW).orElseThrow();
  }
}
