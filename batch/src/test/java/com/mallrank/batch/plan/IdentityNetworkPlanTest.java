package com.mallrank.batch.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Per-identity network and device in the plan (issue 10 item 2): proxy, credentials from a secret
 * file or the environment (never from the plan, never shown), device, locale, time zone and place;
 * every bad value is a one-line error naming file, line and field.
 */
class IdentityNetworkPlanTest {

  private final PlanLoader loader =
      new PlanLoader(
          id -> id.equals("sandbox-static"),
          ZoneId.of("Asia/Shanghai"),
          Map.of("MX_B_PROXY", "mx-b:env-s3cr3t")::get);

  @TempDir Path dir;

  private Path plan(String accounts) throws Exception {
    Path file = dir.resolve("plan.yml");
    Files.writeString(
        file,
        accounts
            + """
            groups:
              - name: core
                profile: sandbox-static
                keywords: [羽绒服女]
            """);
    return file;
  }

  @Test
  void eachAccountAndTheAnonymousVantageGetTheirOwnProxyAndDevice() throws Exception {
    Path secret = dir.resolve("mx-a.proxy");
    Files.writeString(secret, "mx-a:file-s3cr3t\n");
    Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-------"));
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
    Plan plan =
        loader.load(
            plan(
                """
                anonymous:
                  proxy: https://127.0.0.1:3130
                accounts:
                  - id: mx-a
                    shop-ids: ["1"]
                    proxy: http://10.0.0.7:3128
                    proxy-credentials: mx-a.proxy
                    device: iPhone 13
                    geolocation: {latitude: 30.27, longitude: 120.15}
                  - id: mx-b
                    shop-ids: ["2"]
                    proxy: socks5://10.0.0.8:1080
                    proxy-credentials-env: MX_B_PROXY
                    device: {user-agent: "Mozilla/5.0 (Linux; Android 14; V2309A)", viewport: 360x800, scale: 3}
                    locale: en-US
                    timezone: Asia/Hong_Kong
                  - id: mx-c
                    shop-ids: ["3"]
                """));

    IdentityNetwork a = plan.network("mx-a");
    assertThat(a.proxy().shown()).isEqualTo("http://10.0.0.7:3128");
    assertThat(a.proxy().username()).isEqualTo("mx-a");
    assertThat(a.proxy().password()).isEqualTo("file-s3cr3t");
    assertThat(a.device().viewportWidth()).isEqualTo(390);
    assertThat(a.locale()).isEqualTo("zh-CN");
    assertThat(a.timezone()).isEqualTo("Asia/Shanghai");
    assertThat(a.latitude()).isEqualTo(30.27);
    assertThat(a.toString()).doesNotContain("s3cr3t");
    IdentityNetwork b = plan.network("mx-b");
    assertThat(b.proxy().password()).isEqualTo("env-s3cr3t");
    assertThat(b.proxy().shown()).isEqualTo("socks5://10.0.0.8:1080");
    assertThat(b.device().viewportHeight()).isEqualTo(800);
    assertThat(b.device().deviceScaleFactor()).isEqualTo(3.0);
    assertThat(b.device().hasTouch()).isTrue();
    assertThat(b.deviceProfile(a.device()).emulation().locale()).isEqualTo("en-US");
    assertThat(b.timezone()).isEqualTo("Asia/Hong_Kong");
    assertThat(plan.network("mx-c")).isEqualTo(IdentityNetwork.DEFAULT);
    assertThat(plan.network(PlanLoader.ANONYMOUS).proxy().shown())
        .isEqualTo("https://127.0.0.1:3130");
  }

  @Test
  void aPasswordInTheProxyUrlAndAnUnknownDeviceAreRefusedNamingFileLineAndField() throws Exception {
    Path file =
        plan(
            """
            accounts:
              - id: mx-a
                shop-ids: ["1"]
                proxy: http://mx-a:pl4in-s3cr3t@10.0.0.7:3128
                device: Nokia 3310
              - id: mx-b
                shop-ids: ["2"]
                proxy: socks4://10.0.0.8:1080
                proxy-credentials-env: NOT_SET_ANYWHERE
                timezone: Mars/Olympus
            anonymous:
              proxy: http://10.0.0.9:3128
              proxy-credentials: world-readable.proxy
            """);
    Path open = dir.resolve("world-readable.proxy");
    Files.writeString(open, "u:p");
    Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rw-r--r--"));

    assertThatThrownBy(() -> loader.load(file))
        .isInstanceOf(PlanException.class)
        .satisfies(
            t -> {
              PlanException e = (PlanException) t;
              assertThat(e.problems())
                  .extracting(p -> p.line() + " " + p.field())
                  .containsExactlyInAnyOrder(
                      "4 accounts[0].proxy",
                      "5 accounts[0].device",
                      "8 accounts[1].proxy",
                      "10 accounts[1].timezone",
                      "13 anonymous.proxy-credentials");
              assertThat(e.getMessage())
                  .contains(
                      file
                          + ":4: accounts[0].proxy: a proxy URL must not hold credentials:"
                          + " put them in a secret file (proxy-credentials)")
                  .contains(file + ":5: accounts[0].device: unknown device 'Nokia 3310'; devices: ")
                  .contains("iPhone 13")
                  .contains(
                      ":8: accounts[1].proxy: 'socks4' proxies are not supported: use http://,"
                          + " https:// or socks5://")
                  .contains("unknown time zone 'Mars/Olympus'")
                  .contains(":13: anonymous.proxy-credentials: ")
                  .doesNotContain("pl4in-s3cr3t");
            });
  }

  @Test
  void aMissingEnvironmentVariableAndCredentialsWithoutAProxyAreNamed() throws Exception {
    Path file =
        plan(
            """
            accounts:
              - id: mx-a
                shop-ids: ["1"]
                proxy: http://10.0.0.7:3128
                proxy-credentials-env: NOT_SET_ANYWHERE
              - id: mx-b
                shop-ids: ["2"]
                proxy-credentials-env: MX_B_PROXY
                device: {viewport: wide}
            """);

    assertThatThrownBy(() -> loader.load(file))
        .isInstanceOf(PlanException.class)
        .hasMessageContaining(
            ":5: accounts[0].proxy-credentials-env: environment variable NOT_SET_ANYWHERE is not"
                + " set")
        .hasMessageContaining(":8: accounts[1].proxy-credentials-env: credentials without a proxy")
        .hasMessageContaining(":9: accounts[1].device.user-agent: required")
        .hasMessageContaining(":9: accounts[1].device.viewport: not WIDTHxHEIGHT: 'wide'")
        .hasMessageNotContaining("env-s3cr3t");
  }
}
