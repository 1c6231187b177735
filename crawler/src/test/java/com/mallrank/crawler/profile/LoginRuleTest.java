package com.mallrank.crawler.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The {@code login:} section of a profile: data, validated with file, line and key. */
class LoginRuleTest {

  private static final String BASE = TestProfiles.HTML;

  @Test
  void theSandboxProfileLogsInByQrCode() {
    LoginRule login = SiteProfiles.builtIn("sandbox-static").login();

    assertThat(login.url("http://127.0.0.1:4000/").toString())
        .isEqualTo("http://127.0.0.1:4000/login");
    assertThat(login.qr()).isEqualTo("#login-qr");
    assertThat(login.loggedIn()).isEqualTo("#user-info");
    assertThat(login.loggedOut()).isEqualTo("#login-panel.logged-out");
  }

  @Test
  void aProfileWithoutLoginHasNone() {
    assertThat(SiteProfiles.parse("demo.yml", BASE).login()).isNull();
  }

  @Test
  void everyLoginKeyIsRequiredAndCheckedWithItsLine() {
    String yaml =
        BASE
            + """
            login:
              url-template: "/login"
              qr: "#qr["
              logged-out: .out
              cookie: x
            """;

    assertThatThrownBy(() -> SiteProfiles.parse("demo.yml", yaml))
        .isInstanceOf(ProfileException.class)
        .hasMessageContaining("demo.yml:11: login.url-template: must be an absolute http(s) URL")
        .hasMessageContaining("demo.yml:12: login.qr: invalid CSS selector")
        .hasMessageContaining("demo.yml:11: login.logged-in: required key is missing")
        .hasMessageContaining("demo.yml:14: login.cookie: unknown key");
  }
}
