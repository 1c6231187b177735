package com.mallrank.crawler.fetch.browser;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;

/**
 * The rendered page as markup, without scripts and styles, cut to a size: kept in a capture
 * document ({@code "dom"}) so a profile's {@code select} and {@code text} markers see what the page
 * showed — a captcha page served instead of the app is then {@code blocked} by its element, not
 * guessed from an empty capture. Scripts are left out because their source would match text markers
 * the page never shows.
 */
final class DomSnapshot {

  /** The most characters kept. */
  static final int MAX_CHARS = 512 * 1024;

  private static final String SCRIPT =
      """
      max => {
        const copy = document.documentElement.cloneNode(true);
        copy.querySelectorAll('script,style,noscript,template').forEach(e => e.remove());
        const html = copy.outerHTML;
        return html.length > max ? html.slice(0, max) : html;
      }
      """;

  private DomSnapshot() {}

  /**
   * The snapshot, at most {@code maxChars} characters (and {@link #MAX_CHARS}); {@code null} when
   * the page cannot be read any more (it navigated away meanwhile): the capture still counts.
   */
  static String of(Page page, long maxChars) {
    try {
      Object html = page.evaluate(SCRIPT, (int) Math.max(0, Math.min(MAX_CHARS, maxChars)));
      return html instanceof String s ? s : null;
    } catch (PlaywrightException e) {
      return null;
    }
  }
}
