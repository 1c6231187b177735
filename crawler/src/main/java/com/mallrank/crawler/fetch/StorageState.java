package com.mallrank.crawler.fetch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mallrank.crawler.fetch.browser.SecretStateFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A Playwright storage state ({@code BrowserContext.storageState()}: {@code cookies}, each with
 * {@code name}, {@code value}, {@code domain} (a leading dot for a domain cookie), {@code path},
 * {@code expires} in epoch seconds ({@code -1}: a session cookie), {@code httpOnly}, {@code
 * secure}, {@code sameSite}; and {@code origins} with their {@code localStorage}): the one reader
 * and writer of that format. Every other field is kept as it was when a state is changed and
 * written back.
 *
 * <p>A state holds an account's login: its values are secrets. Nothing here logs them, and no
 * message quotes the file's contents (a parser's message may: it is never passed on).
 */
public final class StorageState {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final ObjectNode tree;

  private StorageState(ObjectNode tree) {
    this.tree = tree;
  }

  /**
   * Reads a state from its JSON.
   *
   * @throws IOException "not storage-state JSON" when it is not a JSON object (never the parser's
   *     message)
   */
  public static StorageState parse(byte[] json) throws IOException {
    JsonNode tree;
    try {
      tree = JSON.readTree(json);
    } catch (IOException e) {
      throw new IOException("not storage-state JSON");
    }
    if (!(tree instanceof ObjectNode object)) {
      throw new IOException("not storage-state JSON");
    }
    return new StorageState(object);
  }

  /**
   * Reads a state file (its permissions are the caller's to check: {@link SecretStateFiles}).
   *
   * @throws IOException naming the file only, when it cannot be read or is not a state
   */
  public static StorageState read(Path file) throws IOException {
    try {
      return parse(Files.readAllBytes(file));
    } catch (IOException e) {
      throw new IOException("cannot read the login state " + file + " as storage-state JSON");
    }
  }

  /** Whether it has a {@code cookies} list (a state without one is not a storage state). */
  public boolean hasCookieList() {
    return tree.path("cookies").isArray();
  }

  /** Its cookies as stored (none when there is no list). */
  public List<StoredCookie> cookies() {
    List<StoredCookie> cookies = new ArrayList<>();
    for (JsonNode c : tree.path("cookies")) {
      cookies.add(
          new StoredCookie(
              c.path("name").asText(""),
              c.path("value").asText(""),
              c.path("domain").asText(""),
              c.path("path").asText("/"),
              c.path("secure").asBoolean(false),
              c.path("expires").asDouble(-1)));
    }
    return cookies;
  }

  /** Its cookies with their scope, for the static fetcher; a cookie without a domain is dropped. */
  public CookieJar jar() {
    List<Cookie> jar = new ArrayList<>();
    for (StoredCookie c : cookies()) {
      if (!c.domain().isBlank() && !c.domain().equals(".")) {
        jar.add(
            Cookie.ofStorageState(
                c.name(), c.value(), c.domain(), c.path(), c.secure(), c.expires()));
      }
    }
    return CookieJar.of(jar);
  }

  /**
   * Every secret value it holds: its cookies' and its origins' local storage's (read only to mask
   * them out of what is kept).
   */
  public List<String> secretValues() {
    List<String> values = new ArrayList<>();
    cookies().forEach(c -> values.add(c.value()));
    tree.path("origins")
        .forEach(o -> o.path("localStorage").forEach(e -> values.add(e.path("value").asText(""))));
    return values;
  }

  /**
   * Applies one {@code Set-Cookie}: replaces the stored cookie with the same name, domain (a
   * leading dot aside) and path, or adds it; a deletion removes it.
   *
   * @return whether the state changed
   */
  public boolean apply(SetCookie set, Instant now) {
    ArrayNode cookies =
        tree.get("cookies") instanceof ArrayNode array ? array : tree.putArray("cookies");
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

  /** Its JSON, as Playwright reads it. */
  public byte[] toBytes() throws IOException {
    return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(tree);
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

  /**
   * One cookie as the state stores it. The value is a secret: {@link #toString()} leaves it out.
   *
   * @param domain with its leading dot for a domain cookie; blank when the state has none
   * @param expires epoch seconds, negative (or 0) for a session cookie
   */
  public record StoredCookie(
      String name, String value, String domain, String path, boolean secure, double expires) {

    @Override
    public String toString() {
      return "StoredCookie[" + name + " for " + domain + path + "]";
    }
  }
}
