package com.mallrank.crawler.net;

import com.mallrank.crawler.fetch.Cookie;
import com.mallrank.crawler.fetch.CookieJar;
import com.mallrank.crawler.politeness.AddressGuard;
import com.mallrank.crawler.politeness.Gate;
import com.mallrank.crawler.sandbox.SandboxMall;
import java.util.List;

/** Gates and cookies for tests that fetch from servers on loopback (the sandbox). */
public final class TestNet {

  private TestNet() {}

  /** Checks like the sandbox profiles do: loopback hosts, private addresses allowed, no pacing. */
  public static Gate loopback() {
    return Gate.unpaced(new AddressGuard(List.of("127.0.0.1", "localhost"), true));
  }

  /**
   * The cookies a sample of the sandbox mall sends as {@code identity}: none for {@code anonymous},
   * else the mall's identity cookie.
   */
  public static CookieJar sandboxCookies(String identity) {
    return identity.equals("anonymous")
        ? CookieJar.empty()
        : sandboxIdentity(SandboxMall.IDENTITY_COOKIE, identity);
  }

  /** The sandbox's identity cookie, scoped to 127.0.0.1 as the batch scopes it. */
  public static CookieJar sandboxIdentity(String cookieName, String identity) {
    return CookieJar.of(List.of(Cookie.hostOnly(cookieName, identity, "127.0.0.1")));
  }
}
