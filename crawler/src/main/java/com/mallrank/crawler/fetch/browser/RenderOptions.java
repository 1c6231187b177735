package com.mallrank.crawler.fetch.browser;

import com.fasterxml.jackson.core.JsonPointer;
import com.mallrank.crawler.model.CaptureKeyword;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * How to render one page: what to return, how deep to load and what to wait for. Selectors are
 * Playwright/CSS selectors; {@code null} means "not used".
 *
 * @param mode DOM or captured JSON
 * @param captureUrlPattern which responses to capture ({@link UrlPattern} syntax); required for
 *     {@link RenderMode#CAPTURE}
 * @param targetCount how many listings to load (scroll / "load more") before returning; fewer may
 *     come back when the results end, which the extractor reports as PARTIAL
 * @param cardSelector counts the listings in the DOM; required for {@link RenderMode#DOM}
 * @param loadMoreSelector a "load more" (加载更多) button clicked when scrolling brings nothing
 * @param waitForSelector waited for after navigation before counting; list the result grid and
 *     every marker (captcha, login wall, empty) so that fault pages return without waiting out the
 *     timeout
 * @param endSelector an "end of results" marker; once present, loading stops
 * @param itemsPointer in {@link RenderMode#CAPTURE}, the JSON pointer of the listing array in a
 *     captured body (e.g. {@code /data/items}); listings are counted there, else with {@code
 *     cardSelector}
 * @param hasMorePointer in {@link RenderMode#CAPTURE}, the JSON pointer of the "more results" flag
 *     (e.g. {@code /data/has_more}, {@code true}/{@code 1}); false in the last body stops loading
 * @param actions steps taken after navigation, before waiting for content (type the keyword into a
 *     search box, press Enter, …); see {@link PageActions}
 * @param captureKeyword in {@link RenderMode#CAPTURE}, where a captured response's request must
 *     carry {@code keyword} to be kept (the feed a page loads before or after its search is the
 *     same call for another text, {@code fetch.capture-keyword}); {@code null} or {@link
 *     CaptureKeyword#ANY}: every matching response is kept
 * @param keyword the sampled keyword, for {@code captureKeyword}
 * @param itemIdPointer in {@link RenderMode#CAPTURE}, a JSON pointer to an item's product id,
 *     relative to an item (e.g. {@code /product_id}): listings are then counted once per id, for a
 *     list whose scrolls send the first screen again; {@code null}: every item counts
 */
public record RenderOptions(
    RenderMode mode,
    String captureUrlPattern,
    int targetCount,
    String cardSelector,
    String loadMoreSelector,
    String waitForSelector,
    String endSelector,
    String itemsPointer,
    String hasMorePointer,
    List<BrowserAction> actions,
    CaptureKeyword captureKeyword,
    String keyword,
    String itemIdPointer) {

  /** The default depth: the Top-20 ("豆腐块"). */
  public static final int DEFAULT_TARGET = 20;

  /** The deepest load accepted. */
  public static final int MAX_TARGET = 200;

  public RenderOptions {
    Objects.requireNonNull(mode, "mode");
    actions = actions == null ? List.of() : List.copyOf(actions);
    if (targetCount < 1 || targetCount > MAX_TARGET) {
      throw new IllegalArgumentException(
          "targetCount must be within 1.." + MAX_TARGET + ": " + targetCount);
    }
    if (mode == RenderMode.CAPTURE) {
      if (captureUrlPattern == null) {
        throw new IllegalArgumentException("CAPTURE needs a captureUrlPattern");
      }
      UrlPattern.parse(captureUrlPattern);
      if (itemsPointer == null && cardSelector == null) {
        throw new IllegalArgumentException("CAPTURE needs an itemsPointer or a cardSelector");
      }
    }
    captureKeyword = captureKeyword == null ? CaptureKeyword.ANY : captureKeyword;
    if (!captureKeyword.anywhere() && keyword == null) {
      throw new IllegalArgumentException("a captureKeyword needs the keyword");
    }
    if (itemIdPointer != null) {
      JsonPointer.compile(itemIdPointer);
    }
    if (mode == RenderMode.DOM && cardSelector == null) {
      throw new IllegalArgumentException("DOM needs a cardSelector to count listings");
    }
  }

  /** Returns the rendered DOM, counting listings with {@code cardSelector}; Top-20. */
  public static RenderOptions dom(String cardSelector) {
    Copy c = new Copy(RenderMode.DOM);
    c.cardSelector = cardSelector;
    return c.build();
  }

  /**
   * Returns the captured JSON responses matching {@code urlPattern}, counting listings at {@code
   * itemsPointer} and stopping when {@code hasMorePointer} is false; Top-20.
   */
  public static RenderOptions capture(
      String urlPattern, String itemsPointer, String hasMorePointer) {
    Copy c = new Copy(RenderMode.CAPTURE);
    c.captureUrlPattern = urlPattern;
    c.itemsPointer = itemsPointer;
    c.hasMorePointer = hasMorePointer;
    return c.build();
  }

  public RenderOptions withTargetCount(int value) {
    return with(c -> c.targetCount = value);
  }

  public RenderOptions withCardSelector(String value) {
    return with(c -> c.cardSelector = value);
  }

  public RenderOptions withLoadMoreSelector(String value) {
    return with(c -> c.loadMoreSelector = value);
  }

  public RenderOptions withWaitForSelector(String value) {
    return with(c -> c.waitForSelector = value);
  }

  public RenderOptions withEndSelector(String value) {
    return with(c -> c.endSelector = value);
  }

  /** These options with page actions run after navigation. */
  public RenderOptions withActions(List<BrowserAction> value) {
    return with(c -> c.actions = value);
  }

  /**
   * These options keeping only captured responses whose request carries {@code keyword} at {@code
   * place} ({@code null} or {@link CaptureKeyword#ANY}: every matching response).
   */
  public RenderOptions withCaptureKeyword(CaptureKeyword place, String keyword) {
    return with(
        c -> {
          c.captureKeyword = place;
          c.keyword = keyword;
        });
  }

  /**
   * These options counting captured listings once per id at {@code pointer} ({@code null}: all).
   */
  public RenderOptions withItemIdPointer(String pointer) {
    return with(c -> c.itemIdPointer = pointer);
  }

  /** These options with one change: the one place a copy is made (and checked again). */
  private RenderOptions with(Consumer<Copy> change) {
    Copy c = new Copy(mode);
    c.captureUrlPattern = captureUrlPattern;
    c.targetCount = targetCount;
    c.cardSelector = cardSelector;
    c.loadMoreSelector = loadMoreSelector;
    c.waitForSelector = waitForSelector;
    c.endSelector = endSelector;
    c.itemsPointer = itemsPointer;
    c.hasMorePointer = hasMorePointer;
    c.actions = actions;
    c.captureKeyword = captureKeyword;
    c.keyword = keyword;
    c.itemIdPointer = itemIdPointer;
    change.accept(c);
    return c.build();
  }

  /** The components while a copy is changed; {@link #build()} checks them as the record does. */
  private static final class Copy {
    private final RenderMode mode;
    private String captureUrlPattern;
    private int targetCount = DEFAULT_TARGET;
    private String cardSelector;
    private String loadMoreSelector;
    private String waitForSelector;
    private String endSelector;
    private String itemsPointer;
    private String hasMorePointer;
    private List<BrowserAction> actions = List.of();
    private CaptureKeyword captureKeyword;
    private String keyword;
    private String itemIdPointer;

    private Copy(RenderMode mode) {
      this.mode = mode;
    }

    private RenderOptions build() {
      return new RenderOptions(
          mode,
          captureUrlPattern,
          targetCount,
          cardSelector,
          loadMoreSelector,
          waitForSelector,
          endSelector,
          itemsPointer,
          hasMorePointer,
          actions,
          captureKeyword,
          keyword,
          itemIdPointer);
    }
  }
}
