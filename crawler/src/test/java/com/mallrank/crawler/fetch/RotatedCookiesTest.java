package com.mallrank.crawler.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mallrank.crawler.fetch.browser.StorageStates;
import com.mallrank.crawler.net.TestNet;
import com.mallrank.crawler.sandbox.SandboxMall;
import com.mallrank.crawler.testing.ApplicationDefaults;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cookies a site rotates during a static fetch are saved back into the account's login state (issue
 * 20 item 5): merged into the storage-state file (the rotated cookie replaced, every other cookie
 * and the origins' storage kept), atomically, owner-only; a deletion removes the cookie; never for
 * the anonymous vantage; only the site's own cookies (not those of another host a redirect went
 * to); a login state the fetcher may not use is left alone and the page is still a page. The
 * sandbox mall rotates {@value SandboxMall#SESSION_COOKIE} on every search page of a logged-in
 * searcher.
 */
class RotatedCookiesTest {

  private static final String ID = "mx-hangzhou";
  private static final String KEYWORD = "加厚羽绒服女长款";
  private static final ObjectMapper JSON = new ObjectMapper();

  private static SandboxMall mall;
  private static HttpServer deleting;

  @TempDir Path dir;
  private Path state;

  @BeforeAll
  static void start() throws IOException {
    mall = SandboxMall.start();
    mall.rotateSessionCookie(true);
    deleting = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    deleting.createContext(
        "/logout",
        ex -> {
          ex.getResponseHeaders().add("Set-Cookie", "sandbox_session=; Path=/; Max-Age=0");
          ex.sendResponseHeaders(200, -1);
          ex.close();
        });
    // a hop on the site (127.0.0.1) that sets a cookie and redirects to another host (localhost),
    // which sets its own
    deleting.createContext(
        "/hop",
        ex -> {
          ex.getResponseHeaders().add("Set-Cookie", "site_token=t1; Path=/");
          ex.getResponseHeaders()
              .add("Location", "http://localhost:" + deleting.getAddress().getPort() + "/land");
          ex.sendResponseHeaders(302, -1);
          ex.close();
        });
    deleting.createContext(
        "/land",
        ex -> {
          ex.getResponseHeaders().add("Set-Cookie", "elsewhere=e1; Path=/");
          ex.sendResponseHeaders(200, -1);
          ex.close();
        });
    deleting.start();
  }

  @AfterAll
  static void stop() {
    mall.close();
    deleting.stop(0);
  }

  @BeforeEach
  void writeState() throws IOException {
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
    state = dir.resolve(ID + ".json");
    Files.writeString(
        state,
        """
        {"cookies":[
          {"name":"sandbox_uid","value":"%s","domain":"127.0.0.1","path":"/","expires":-1,
           "httpOnly":false,"secure":false,"sameSite":"Lax"},
          {"name":"sessionid","value":"keep-me","domain":".douyin.com","path":"/","expires":-1,
           "httpOnly":true,"secure":true,"sameSite":"None"}],
         "origins":[{"origin":"http://127.0.0.1","localStorage":[{"name":"k","value":"v"}]}]}
        """
            .formatted(ID),
        StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(state, PosixFilePermissions.fromString("rw-------"));
  }

  private JsoupFetcher fetcher(Map<String, Path> states) {
    return new JsoupFetcher(ApplicationDefaults.jsoup(Duration.ofSeconds(5)), Clock.systemUTC())
        .savingRotatedCookies(StorageStates.of(states));
  }

  private FetchResponse search(JsoupFetcher fetcher, String identity) throws FetchException {
    return fetcher.fetch(
        new FetchRequest(
            URI.create(mall.searchUrl(KEYWORD)),
            identity,
            TestNet.sandboxCookies(identity),
            TestNet.loopback()));
  }

  /** name=value of every cookie in the state, in file order. */
  private List<String> cookies() throws IOException {
    List<String> out = new ArrayList<>();
    for (JsonNode c : JSON.readTree(state.toFile()).path("cookies")) {
      out.add(c.path("name").asText() + "=" + c.path("value").asText());
    }
    return out;
  }

  @Test
  void aRotatedSessionIsMergedIntoTheLoginStateAtomicallyAndOwnerOnly() throws Exception {
    JsoupFetcher fetcher = fetcher(Map.of(ID, state));
    Instant before = Instant.now();

    FetchResponse first = search(fetcher, ID);

    assertThat(first.httpStatus()).isEqualTo(200);
    String s1 = mall.lastSessionCookie();
    assertThat(s1).isNotNull();
    assertThat(cookies())
        .containsExactly("sandbox_uid=" + ID, "sessionid=keep-me", "sandbox_session=" + s1);
    JsonNode tree = JSON.readTree(state.toFile());
    JsonNode session = tree.path("cookies").get(2);
    assertThat(session.path("domain").asText()).isEqualTo("127.0.0.1");
    assertThat(session.path("path").asText()).isEqualTo("/");
    assertThat(session.path("httpOnly").asBoolean()).isTrue();
    assertThat(session.path("secure").asBoolean()).isFalse();
    // Max-Age=2592000 (30 days) from the response
    assertThat(session.path("expires").asLong())
        .isBetween(
            before.plus(Duration.ofDays(30)).getEpochSecond() - 1,
            Instant.now().plus(Duration.ofDays(30)).getEpochSecond() + 1);
    // everything else as it was
    assertThat(tree.path("cookies").get(1).path("sameSite").asText()).isEqualTo("None");
    assertThat(tree.path("origins").get(0).path("localStorage").get(0).path("value").asText())
        .isEqualTo("v");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(state)))
        .isEqualTo("rw-------");
    // no temporary file left beside it
    try (var files = Files.list(dir)) {
      assertThat(files).containsExactly(state);
    }

    // the next rotation replaces the value: one session cookie, never two
    search(fetcher, ID);
    String s2 = mall.lastSessionCookie();
    assertThat(s2).isNotEqualTo(s1);
    assertThat(cookies())
        .containsExactly("sandbox_uid=" + ID, "sessionid=keep-me", "sandbox_session=" + s2);
  }

  @Test
  void aDeletionRemovesTheCookieAndKeepsTheRest() throws Exception {
    JsoupFetcher fetcher = fetcher(Map.of(ID, state));
    search(fetcher, ID);
    assertThat(cookies()).hasSize(3);

    FetchResponse logout =
        fetcher.fetch(
            new FetchRequest(
                URI.create("http://127.0.0.1:" + deleting.getAddress().getPort() + "/logout"),
                ID,
                TestNet.sandboxCookies(ID),
                TestNet.loopback()));

    assertThat(logout.httpStatus()).isEqualTo(200);
    assertThat(cookies()).containsExactly("sandbox_uid=" + ID, "sessionid=keep-me");
  }

  @Test
  void onlyTheSiteOwnCookiesAreSavedNotThoseOfAHostARedirectWentTo() throws Exception {
    JsoupFetcher fetcher = fetcher(Map.of(ID, state));

    FetchResponse landed =
        fetcher.fetch(
            new FetchRequest(
                URI.create("http://127.0.0.1:" + deleting.getAddress().getPort() + "/hop"),
                ID,
                TestNet.sandboxCookies(ID),
                TestNet.loopback()));

    assertThat(landed.httpStatus()).isEqualTo(200);
    assertThat(landed.url()).endsWith("/land").startsWith("http://localhost:");
    // the site's cookie saved; the other host's used for the fetch, never stored with the login
    assertThat(cookies())
        .containsExactly("sandbox_uid=" + ID, "sessionid=keep-me", "site_token=t1");
  }

  @Test
  void theAnonymousVantageNeverWritesALoginState() throws Exception {
    byte[] was = Files.readAllBytes(state);
    mall.rotateSessionCookie(true);

    // even a fetcher told that "anonymous" has this file: an anonymous search is nobody's login
    FetchResponse response = search(fetcher(Map.of("anonymous", state)), "anonymous");

    assertThat(response.httpStatus()).isEqualTo(200);
    assertThat(Files.readAllBytes(state)).isEqualTo(was);
  }

  @Test
  void aLoginStateOpenToOthersIsLeftAloneAndThePageIsStillAPage() throws Exception {
    Files.setPosixFilePermissions(state, PosixFilePermissions.fromString("rw-r--r--"));
    byte[] was = Files.readAllBytes(state);

    // the identity's own file, open to others: refused by the permission rule, the page kept
    Map<String, Path> insecure = Map.of(ID, state);
    FetchResponse again =
        new JsoupFetcher(ApplicationDefaults.jsoup())
            .savingRotatedCookies(id -> java.util.Optional.ofNullable(insecure.get(id)))
            .fetch(
                new FetchRequest(
                    URI.create(mall.searchUrl(KEYWORD)),
                    ID,
                    TestNet.sandboxCookies(ID),
                    TestNet.loopback()));
    assertThat(again.httpStatus()).isEqualTo(200);
    assertThat(Files.readAllBytes(state)).isEqualTo(was);
  }
}
