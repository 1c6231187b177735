package com.mallrank.batch.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.mallrank.batch.plan.IdentityNetwork;
import com.mallrank.batch.plan.MatrixAccount;
import com.mallrank.batch.plan.Plan;
import com.mallrank.crawler.fetch.CookieJar;
import com.mallrank.crawler.sampler.SamplerSettings;
import com.mallrank.crawler.sandbox.SandboxMall;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A matrix account's login cookies keep the scope they were saved with (issue 8 row 2: before, they
 * were reduced to name=value pairs and sent to whatever host was fetched, over http too).
 */
class AccountCookiesTest {

  private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");

  @TempDir Path dir;

  private Path state() throws Exception {
    Path file = dir.resolve("mx-a.json");
    Files.writeString(
        file,
        """
        {"cookies": [
          {"name": "sessionid", "value": "s3cr3t", "domain": ".douyin.com", "path": "/",
           "expires": -1, "httpOnly": true, "secure": true, "sameSite": "Lax"},
          {"name": "ttwid", "value": "t1", "domain": "www.douyin.com", "path": "/",
           "expires": 1900000000.5, "httpOnly": true, "secure": false, "sameSite": "None"},
          {"name": "gone", "value": "x", "domain": ".douyin.com", "path": "/",
           "expires": 1700000000, "httpOnly": false, "secure": false, "sameSite": "Lax"}
        ], "origins": []}
        """);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    return file;
  }

  @Test
  void aLoginStatesCookiesGoOnlyWhereTheyBelong() throws Exception {
    Plan plan =
        Plan.of(
            dir.resolve("plan.yml"),
            List.of(
                new MatrixAccount(
                    "mx-a", "A", Set.of(), Set.of(), state(), IdentityNetwork.DEFAULT)),
            List.of());
    CookieJar jar = new AccountCookies(plan, null).of("mx-a");

    assertThat(jar.header(URI.create("https://www.douyin.com/search"), NOW))
        .isEqualTo("sessionid=s3cr3t; ttwid=t1");
    assertThat(jar.header(URI.create("http://www.douyin.com/search"), NOW)).isEqualTo("ttwid=t1");
    assertThat(jar.header(URI.create("https://mall.douyin.com/"), NOW))
        .isEqualTo("sessionid=s3cr3t");
    assertThat(jar.header(URI.create("https://evil.test/"), NOW)).isNull();
    assertThat(jar.header(URI.create("http://127.0.0.1:9200/"), NOW)).isNull();
    assertThat(jar.toString()).doesNotContain("s3cr3t");
  }

  @Test
  void theSandboxIdentityCookieIsScopedToTheSandboxHost() {
    Plan plan = Plan.of(dir.resolve("plan.yml"), List.of(), List.of());
    AccountCookies cookies =
        new AccountCookies(
            plan,
            new Target(
                "sandbox mall",
                "http://127.0.0.1:43147",
                SamplerSettings.UNTHROTTLED,
                true,
                List.of(SandboxMall.IMAGE_HOSTS),
                SandboxMall.IDENTITY_COOKIE,
                SandboxMall::scanAs));

    assertThat(cookies.of("anonymous").isEmpty()).isTrue();
    CookieJar jar = cookies.of("mx-hangzhou");
    assertThat(jar.header(URI.create("http://127.0.0.1:43147/search?keyword=x"), NOW))
        .isEqualTo(SandboxMall.IDENTITY_COOKIE + "=mx-hangzhou");
    assertThat(jar.header(URI.create("http://mall.example/"), NOW)).isNull();
    // a real site sends no made-up identity cookie
    assertThat(
            new AccountCookies(
                    plan, Target.site("https://mall.example", SamplerSettings.UNTHROTTLED))
                .of("mx-hangzhou")
                .isEmpty())
        .isTrue();
  }
}
