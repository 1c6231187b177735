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

  /**
   * Reads one location as written in a profile.
   *
   * @throws IllegalArgumentException naming what is wrong
   */
  public static Location parse(String text) {
    int colon = text == null ? -1 : text.indexOf(':');
    if (colon <= 0) {
      throw new IllegalArgumentException(
          "must be query:NAME, form:NAME or json:/POINTER, was '" + text + "'");
    }
    String kind = text.substring(0, colon);
    String name = text.substring(colon + 1);
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
      throw new IllegalArgumentException("'" + text + "' names no parameter");
    }
    if (parsed == Kind.JSON && !name.startsWith("/")) {
      throw new IllegalArgumentException(
          "json: takes a JSON pointer starting with '/', e.g. json:/search_text");
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
