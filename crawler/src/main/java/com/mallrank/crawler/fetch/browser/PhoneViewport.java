package com.mallrank.crawler.fetch.browser;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;

/**
 * Gives a page without {@code <meta name="viewport">} a phone-sized layout under mobile emulation.
 * Chromium lays such a page out 980 px wide, so a 412×915 phone shows a window over 2000 CSS px
 * tall: a dozen short rows never make it scroll, and a list that loads on window scroll stops at
 * its first page (seen on an unseen JavaScript mall: 12 of 48 listings). A real phone browser shows
 * such pages at device width; this adds the tag the page forgot, once it is parsed.
 */
final class PhoneViewport {

  private static final String SCRIPT =
      """
      () => {
        if (document.querySelector('meta[name="viewport" i]') || !document.head) return false;
        const meta = document.createElement('meta');
        meta.name = 'viewport';
        meta.content = 'width=device-width, initial-scale=1';
        document.head.appendChild(meta);
        return true;
      }
      """;

  private PhoneViewport() {}

  /** Adds the tag when the page has none; returns whether it did. */
  static boolean ensure(Page page) {
    try {
      return Boolean.TRUE.equals(page.evaluate(SCRIPT));
    } catch (PlaywrightException e) {
      return false; // the page navigated on by itself; its next document is read as it is
    }
  }
}
