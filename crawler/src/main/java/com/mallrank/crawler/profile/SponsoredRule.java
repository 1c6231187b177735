package com.mallrank.crawler.profile;

/**
 * How to tell a sponsored card (广告 / 千川 / P4P) from an organic one.
 *
 * <ul>
 *   <li>HTML, {@code select} only: sponsored when the selector matches inside the card (the card
 *       itself included, so {@code .AdHolder} tests the card's own class).
 *   <li>HTML, {@code text} only: sponsored when the card's text contains the substring.
 *   <li>HTML, both: sponsored when a matched element's text contains the substring.
 *   <li>JSON, {@code path} and optional {@code equals}: sponsored when the path reaches a value
 *       equal to {@code equals} (compared as text), or, without {@code equals}, any value other
 *       than {@code false}, {@code 0}, {@code ""}.
 * </ul>
 *
 * @param locator the selector or path, or {@code null} (HTML text-only rule)
 * @param text the HTML text marker, or {@code null}
 * @param equals the JSON expected value, or {@code null}
 */
public record SponsoredRule(Locator locator, String text, String equals) {

  public SponsoredRule {
    if (locator == null && text == null) {
      throw new IllegalArgumentException("a sponsored rule needs a locator or a text");
    }
  }
}
