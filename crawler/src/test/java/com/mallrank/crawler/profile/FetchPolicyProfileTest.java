package com.mallrank.crawler.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mallrank.crawler.model.CaptureKeyword;
import com.mallrank.crawler.politeness.AddressGuard;
import com.mallrank.crawler.politeness.AddressRefusedException;
import java.net.InetAddress;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code fetch.subrequest-hosts} (where a browser page's own requests may go besides the search
 * allow-list: any public host by default) and {@code fetch.capture-keyword} (where a captured
 * request must carry the keyword), validated with file, line and key.
 */
class FetchPolicyProfileTest {

  private static String profile(String extra) {
    return TestProfiles.jsonFetching(
        "boxed",
        """
        with: browser
        mode: capture
        capture-url: "**/material_list*"
        """
            + extra);
  }

  /**
   * Every name resolves to a public address, except {@code meta.example} (link-local); literals are
   * themselves.
   */
  private static AddressGuard guard(SiteProfile p) {
    return p.guard()
        .withResolver(
            host ->
                new InetAddress[] {
                  InetAddress.getByName(
                      host.equals("meta.example")
                          ? "169.254.169.254"
                          : Character.isDigit(host.charAt(0)) ? host : "1.1.1.1")
                });
  }

  @Test
  void byDefaultAPagesOwnRequestsMayReachAnyPublicHostButNotAPrivateOne() throws Exception {
    SiteProfile p = SiteProfiles.parse("boxed.yml", profile(""));

    assertThat(p.fetch().subrequestHosts()).containsExactly("*");
    assertThat(p.fetch().captureKeyword()).isEqualTo(CaptureKeyword.ANY);
    AddressGuard guard = guard(p);
    assertThat(guard.subrequests().check(URI.create("https://lf-c-flwb.bytetos.com/bdms.js")))
        .isNotEmpty();
    assertThatThrownBy(() -> guard.check(URI.create("https://lf-c-flwb.bytetos.com/bdms.js")))
        .as("the navigation stays on the allow-list")
        .isInstanceOf(AddressRefusedException.class)
        .hasMessageContaining("[HOST_NOT_ALLOWED]");
    assertThatThrownBy(() -> guard.subrequests().check(URI.create("http://meta.example/latest")))
        .isInstanceOf(AddressRefusedException.class)
        .hasMessageContaining("[PRIVATE_ADDRESS]");
    assertThatThrownBy(() -> guard.subrequests().check(URI.create("http://127.0.0.1:9200/")))
        .hasMessageContaining("[PRIVATE_ADDRESS]");
  }

  @Test
  void aListRestrictsThemAndAnEmptyListKeepsThemOnTheAllowList() throws Exception {
    SiteProfile listed =
        SiteProfiles.parse(
            "boxed.yml",
            profile("subrequest-hosts: [\"*.bytetos.com\", unpkg.byted-static.com]\n"));
    SiteProfile none = SiteProfiles.parse("boxed.yml", profile("subrequest-hosts: []\n"));

    assertThat(listed.fetch().subrequestHosts())
        .containsExactly("*.bytetos.com", "unpkg.byted-static.com");
    assertThat(guard(listed).subrequests().check(URI.create("https://lf-c-flwb.bytetos.com/a.js")))
        .isNotEmpty();
    assertThatThrownBy(
            () -> guard(listed).subrequests().check(URI.create("https://tracker.example/t.gif")))
        .hasMessageContaining("[HOST_NOT_ALLOWED]");
    assertThat(none.fetch().subrequestHosts()).isEmpty();
    assertThatThrownBy(
            () -> guard(none).subrequests().check(URI.create("https://lf-c-flwb.bytetos.com/a.js")))
        .hasMessageContaining("[HOST_NOT_ALLOWED]");
  }

  @Test
  void captureKeywordIsReadAsAPlace() {
    SiteProfile p =
        SiteProfiles.parse("boxed.yml", profile("capture-keyword: json:/search_text\n"));

    assertThat(p.fetch().captureKeyword())
        .isEqualTo(
            new CaptureKeyword(
                List.of(new CaptureKeyword.Location(CaptureKeyword.Kind.JSON, "/search_text"))));
  }

  @Test
  void mistakesAreNamedWithTheirLine() {
    String yaml =
        profile(
            """
            subrequest-hosts: ["https://cdn.example/x.js", "*.ok.example", "a b"]
            capture-keyword: body:search_text
            """);

    assertThatThrownBy(() -> SiteProfiles.parse("boxed.yml", yaml))
        .isInstanceOf(ProfileException.class)
        .hasMessageContaining(
            "boxed.yml:12: fetch.subrequest-hosts[0]: must be a host name, *.suffix or * (no"
                + " scheme, port or path), was 'https://cdn.example/x.js'")
        .hasMessageContaining("boxed.yml:12: fetch.subrequest-hosts[2]: must be a host name")
        .hasMessageNotContaining("subrequest-hosts[1]")
        .hasMessageContaining(
            "boxed.yml:13: fetch.capture-keyword: unknown place 'body': must be query, form or"
                + " json");
  }

  @Test
  void theyNeedABrowserAndACapture() {
    String staticFetch = TestProfiles.jsonFetching("boxed", "subrequest-hosts: [cdn.example]\n");
    String domCapture =
        TestProfiles.jsonFetching(
            "boxed", "with: browser\nmode: dom\ncapture-keyword: query:keyword\n");

    assertThatThrownBy(() -> SiteProfiles.parse("boxed.yml", staticFetch))
        .hasMessageContaining("fetch.with: the other fetch keys need with: browser");
    assertThatThrownBy(() -> SiteProfiles.parse("boxed.yml", domCapture))
        .hasMessageContaining("fetch.mode: capture keys need mode: capture");
  }
}
