package com.mallrank.crawler.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CookieJarTest {

  private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");

  private static final CookieJar JAR =
      CookieJar.of(
          List.of(
              Cookie.ofStorageState("sessionid", "s1", "www.douyin.com", "/", false, -1),
              Cookie.ofStorageState("odin_tt", "o1", ".douyin.com", "/", false, -1),
              Cookie.ofStorageState("sid_guard", "g1", ".douyin.com", "/", true, -1),
              Cookie.ofStorageState("cart", "c1", ".douyin.com", "/shop", false, -1),
              Cookie.ofStorageState(
                  "old", "x", ".douyin.com", "/", false, NOW.minusSeconds(1).getEpochSecond()),
              Cookie.ofStorageState(
                  "fresh", "f", ".douyin.com", "/", false, NOW.plusSeconds(60).getEpochSecond()),
              Cookie.ofStorageState("buyin", "b1", "buyin.jinritemai.com", "/", true, -1)));

  private static List<String> names(String url) {
    return JAR.forUrl(URI.create(url), NOW).stream().map(Cookie::name).toList();
  }

  @Test
  void hostOnlyCookiesGoToTheirHostDomainCookiesAlsoToSubDomains() {
    assertThat(names("https://www.douyin.com/search"))
        .containsExactly("sessionid", "odin_tt", "sid_guard", "fresh");
    assertThat(names("https://mall.douyin.com/")).containsExactly("odin_tt", "sid_guard", "fresh");
    assertThat(names("https://douyin.com/")).containsExactly("odin_tt", "sid_guard", "fresh");
  }

  @Test
  void noCookieGoesToAnotherSiteOrALookAlike() {
    assertThat(names("https://evil.test/")).isEmpty();
    assertThat(names("https://notdouyin.com/")).isEmpty();
    assertThat(names("https://douyin.com.evil.test/")).isEmpty();
    assertThat(names("https://jinritemai.com/")).isEmpty();
    assertThat(names("http://127.0.0.1:9200/")).isEmpty();
  }

  @Test
  void secureCookiesNeverGoOverPlainHttp() {
    assertThat(names("http://www.douyin.com/search"))
        .containsExactly("sessionid", "odin_tt", "fresh");
    assertThat(names("http://buyin.jinritemai.com/")).isEmpty();
    assertThat(names("https://buyin.jinritemai.com/")).containsExactly("buyin");
  }

  @Test
  void pathsMatchBySegmentAndLongerPathsComeFirst() {
    assertThat(names("https://mall.douyin.com/shop")).startsWith("cart");
    assertThat(names("https://mall.douyin.com/shop/123")).startsWith("cart");
    assertThat(names("https://mall.douyin.com/shopping")).doesNotContain("cart");
    assertThat(JAR.header(URI.create("https://mall.douyin.com/shop/1"), NOW))
        .isEqualTo("cart=c1; odin_tt=o1; sid_guard=g1; fresh=f");
  }

  @Test
  void expiredCookiesAreDropped() {
    assertThat(names("https://www.douyin.com/")).doesNotContain("old").contains("fresh");
    assertThat(
            JAR.forUrl(URI.create("https://www.douyin.com/"), NOW.plusSeconds(120)).stream()
                .map(Cookie::name))
        .doesNotContain("fresh");
  }

  @Test
  void aDomainCookieOfAnIpAddressGoesToThatAddressOnly() {
    CookieJar ip = CookieJar.of(List.of(Cookie.hostOnly("sandbox_uid", "mx-a", "127.0.0.1")));
    assertThat(ip.header(URI.create("http://127.0.0.1:8080/search"), NOW))
        .isEqualTo("sandbox_uid=mx-a");
    assertThat(ip.header(URI.create("http://127.0.0.2:8080/search"), NOW)).isNull();
  }

  @Test
  void valuesAreNeverPrinted() {
    assertThat(JAR.toString()).isEqualTo("CookieJar[7 cookies]");
    assertThat(JAR.all().get(0).toString())
        .isEqualTo("Cookie[sessionid for www.douyin.com/]")
        .doesNotContain("s1");
  }

  @Test
  void namesAfterAResponseDropWhatItDeletedAndAddWhatItSet() {
    List<String> setCookie =
        List.of(
            "sessionid=; Path=/; Max-Age=0",
            "odin_tt=gone; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT",
            "ttwid=new; Path=/; Max-Age=3600; HttpOnly",
            "fresh=again; Path=/; Expires=Wed, 30 Dec 2026 12:00:00 GMT",
            "garbage-without-value");

    assertThat(JAR.namesAfter(URI.create("https://www.douyin.com/search"), NOW, setCookie))
        .containsExactly("sid_guard", "fresh", "ttwid");
    assertThat(JAR.namesAfter(URI.create("https://evil.test/"), NOW, List.of())).isEmpty();
  }
}
