package com.mallrank.crawler.repair;

import com.mallrank.crawler.profile.Locator;
import com.mallrank.crawler.profile.ProfileMode;
import com.mallrank.crawler.profile.SponsoredRule;
import java.util.Objects;

/**
 * A sponsored rule as a profile writes it.
 *
 * @param locator html: a CSS selector (inside the card, the card itself included), json: a path;
 *     {@code null} for an html rule on the card's text alone
 * @param text html: the text the selected element (or the card) contains, or {@code null}
 * @param equals json: the value the path reaches, or {@code null} for any truthy value
 */
record SponsoredSpec(String locator, String text, String equals) {

  static SponsoredSpec of(SponsoredRule rule) {
    return rule == null
        ? null
        : new SponsoredSpec(
            rule.locator() == null ? null : rule.locator().expression(),
            rule.text(),
            rule.equals());
  }

  SponsoredRule compile(ProfileMode mode) {
    Locator compiled =
        locator == null
            ? null
            : mode == ProfileMode.HTML ? Locator.css(locator) : Locator.json(locator);
    return new SponsoredRule(compiled, text, equals);
  }

  int changedKeys(SponsoredSpec old) {
    if (old == null) {
      return 3;
    }
    return (Objects.equals(locator, old.locator) ? 0 : 1)
        + (Objects.equals(text, old.text) ? 0 : 1)
        + (Objects.equals(equals, old.equals) ? 0 : 1);
  }

  String describe() {
    StringBuilder out = new StringBuilder();
    if (locator != null) {
      out.append(locator.isEmpty() ? "(the card)" : locator);
    }
    if (text != null) {
      out.append(out.isEmpty() ? "" : " ").append("text '").append(text).append('\'');
    }
    if (equals != null) {
      out.append(" = ").append(equals);
    }
    return out.toString();
  }
}
