package com.mallrank.crawler.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mallrank.crawler.fetch.FetchResponse;
import com.mallrank.crawler.model.ResultPage;
import com.mallrank.crawler.model.SampleStatus;
import com.mallrank.crawler.profile.ProfileException;
import com.mallrank.crawler.profile.SiteProfile;
import com.mallrank.crawler.profile.SiteProfiles;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Issue 21 item 1: a page taken as a matrix account proves the login where the profile says how
 * ({@code markers.logged-in}); one that does not is {@code login_required}, never ok, and keeps no
 * listings. Pages taken anonymously, and profiles that declare no proof, are read as before.
 */
class LoginProofTest {

  private static final SiteProfile SANDBOX = SiteProfiles.builtIn("sandbox-static");

  private static final String CARDS =
      "<div id=search-root><ul class=result-grid>"
          + "<li class=goods-card data-product-id=3698000000000000001><div class=goods-title>a</div></li>"
          + "<li class=goods-card data-product-id=3698000000000000002><div class=goods-title>b</div></li>"
          + "</ul></div>";
  private static final String NICKNAME =
      "<div id=user-info data-uid=mx-a><span class=nickname>mx-a</span></div>";
  private static final String LOGIN_ENTRY = "<a id=login-entry href=/login>登录</a>";

  private static ResultPage html(SiteProfile profile, String body, boolean asAccount) {
    return Extractors.forProfile(profile, new ExtractOptions(2).asAccount(asAccount))
        .extract(new FetchResponse("http://127.0.0.1/s", 200, null, body, null, Duration.ZERO));
  }

  @Test
  void theSandboxProfileDeclaresItsProof() {
    assertThat(SANDBOX.markers().loggedIn())
        .extracting(m -> m.describe())
        .containsExactly("select #user-info .nickname");
    assertThat(SiteProfiles.builtIn("sandbox-spa").markers().loggedIn()).hasSize(1);
    assertThat(SiteProfiles.builtIn("sandbox-selection").markers().loggedIn())
        .extracting(m -> m.describe())
        .containsExactly("url \"/selection\"");
    assertThat(SiteProfiles.builtIn("douyin-buyin").markers().loggedIn())
        .extracting(m -> m.describe())
        .containsExactly("url \"buyin.jinritemai.com/dashboard/\"");
    assertThat(SiteProfiles.builtIn("douyin-mall").markers().loggedIn())
        .as("nothing in an app capture shows the account: see the profile's comment")
        .isEmpty();
  }

  @Test
  void anAccountsPageWithItsNicknameIsOk() {
    ResultPage page = html(SANDBOX, NICKNAME + CARDS, true);

    assertThat(page.status()).isEqualTo(SampleStatus.OK);
    assertThat(page.listings()).hasSize(2);
  }

  @Test
  void anAccountsPageWithoutItIsLoginRequiredWithoutListings() {
    ResultPage page = html(SANDBOX, LOGIN_ENTRY + CARDS, true);

    assertThat(page.status()).isEqualTo(SampleStatus.LOGIN_REQUIRED);
    assertThat(page.listings()).isEmpty();
    assertThat(page.evidence().marker())
        .isEqualTo("logged-in: not shown (select #user-info .nickname)");
    assertThat(page.evidence().detail())
        .contains("does not prove the account's login", "its ok listings are not the account's");
  }

  @Test
  void anEmptyPageMustProveItToo() {
    String empty = LOGIN_ENTRY + "<div id=search-root><div class=search-empty>无</div></div>";

    assertThat(html(SANDBOX, empty, true).status()).isEqualTo(SampleStatus.LOGIN_REQUIRED);
    assertThat(html(SANDBOX, NICKNAME + empty.replace(LOGIN_ENTRY, ""), true).status())
        .isEqualTo(SampleStatus.EMPTY);
  }

  @Test
  void blockedLoginWallAndBrokenPagesKeepTheirOwnStatus() {
    assertThat(html(SANDBOX, "<div id=captcha-verify>验证</div>", true).evidence().marker())
        .isEqualTo("blocked: select #captcha-verify");
    assertThat(html(SANDBOX, "<div class=login-guide>登录</div>", true).evidence().marker())
        .isEqualTo("login-required: select .login-guide");
    assertThat(html(SANDBOX, "<p>redesigned</p>", true).status())
        .isEqualTo(SampleStatus.LAYOUT_CHANGED);
  }

