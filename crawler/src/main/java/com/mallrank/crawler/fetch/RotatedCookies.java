package com.mallrank.crawler.fetch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mallrank.crawler.fetch.browser.SecretStateFiles;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
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
 * kept as they were. Written by {@link SecretStateFiles#update} (atomic, owner-only, one writer per
 * file in this process); an unchanged state is not rewritten. A failure is logged by file name only
 * and never fails the fetch. Values are never logged.
 */
public final class RotatedCookies {

  private static final Logger log = LoggerFactory.getLogger(RotatedCookies.class);
  private static final ObjectMapper JSON = new ObjectMapper();

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
    JsonNode tree;
    try {
      tree = JSON.readTree(current);
    } catch (IOException e) {
      // the parser's message may quote the contents: never pass it on
      throw new IOException("not storage-state JSON");
    }
    if (!(tree instanceof ObjectNode state)) {
      throw new IOException("not storage-state JSON");
    }
    ArrayNode cookies =
        state.get("cookies") instanceof ArrayNode array ? array : state.putArray("cookies");
    boolean changed = false;
    for (Hop hop : hops) {
      for (String header : hop.setCookies()) {
        SetCookie set = SetCookie.parse(hop.url(), header, now).orElse(null);
        if (set != null && siteHost != null && CookieJar.domainMatches(siteHost, set.cookie())) {
          changed |= apply(cookies, set, now);
        }
      }
    }
    return changed ? JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(state) : current;
  }

  private static boolean apply(ArrayNode cookies, SetCookie set, Instant now) {
    Cookie c = set.cookie();
    ObjectNode entry = JSON.createObjectNode();
    entry.put("name", c.name());
    entry.put("value", c.value());
    entry.put("domain", c.hostOnly() ? c.domain() : "." + c.domain());
    entry.put("path", c.path());
    entry.put("expires", c.expires() == null ? -1 : c.expires().getEpochSecond());
    entry.put("httpOnly", set.httpOnly());
    entry.put("secure", c.secure());
    entry.put("sameSite", set.sameSite());
    for (int i = 0; i < cookies.size(); i++) {
      JsonNode old = cookies.get(i);
      if (sameCookie(old, c)) {
        if (set.deletes(now)) {
          cookies.remove(i);
          return true;
        }
        if (old.equals(entry)) {
          return false;
        }
        cookies.set(i, entry);
        return true;
      }
    }
    if (set.deletes(now)) {
      return false;
    }
    cookies.add(entry);
    return true;
  }

  /** The same name, domain (a leading dot aside) and path. */
  private static boolean sameCookie(JsonNode stored, Cookie c) {
    String domain = stored.path("domain").asText("").toLowerCase(Locale.ROOT);
    domain = domain.startsWith(".") ? domain.substring(1) : domain;
    String path = stored.path("path").asText("/");
    return stored.path("name").asText("").equals(c.name())
        && domain.equals(c.domain())
        && (path.startsWith("/") ? path : "/").equals(c.path());
  }
}
