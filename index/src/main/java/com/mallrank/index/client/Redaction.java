package com.mallrank.index.client;

import java.util.regex.Pattern;

/**
 * Removes secrets from a URL before it goes into any message or log line: the user-info part
 * ({@code user:password@}) becomes {@code ***@}, every query value becomes {@code ***}, and a path
 * segment that looks like a token (16 or more letters, digits, {@code -} or {@code _}, as in a
 * Feishu webhook's {@code /hook/<token>}) becomes {@code ***}. The one rule for every message that
 * prints a URL: Elasticsearch connections, webhooks.
 *
 * <p>A comma-separated list of URLs ({@code index.es.url} naming several nodes) is redacted entry
 * by entry: a comma followed by {@code scheme://} starts a new entry. A {@code user:password@}
 * before a host is removed even without a scheme ({@code elastic:pw@es:9200}).
 */
public final class Redaction {

  private static final Pattern USER_INFO =
      Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*://)?[^/?#@]*@");
  private static final Pattern NEXT_ENTRY = Pattern.compile(",(?=\\s*[a-zA-Z][a-zA-Z0-9+.-]*://)");
  private static final Pattern QUERY_VALUE = Pattern.compile("([?&][^=&#]*)=[^&#]*");
  private static final Pattern TOKEN_SEGMENT = Pattern.compile("/[A-Za-z0-9_-]{16,}(?=[/?#]|$)");

  private Redaction() {}

  /** The URL without credentials or tokens; {@code null} stays {@code null}. */
  public static String url(String url) {
    if (url == null) {
      return null;
    }
    String[] entries = NEXT_ENTRY.split(url, -1);
    if (entries.length > 1) {
      StringBuilder list = new StringBuilder();
      for (String entry : entries) {
        list.append(list.isEmpty() ? "" : ",").append(single(entry.strip()));
      }
      return list.toString();
    }
    return single(url);
  }

  private static String single(String url) {
    String redacted = USER_INFO.matcher(url).replaceFirst("$1***@");
    int query = redacted.indexOf('?');
    String path = query < 0 ? redacted : redacted.substring(0, query);
    String rest = query < 0 ? "" : redacted.substring(query);
    int scheme = path.indexOf("://");
    int pathStart = scheme < 0 ? 0 : path.indexOf('/', scheme + 3);
    if (pathStart > 0) {
      path =
          path.substring(0, pathStart)
              + TOKEN_SEGMENT.matcher(path.substring(pathStart)).replaceAll("/***");
    }
    return path + QUERY_VALUE.matcher(rest).replaceAll("$1=***");
  }
}
