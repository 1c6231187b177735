package com.mallrank.crawler.profile;

import com.mallrank.crawler.model.CaptureKeyword;
import java.util.List;

/**
 * How a profile's pages are fetched: a static GET (Jsoup), or a real browser that renders the page
 * and either reads the DOM or captures the JSON responses the page itself fetches.
 *
 * @param browser whether a browser renders the page ({@code with: browser})
 * @param capture whether listings come from captured JSON responses ({@code mode: capture}); the
 *     body handed to the extractor is then {@code {"url": …, "responses": [<body>, …]}}
 * @param captureUrl which responses to capture: a glob ({@code **}/api/search*) or {@code regex:…}
 * @param itemsPointer capture: a JSON pointer to the listings in one response, to count them
 * @param hasMorePointer capture: a JSON pointer to the "more results" flag
 * @param loadMore a "load more" button to click when scrolling brings nothing new, or {@code null}
 * @param waitFor a selector to wait for before reading, or {@code null}
 * @param end a selector that appears when the results end, or {@code null}
 * @param actions steps taken after navigation, before reading ({@code fetch.actions}): typing the
 *     keyword into a search box, pressing Enter, waiting for the result call; empty = none
 * @param har whether the responses are read from HAR files captured on a phone ({@code with: har},
 *     always {@code mode: capture}) instead of being fetched
 * @param subrequestHosts hosts a browser page's own requests (scripts, styles, XHR, frames) may
 *     reach besides {@code search.allowed-hosts} ({@code fetch.subrequest-hosts}); {@link
 *     #ANY_PUBLIC_HOST} by default. Private addresses stay refused unless the profile allows them
 * @param captureKeyword capture: where a captured search request carries the keyword ({@code
 *     fetch.capture-keyword}); {@link CaptureKeyword#ANY} when not given, which a HAR capture reads
 *     as "any parameter holding exactly the keyword" and a browser capture as "not checked" (every
 *     response matching {@code capture-url} after the search action is kept)
 * @param captureDevice har: where a captured request says which app install sent it ({@code
 *     fetch.capture-device}, e.g. {@code query:device_id}), or {@code null} (not checked): a
 *     vantage's captures from more than one device are refused, for their searches are not one
 *     phone's (two phones' pages would be chained into one list, another phone's list taken as the
 *     account's)
 */
public record FetchRule(
    boolean browser,
    boolean capture,
    String captureUrl,
    String itemsPointer,
    String hasMorePointer,
    String loadMore,
    String waitFor,
    String end,
    List<PageAction> actions,
    boolean har,
    List<String> subrequestHosts,
    CaptureKeyword captureKeyword,
    CaptureKeyword captureDevice) {

  /** The default of {@code fetch.subrequest-hosts}: any host with a public address. */
  public static final List<String> ANY_PUBLIC_HOST = List.of("*");

  /** A static GET: the default. */
  public static final FetchRule STATIC =
      new FetchRule(
          false,
          false,
          null,
          null,
          null,
          null,
          null,
          null,
          List.of(),
          false,
          ANY_PUBLIC_HOST,
          CaptureKeyword.ANY,
          null);

  public FetchRule {
    actions = actions == null ? List.of() : List.copyOf(actions);
    subrequestHosts = subrequestHosts == null ? ANY_PUBLIC_HOST : List.copyOf(subrequestHosts);
    captureKeyword = captureKeyword == null ? CaptureKeyword.ANY : captureKeyword;
    captureDevice = captureDevice == null || captureDevice.anywhere() ? null : captureDevice;
  }
}
