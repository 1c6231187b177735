package com.mallrank.crawler.fetch.browser;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Which response URLs {@link RenderMode#CAPTURE} keeps. Written as {@code regex:<java regex>}
 * (found anywhere in the URL) or as a glob, optionally prefixed {@code glob:}, matched against the
 * whole URL: {@code **} any characters, {@code *} any characters except {@code /}, everything else
 * literal (so {@code ?} is a literal question mark), e.g. {@code **&#47;api/search?*}.
 */
public final class UrlPattern {

  private final String source;
  private final Pattern pattern;

  private UrlPattern(String source, Pattern pattern) {
    this.source = source;
    this.pattern = pattern;
  }

  /** Parses a pattern; throws {@link IllegalArgumentException} for a bad regex. */
  public static UrlPattern parse(String source) {
    Objects.requireNonNull(source, "pattern");
    if (source.startsWith("regex:")) {
      try {
        return new UrlPattern(source, Pattern.compile(source.substring("regex:".length())));
      } catch (java.util.regex.PatternSyntaxException e) {
        throw new IllegalArgumentException("bad capture URL regex: " + source, e);
      }
    }
    String glob = source.startsWith("glob:") ? source.substring("glob:".length()) : source;
    return new UrlPattern(source, Pattern.compile("^" + globToRegex(glob) + "$"));
  }

  /** Whether a URL matches. */
  public boolean matches(String url) {
    return pattern.matcher(url).find();
  }

  @Override
  public String toString() {
    return source;
  }

  private static String globToRegex(String glob) {
    StringBuilder sb = new StringBuilder();
    int literalStart = 0;
    for (int i = 0; i < glob.length(); i++) {
      if (glob.charAt(i) != '*') {
        continue;
      }
      if (i > literalStart) {
        sb.append(Pattern.quote(glob.substring(literalStart, i)));
      }
      if (i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
        sb.append(".*");
        i++;
      } else {
        sb.append("[^/]*");
      }
      literalStart = i + 1;
    }
    if (literalStart < glob.length()) {
      sb.append(Pattern.quote(glob.substring(literalStart)));
    }
    return sb.toString();
  }
}
