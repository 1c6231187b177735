package com.mallrank.batch.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.mallrank.batch.config.CrawlerProperties;
import com.mallrank.batch.demo.SandboxRuntime;
import com.mallrank.crawler.fetch.CookieJar;
import com.mallrank.crawler.fetch.FetchRequest;
import com.mallrank.crawler.fetch.FetchResponse;
import com.mallrank.crawler.politeness.AddressGuard;
import com.mallrank.crawler.politeness.Gate;
import com.mallrank.crawler.sandbox.SandboxMall;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The batch's static fetcher saves the session cookie a site rotates into the account's login state
 * (the plan's {@code storage-state}), and the account's next request carries the new value (issue
 * 20 item 5: before, the rotated cookie was dropped after the fetch and the next sample sent the
 * old session). The sandbox mall rotates {@value SandboxMall#SESSION_COOKIE} on every search page
 * of a logged-in searcher.
 */
class RotatedLoginCookiesTest {

  private static final String KEYWORD = "加厚羽绒服女长款";
  private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");

  @TempDir Path dir;
  private SandboxRuntime sandbox;
  private BrowserRuntime network;
  private SamplerFactory factory;
  private AccountCookies cookies;
  private Path state;

  @BeforeEach
  void start() throws Exception {
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
    CrawlerProperties properties = SandboxCrawler.properties();
    sandbox = SandboxCrawler.sandbox();
    sandbox.mall().rotateSessionCookie(true);
    state = dir.resolve("mx-rotating.json");
    Files.writeString(
        state,
        """
        {"cookies":[
          {"name":"%s","value":"mx-rotating","domain":"127.0.0.1","path":"/","expires":-1,
           "httpOnly":false,"secure":false,"sameSite":"Lax"},
          {"name":"%s","value":"before","domain":"127.0.0.1","path":"/","expires":-1,
           "httpOnly":true,"secure":false,"sameSite":"Lax"}],
         "origins":[]}
        """
            .formatted(SandboxMall.IDENTITY_COOKIE, SandboxMall.SESSION_COOKIE));
    Files.setPosixFilePermissions(state, PosixFilePermissions.fromString("rw-------"));
    Path plan = dir.resolve("plan.yml");
    Files.writeString(
        plan,
        """
        accounts:
          - id: mx-rotating
            shop-ids: ["7201283738326735002"]
            storage-state: %s
        groups:
          - name: core
            profile: sandbox-static
            vantages: [mx-rotating]
            keywords: [%s]
        """
            .formatted(state, KEYWORD));
    PlanNetwork wired = PlanNetwork.of(properties, plan, dir);
    network = wired.network();
    factory = new SamplerFactory(properties, network);
    cookies = new AccountCookies(wired.plans().plan(), null, new LoginStates(dir));
  }

  @AfterEach
  void stop() {
    network.destroy();
    sandbox.destroy();
  }

  private FetchResponse search() throws Exception {
    return factory
        .fetcher()
        .fetch(
            new FetchRequest(
                URI.create(sandbox.mall().searchUrl(KEYWORD)),
                "mx-rotating",
                cookies.of("mx-rotating"),
                Gate.unpaced(new AddressGuard(List.of("127.0.0.1"), true))));
  }

  private static String session(CookieJar jar) {
    return jar.header(URI.create("http://127.0.0.1/search"), NOW);
  }

  @Test
  void aRotatedSessionIsSavedAndSentByTheNextRequest() throws Exception {
    assertThat(session(cookies.of("mx-rotating")))
        .isEqualTo(SandboxMall.IDENTITY_COOKIE + "=mx-rotating; sandbox_session=before");

    assertThat(search().httpStatus()).isEqualTo(200);
    String first = sandbox.mall().lastSessionCookie();

    assertThat(first).isNotNull().isNotEqualTo("before");
    assertThat(session(cookies.of("mx-rotating")))
        .isEqualTo(SandboxMall.IDENTITY_COOKIE + "=mx-rotating; sandbox_session=" + first);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(state)))
        .isEqualTo("rw-------");

    // the next rotation: the file and the account's cookies follow again
    search();
    String second = sandbox.mall().lastSessionCookie();
    assertThat(second).isNotEqualTo(first);
    assertThat(session(cookies.of("mx-rotating")))
        .isEqualTo(SandboxMall.IDENTITY_COOKIE + "=mx-rotating; sandbox_session=" + second);
    assertThat(Files.readString(state)).doesNotContain("\"before\"").contains(second);
  }
}
