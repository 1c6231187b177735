package com.mallrank.crawler.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a {@code Set-Cookie} header may store, by the URL it came from (RFC 6265 5.2–5.3). */
class SetCookieTest {

  private static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");
  private static final URI SHOP = URI.create("https://www.shop.example/s/search?q=1");

  private static SetCookie parse(URI url, String header) {
    return SetCookie.parse(url, header, NOW).orElse(null);
  }

  @Test
  void aHostOnlyCookieWithTheDefaultPathAndItsAttributes() {
    SetCookie set = parse(SHOP, "sid=abc; HttpOnly; Secure; SameSite=strict; Max-Age=60");

    assertThat(set.cookie())
        .isEqualTo(
            new Cookie("sid", "abc", "www.shop.example", true, "/s", true, NOW.plusSeconds(60)));
    assertThat(set.httpOnly()).isTrue();
    assertThat(set.sameSite()).isEqualTo("Strict");
    assertThat(set.deletes(NOW)).isFalse();
    assertThat(set.toString()).doesNotContain("abc");
  }

  @Test
  void aDomainCookieOnlyForADomainTheHostIsIn() {
    assertThat(parse(SHOP, "a=1; Domain=.shop.example; Path=/").cookie())
        .isEqualTo(new Cookie("a", "1", "shop.example", false, "/", false, null));
    // another site, a public suffix, an IP address: nothing is stored
    assertThat(parse(SHOP, "a=1; Domain=other.example")).isNull();
    assertThat(parse(SHOP, "a=1; Domain=example")).isNull();
    assertThat(parse(URI.create("http://10.0.0.1/"), "a=1; Domain=0.0.1")).isNull();
    // a Secure cookie from plain http is not stored either
    assertThat(parse(URI.create("http://www.shop.example/"), "a=1; Secure")).isNull();
  }

  @Test
  void deletionsAndExpiry() {
    assertThat(parse(SHOP, "a=; Max-Age=0").deletes(NOW)).isTrue();
    assertThat(parse(SHOP, "a=1; Expires=Thu, 01 Jan 2026 00:00:00 GMT").deletes(NOW)).isTrue();
    // Max-Age wins over Expires; a huge one is clipped, never an overflow
    assertThat(parse(SHOP, "a=1; Expires=Thu, 01 Jan 2026 00:00:00 GMT; Max-Age=10").deletes(NOW))
        .isFalse();
    assertThat(parse(SHOP, "a=1; Max-Age=999999999999999999").cookie().expires())
        .isEqualTo(NOW.plusSeconds(400L * 24 * 3600));
    assertThat(parse(SHOP, "=nameless")).isNull();
  }

  @Test
  void aJarAfterAResponseReplacesInPlaceAddsAndDeletes() {
    CookieJar jar =
        CookieJar.of(
            List.of(
                Cookie.hostOnly("sid", "old", "www.shop.example"),
                Cookie.hostOnly("keep", "k", "www.shop.example")));
    URI root = URI.create("https://www.shop.example/");

    CookieJar after =
        jar.after(root, NOW, List.of("sid=new; Path=/", "fresh=f; Path=/", "keep=; Max-Age=0"));

    assertThat(after.header(root, NOW)).isEqualTo("sid=new; fresh=f");
    assertThat(after.header(URI.create("https://other.example/"), NOW)).isNull();
  }
}
