package com.mallrank.crawler.fetch;

import java.net.URI;
import java.util.Map;
import java.util.Objects;

/**
 * One page to fetch, as one identity.
 *
 * @param url the absolute URL
 * @param identity who is searching: {@link #ANONYMOUS} or a matrix-account id (results are
 *     personalised)
 * @param cookies cookies to send for that identity; never logged
 */
public record FetchRequest(URI url, String identity, Map<String, String> cookies) {

  public static final String ANONYMOUS = "anonymous";

  public FetchRequest {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(identity, "identity");
    cookies = Map.copyOf(cookies);
  }

  public static FetchRequest anonymous(URI url) {
    return new FetchRequest(url, ANONYMOUS, Map.of());
  }

  @Override
  public String toString() {
    // Cookies are secrets: never print them.
    return "FetchRequest[url="
        + url
        + ", identity="
        + identity
        + ", cookies="
        + cookies.size()
        + "]";
  }
}
