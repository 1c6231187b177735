package com.mallrank.crawler.parse;

/**
 * How much of a result page to keep.
 *
 * @param depth the number of listings requested, 1..{@value #MAX_DEPTH}; cards beyond it are
 *     dropped, and a page with fewer cards is {@link
 *     com.mallrank.crawler.model.SampleStatus#PARTIAL}
 * @param asAccount the page was taken as a matrix account: when the profile says how a logged-in
 *     page looks ({@code markers.logged-in}), a page that would be ok, partial or empty but shows
 *     none of those signs is {@link com.mallrank.crawler.model.SampleStatus#LOGIN_REQUIRED}
 */
public record ExtractOptions(int depth, boolean asAccount) {

  /** The Top-20 the reports are about. */
  public static final int DEFAULT_DEPTH = 20;

  /** Three screens of a mobile grid; also the size of one sandbox page. */
  public static final int MAX_DEPTH = 60;

  public static final ExtractOptions DEFAULT = new ExtractOptions(DEFAULT_DEPTH);

  /** Options for a page taken anonymously (no login to prove). */
  public ExtractOptions(int depth) {
    this(depth, false);
  }

  public ExtractOptions {
    if (depth < 1 || depth > MAX_DEPTH) {
      throw new IllegalArgumentException("depth must be 1.." + MAX_DEPTH + ", was " + depth);
    }
  }

  public static ExtractOptions depth(int depth) {
    return new ExtractOptions(depth);
  }

  /** These options for a page taken as a matrix account ({@code true}) or anonymously. */
  public ExtractOptions asAccount(boolean account) {
    return new ExtractOptions(depth, account);
  }
}
