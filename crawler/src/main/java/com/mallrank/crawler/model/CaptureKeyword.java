package com.mallrank.crawler.model;

import java.util.List;
import java.util.Locale;

/**
 * Where a captured search request carries its keyword ({@code fetch.capture-keyword}), so a capture
 * is taken as a keyword's only when the keyword is exactly there: never by substring ({@code 羽绒服}
 * is not a search of {@code 羽绒服女}), never a feed call that carries no keyword.
 *
 * <p>Each location is {@code query:NAME} (a URL query parameter), {@code form:NAME} (a field of an
 * {@code application/x-www-form-urlencoded} body, {@code +} read as a space) or {@code
 * json:/POINTER} (a JSON pointer into a JSON body); the keyword matches when any location holds
 * exactly it, after decoding. No locations ({@link #ANY}): any query parameter, form field or
 * top-level JSON string field holding exactly the keyword.
 *
 * @param locations where to look, in order; empty = anywhere (see above)
 */
public record CaptureKeyword(List<Location> locations) {

  /** No {@code capture-keyword}: any parameter holding exactly the keyword. */
  public static final CaptureKeyword ANY = new CaptureKeyword(List.of());

  /** Which part of a request. */
  public enum Kind {
    QUERY,
    FORM,
    JSON;

    String code() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * One place: a kind and a parameter name (a JSON pointer for {@link Kind#JSON}).
   *
   * @param kind query, form or json
   * @param name the parameter name, or the JSON pointer ({@code /search_text})
   */
  public record Location(Kind kind, String name) {

    /** As written in a profile: {@code form:keyword}, {@code json:/search_text}. */
    public String code() {
      return kind.code() + ":" + name;
    }
  }

  public CaptureKeyword {
    locations = List.copyOf(locations);
  }

  /** Whether any parameter may hold the keyword (no {@code capture-keyword} given). */
  public boolean anywhere() {
    return locations.isEmpty();
  }

  /** The longest {@code query:}/{@code form:} name or JSON pointer accepted. */
  private static final int MAX_NAME = 100;

  /**
   * Reads one location as written in a profile: {@code query:NAME}, {@code form:NAME} (a name
   * without white space, {@code &}, {@code =} or {@code #}) or {@code json:/POINTER} (a JSON
   * pointer, {@code ~} only as {@code ~0} or {@code ~1}).
   *
   * @throws IllegalArgumentException naming what is wrong
   */
  public static Location parse(String text) {
    String t = text == null ? "" : text.strip();
    int colon = t.indexOf(':');
    if (colon <= 0) {
      throw new IllegalArgumentException(
          "must be query:NAME, form:NAME or json:/POINTER, was '" + t + "'");
    }
    String kind = t.substring(0, colon);
    String name = t.substring(colon + 1);
    Kind parsed =
        switch (kind) {
          case "query" -> Kind.QUERY;
          case "form" -> Kind.FORM;
          case "json" -> Kind.JSON;
          default ->
              throw new IllegalArgumentException(
                  "unknown place '" + kind + "': must be query, form or json");
        };
    if (name.isEmpty()) {
      throw new IllegalArgumentException("'" + t + "' names no parameter");
    }
    if (name.length() > MAX_NAME) {
      throw new IllegalArgumentException(
          "'" + kind + ":' takes a name of at most " + MAX_NAME + " characters");
    }
    if (parsed == Kind.JSON) {
      if (!name.startsWith("/")) {
        throw new IllegalArgumentException(
            "json: takes a JSON pointer starting with '/', e.g. json:/search_text");
      }
      if (name.replace("~0", "").replace("~1", "").contains("~")) {
        throw new IllegalArgumentException(
            "'" + t + "' is not a JSON pointer: '~' is written ~0 and '/' in a name ~1");
      }
    } else if (!name.chars().allMatch(c -> c > ' ' && c != '&' && c != '=' && c != '#')) {
      throw new IllegalArgumentException(
          kind
              + ": takes a field name (no spaces, '&', '=' or '#'), e.g. "
              + kind
              + ":keyword; was '"
              + t
              + "'");
    }
    return new Location(parsed, name);
  }

  /** The locations as written, for messages: {@code [form:keyword, query:keyword]}. */
  @Override
  public String toString() {
    return anywhere()
        ? "any parameter"
        : locations.stream().map(Location::code).toList().toString();
  }
}
