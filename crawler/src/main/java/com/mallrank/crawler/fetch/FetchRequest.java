package com.mallrank.crawler.fetch;

import com.mallrank.crawler.politeness.Gate;
import java.net.URI;
import java.util.Objects;

/**
 * One page to fetch, as one identity.
 *
 * @param url the absolute URL
 * @param identity who is searching: {@link #ANONYMOUS} or a matrix-account id (results are
 *     personalised)
 * @param cookies the identity's cookies, each sent only where its scope says ({@link CookieJar});
 *     never logged
 * @param gate what the URL and every redirect hop (and, in a browser, every request of the page)
 *     must pass: the profile's address guard and the host throttle
 * @param sample which sample this fetch is for (keyword and slot), for fetchers that do not
 *     navigate but look the search up (HAR captures); {@code null} when not known
 */
public record FetchRequest(
    URI url, String identity, CookieJar cookies, Gate gate, SampleContext sample) {

  public static final String ANONYMOUS = "anonymous";

  /**
   * The sample a fetch serves.
   *
   * @param keyword the keyword searched
   * @param from the start of the slot's window (inclusive)
   * @param to the end of the slot's window (exclusive)
   */
  public record SampleContext(String keyword, java.time.Instant from, java.time.Instant to) {
    public SampleContext {
      Objects.requireNonNull(keyword, "keyword");
    }
  }

  /** A request without a sample context. */
  public FetchRequest(URI url, String identity, CookieJar cookies, Gate gate) {
    this(url, identity, cookies, gate, null);
  }

  public FetchRequest {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(identity, "identity");
    Objects.requireNonNull(cookies, "cookies");
    Objects.requireNonNull(gate, "gate");
  }

  public static FetchRequest anonymous(URI url, Gate gate) {
    return new FetchRequest(url, ANONYMOUS, CookieJar.empty(), gate);
  }

  @Override
  public String toString() {
    // Cookies are secrets: never print them.
    return "FetchRequest[url="
        + url
        + ", identity="
        + identity
        + ", cookies="
        + cookies.all().size()
        + "]";
  }
}
