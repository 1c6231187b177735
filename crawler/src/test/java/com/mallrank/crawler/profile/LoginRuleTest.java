package com.mallrank.crawler.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
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

  @Test
  void theBuyinProfilesLoginIsReadFromThePageUrlLeavingTheLoginPage() {
    LoginRule buyin = SiteProfiles.builtIn("douyin-buyin").login();
    LoginRule sandbox = SiteProfiles.builtIn("sandbox-selection").login();

    assertThat(buyin.url("http://ignored").toString())
        .isEqualTo("https://buyin.jinritemai.com/mpa/account/login");
    assertThat(buyin.urlLeaves()).isEqualTo("/account/login");
    assertThat(buyin.loggedIn()).isNull();
    assertThat(buyin.loggedOut()).isNull();
    assertThat(sandbox.url("http://127.0.0.1:4000").toString())
        .isEqualTo("http://127.0.0.1:4000/mpa/account/login");
    assertThat(sandbox.qr()).isEqualTo("#login-qr");
    assertThat(sandbox.urlLeaves()).isEqualTo("/account/login");
  }

  /**
   * 百应 and its stand-in declare both URL conditions on one fact of the site (no session: the page
   * goes to the login page): the QR login is done when the URL leaves {@code /account/login}
   * ({@code login.logged-in-when-url-leaves}), a sample proves its login by its page staying on the
   * search page ({@code markers.logged-in: url}). They must agree: the page a sample proves its
   * login on is the search page and is one the QR flow counts as logged in.
   */
  @Test
  void theBuyinProfilesTwoUrlConditionsAgree() {
    for (String id : List.of("douyin-buyin", "sandbox-selection")) {
      SiteProfile profile = SiteProfiles.builtIn(id);
      List<Marker> proof = profile.markers().loggedIn();

      assertThat(proof).as(id).hasSize(1);
      assertThat(proof.get(0).kind()).as(id).isEqualTo(Marker.Kind.URL);
      String stays = proof.get(0).text();
      assertThat(profile.search().urlTemplate()).as(id).contains(stays);
      assertThat(stays).as(id).doesNotContain(profile.login().urlLeaves());
      assertThat(profile.login().url("http://127.0.0.1").toString())
          .as(id)
          .contains(profile.login().urlLeaves())
          .doesNotContain(stays);
    }
  }

  @Test
  void theUrlConditionReplacesBothSelectorsAndIsChecked() {
    String both =
        BASE
            + """
            login:
              url-template: "https://buyin.example/mpa/account/login"
              qr: canvas
              logged-in: .avatar
              logged-in-when-url-leaves: /account/login
            """;
    String blank =
        BASE
            + """
            login:
              url-template: "https://buyin.example/mpa/account/login"
              qr: canvas
              logged-in-when-url-leaves: " "
            """;

    assertThatThrownBy(() -> SiteProfiles.parse("demo.yml", both))
        .isInstanceOf(ProfileException.class)
        .hasMessageContaining(
            "demo.yml:13: login.logged-in: not with logged-in-when-url-leaves: the page URL tells"
                + " both states");
    assertThatThrownBy(() -> SiteProfiles.parse("demo.yml", blank))
        .hasMessageContaining(
            "demo.yml:13: login.logged-in-when-url-leaves: must be the part of the login page's"
                + " URL that marks it, e.g. /account/login");
  }
}
