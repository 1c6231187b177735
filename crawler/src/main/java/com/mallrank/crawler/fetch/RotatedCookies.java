package com.mallrank.crawler.fetch;

import com.mallrank.crawler.fetch.browser.SecretStateFiles;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Saves the cookies a site set or deleted during a static fetch into the identity's login state (a
 * Playwright storage-state JSON), so a session the site rotates stays alive for the next sample and
 * for the browser. Only the site's own cookies: those the fetched URL itself would be sent (its
 * host, or a domain it is under); a cookie a redirect hop on another host sets is used for that
 * fetch and never stored. Merged, never overwritten: each cookie set ({@link SetCookie}, with the
 * scope the response's URL allows) replaces the stored one with the same name, domain and path, or
 * is added; a deletion removes it; every other cookie, the origins' storage and any other field are
 * kept as they were ({@link StorageState#apply}). Written by {@link SecretStateFiles#update}
 * (atomic, owner-only, one writer per file in this process); an unchanged state is not rewritten. A
 * failure is logged by file name only and never fails the fetch. Values are never logged.
 */
public final class RotatedCookies {

  private static final Logger log = LoggerFactory.getLogger(RotatedCookies.class);

  /** The {@code Set-Cookie} headers of the response to one URL. */
  public record Hop(URI url, List<String> setCookies) {
    public Hop {
      setCookies = List.copyOf(setCookies);
    }

    @Override
    public String toString() {
      return "Hop[" + url.getHost() + ", " + setCookies.size() + " Set-Cookie]";
    }
  }

  private RotatedCookies() {}

  /**
   * Merges what the hops set for {@code site}'s host into {@code file}; never throws.
   *
   * @param site the URL the fetch was asked for (the account's site)
   */
  public static void save(Path file, URI site, List<Hop> hops, Instant now) {
    if (SecretStateFiles.problem(file).isPresent()) {
      log.warn("rotated cookies not saved: the login state {} is not a usable secret file", file);
      return;
    }
    try {
      SecretStateFiles.update(file, current -> merged(current, site, hops, now));
    } catch (IOException | RuntimeException e) {
      log.warn(
          "could not save rotated cookies to {} ({}): kept the old file",
          file,
          e.getClass().getSimpleName());
    }
  }

  /**
   * The state with the hops' cookies for {@code site} merged in; {@code current} itself when
   * nothing changed.
   */
  static byte[] merged(byte[] current, URI site, List<Hop> hops, Instant now) throws IOException {
    String siteHost = CookieJar.hostOf(site);
    StorageState state = StorageState.parse(current);
    boolean changed = false;
    for (Hop hop : hops) {
      for (String header : hop.setCookies()) {
        SetCookie set = SetCookie.parse(hop.url(), header, now).orElse(null);
        if (set != null && siteHost != null && CookieJar.domainMatches(siteHost, set.cookie())) {
          changed |= state.apply(set, now);
        }
      }
    }
    return changed ? state.toBytes() : current;
  }
}