  @Test
  void theAnonymousVantageAndAProfileWithoutProofAreReadAsBefore() {
    assertThat(html(SANDBOX, LOGIN_ENTRY + CARDS, false).status()).isEqualTo(SampleStatus.OK);

    SiteProfile noProof =
        SiteProfiles.parse(
            "noproof.yml",
            """
            id: noproof
            mode: html
            search:
              url-template: "{base}/search?keyword={keyword}"
            cards:
              select: li.goods-card
            fields:
              product-id:
                attr: data-product-id
            """);
    assertThat(html(noProof, LOGIN_ENTRY + CARDS, true).status()).isEqualTo(SampleStatus.OK);
  }

  private static final String JSON_PROFILE =
      """
      id: api
      mode: json
      search:
        url-template: "https://shop.example.test/s?q={keyword}"
      items: "responses[*].data.items"
      fields:
        product-id: id
      markers:
        logged-in:
          - %s
      """;

  private static ResultPage json(String proof, FetchResponse response) {
    SiteProfile profile = SiteProfiles.parse("api.yml", JSON_PROFILE.formatted(proof));
    return Extractors.forProfile(profile, new ExtractOptions(1).asAccount(true)).extract(response);
  }

  private static FetchResponse capture(String url, String dom, String user) {
    String body =
        """
        {"url": "%s", "dom": "%s",
         "responses": [{"data": {"user": %s, "items": [{"id": "3698000000000000001"}]}}]}
        """
            .formatted(url, dom, user);
    return new FetchResponse(url, 200, "application/json", body, null, Duration.ZERO);
  }

  @Test
  void jsonProfilesProveItByAFieldTheRenderedPageACookieOrTheUrl() {
    String url = "https://shop.example.test/dashboard/list?tab=1";
    FetchResponse loggedIn =
        capture(url, "<div id='nick'>n</div>", "{\"uid\": \"42\"}")
            .withCookieNames(Set.of("sessionid"));
    FetchResponse loggedOut = capture(url, "<a id='login'>登录</a>", "null");

    String path = "{path: \"responses[0].data.user.uid\"}";
    assertThat(json(path, loggedIn).status()).isEqualTo(SampleStatus.OK);
    assertThat(json(path, loggedOut).status()).isEqualTo(SampleStatus.LOGIN_REQUIRED);

    String dom = "{select: \"#nick\"}";
    assertThat(json(dom, loggedIn).status()).isEqualTo(SampleStatus.OK);
    assertThat(json(dom, loggedOut).evidence().marker())
        .isEqualTo("logged-in: not shown (select #nick)");

    String cookie = "{cookie: sessionid}";
    assertThat(json(cookie, loggedIn).status()).isEqualTo(SampleStatus.OK);
    assertThat(json(cookie, loggedOut).evidence().marker())
        .isEqualTo("logged-in: not shown (cookie sessionid)");

    String stayed = "{url: /dashboard/}";
    assertThat(json(stayed, loggedIn).status()).isEqualTo(SampleStatus.OK);
    FetchResponse redirected =
        capture(
            "https://shop.example.test/account/login?redirect=%2Fdashboard%2Flist",
            "<a>登录</a>", "null");
    assertThat(json(stayed, redirected).status())
        .as("the return address in the login page's query proves nothing")
        .isEqualTo(SampleStatus.LOGIN_REQUIRED);
  }

  @Test
  void loggedInEntriesAreValidatedWithFileLineAndKey() {
    String yaml =
        """
        id: demo
        mode: html
        search:
          url-template: "{base}/search?keyword={keyword}"
        cards:
          select: li.card
        fields:
          product-id:
            attr: data-id
        markers:
          logged-in:
            - http-status: 200
            - cookie: "session id"
            - url: ""
            - {select: "#nick", text: 昵称}
        """;

    assertThatThrownBy(() -> SiteProfiles.parse("demo.yml", yaml))
        .isInstanceOf(ProfileException.class)
        .hasMessageContaining(
            "demo.yml:12: markers.logged-in[0].http-status: unknown key; allowed here: cookie,"
                + " select, text, url")
        .hasMessageContaining(
            "demo.yml:13: markers.logged-in[1].cookie: must be a cookie name"
                + " (letters, digits and !#$%&'*+-.^_`|~), was 'session id'")
        .hasMessageContaining("demo.yml:14: markers.logged-in[2].url: must not be empty")
        .hasMessageContaining(
            "demo.yml:15: markers.logged-in[3]: must have exactly one of cookie, select, text,"
                + " url");
  }
}
