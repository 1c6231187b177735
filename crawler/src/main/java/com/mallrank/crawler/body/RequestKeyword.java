package com.mallrank.crawler.body;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;

/**
 * Where a search request carries its keyword, so a captured answer is taken as the keyword's only
 * when its request asked for that keyword (a profile's {@code fetch.capture-keyword}): the 百应
 * selection list sends it as {@code search_text} in a JSON body, and the "为你推荐" feed the page loads
 * before (or after) a search is the same call with {@code search_text: ""}.
 *
 * <p>Written {@code json:<JSON pointer>} (e.g. {@code json:/search_text}), {@code form:<field>} (an
 * {@code application/x-www-form-urlencoded} body, {@code +} as space) or {@code query:<parameter>}
 * (the URL's query). The value found is compared with the keyword exactly, after stripping leading
 * and trailing white space from both.
 *
 * <p>Bounded: a body over {@value #MAX_BODY_BYTES} bytes is not read; values shown in messages are
 * cut to {@value #MAX_SHOWN} characters. Immutable and thread-safe.
 *
 * @param place where the keyword is
 * @param name the JSON pointer, form field or query parameter
 */
public record RequestKeyword(Place place, String name) {

  /** The largest request body read for the keyword. */
  public static final int MAX_BODY_BYTES = 1024 * 1024;

  static final int MAX_SHOWN = 40;
  private static final int MAX_NAME = 100;

  private static final ObjectMapper BOUNDED =
      JsonMapper.builder(
              JsonFactory.builder()
                  .streamReadConstraints(
                      StreamReadConstraints.builder()
                          .maxNestingDepth(100)
                          .maxNumberLength(100)
                          .maxStringLength(MAX_BODY_BYTES)
                          .build())
                  .build())
          .build();

  /** Where in a request. */
  public enum Place {
    /** A JSON request body, at a JSON pointer. */
    JSON,
    /** A form-encoded request body, a field. */
    FORM,
    /** The URL's query, a parameter. */
    QUERY;

    String prefix() {
      return name().toLowerCase(Locale.ROOT) + ":";
    }
  }

  public RequestKeyword {
    Objects.requireNonNull(place, "place");
    Objects.requireNonNull(name, "name");
  }

  /**
   * Reads {@code json:/pointer}, {@code form:field} or {@code query:parameter}.
   *
   * @throws IllegalArgumentException with a message saying what is accepted
   */
  public static RequestKeyword parse(String text) {
    String t = text == null ? "" : text.strip();
    for (Place place : Place.values()) {
      if (t.startsWith(place.prefix())) {
        String name = t.substring(place.prefix().length());
        if (place == Place.JSON) {
          if (!name.startsWith("/")) {
            throw new IllegalArgumentException(
                "json: takes a JSON pointer starting with '/', e.g. json:/search_text; was '"
                    + t
                    + "'");
          }
          try {
            JsonPointer.compile(name);
          } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + t + "' is not a JSON pointer", e);
          }
        } else if (name.isEmpty()
            || name.length() > MAX_NAME
            || !name.chars().allMatch(c -> c > ' ' && c != '&' && c != '=' && c != '#')) {
          throw new IllegalArgumentException(
              place.prefix()
                  + " takes a field name (no spaces, '&', '=' or '#'), e.g. "
                  + place.prefix()
                  + "keyword; was '"
                  + t
                  + "'");
        }
        return new RequestKeyword(place, name);
      }
    }
    throw new IllegalArgumentException(
        "must be json:<pointer>, form:<field> or query:<parameter> (e.g. json:/search_text), was '"
            + t
            + "'");
  }

  /** As written in a profile: {@code json:/search_text}. */
  public String code() {
    return place.prefix() + name;
  }

  /**
   * Why the request does not carry {@code keyword}, or {@code null} when it does: {@code
   * json:/search_text was ""}, {@code json:/search_text is absent}, {@code the body is not JSON}.
   *
   * @param url the request URL (its query for {@link Place#QUERY})
   * @param body the request body, or {@code null} for none
   */
  public String mismatch(String url, byte[] body, String keyword) {
    String value;
    switch (place) {
      case QUERY -> {
        String query = query(url);
        value = query == null ? null : field(query, name);
      }
      case FORM -> {
        if (body == null || body.length == 0) {
          return "the request has no body";
        }
        if (body.length > MAX_BODY_BYTES) {
          return "the request body is over " + MAX_BODY_BYTES + " bytes";
        }
        value = field(new String(body, StandardCharsets.UTF_8), name);
      }
      default -> {
        if (body == null || body.length == 0) {
          return "the request has no body";
        }
        if (body.length > MAX_BODY_BYTES) {
          return "the request body is over " + MAX_BODY_BYTES + " bytes";
        }
        JsonNode root;
        try {
          root = BOUNDED.readTree(body);
        } catch (IOException e) {
          return "the request body is not JSON";
        }
        if (root == null) {
          return "the request body is not JSON";
        }
        JsonNode node = root.at(name);
        value = node.isValueNode() && !node.isNull() ? node.asText() : null;
      }
    }
    if (value == null) {
      return code() + " is absent";
    }
    if (value.strip().equals(keyword == null ? "" : keyword.strip())) {
      return null;
    }
    return code() + " was " + shown(value);
  }

  /** A value as a message shows it: quoted, control characters dropped, cut. */
  static String shown(String value) {
    StringBuilder sb = new StringBuilder("\"");
    value
        .codePoints()
        .filter(c -> !Character.isISOControl(c))
        .limit(MAX_SHOWN + 1L)
        .forEach(sb::appendCodePoint);
    if (sb.codePointCount(1, sb.length()) > MAX_SHOWN) {
      sb.setLength(sb.offsetByCodePoints(1, MAX_SHOWN));
      sb.append('…');
    }
    return sb.append('"').toString();
  }

  private static String query(String url) {
    if (url == null) {
      return null;
    }
    int q = url.indexOf('?');
    if (q < 0) {
      return null;
    }
    int hash = url.indexOf('#', q);
    return hash < 0 ? url.substring(q + 1) : url.substring(q + 1, hash);
  }

  /** The first value of {@code name} in form-encoded text ({@code +} is a space), or null. */
  private static String field(String encoded, String name) {
    for (String pair : encoded.split("&")) {
      int eq = pair.indexOf('=');
      String key = eq < 0 ? pair : pair.substring(0, eq);
      try {
        if (URLDecoder.decode(key, StandardCharsets.UTF_8).equals(name)) {
          return eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
        }
      } catch (IllegalArgumentException e) {
        // a malformed %-escape: not this field's value
      }
    }
    return null;
  }
}
