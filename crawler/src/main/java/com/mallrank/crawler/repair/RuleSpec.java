package com.mallrank.crawler.repair;

import com.mallrank.crawler.profile.FieldRule;
import com.mallrank.crawler.profile.Locator;
import com.mallrank.crawler.profile.NumberUnit;
import com.mallrank.crawler.profile.ProfileMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A field rule as a profile writes it: what repair proposes, compared and rendered as YAML.
 *
 * @param locators the CSS selector (html; {@code ""} = the card itself) or the JSON path; several
 *     for a JSON list of alternatives (the first that reaches a value wins)
 * @param attrs html: attributes read in order, first non-blank wins; empty = the element's text
 * @param regex a pattern with one group, or {@code null}
 * @param unit price/commission unit, or {@code null} (yuan/percent)
 * @param separator the decimal separator, {@code '.'} or {@code ','}
 */
record RuleSpec(
    List<String> locators, List<String> attrs, String regex, NumberUnit unit, char separator) {

  RuleSpec {
    locators = List.copyOf(locators);
    attrs = List.copyOf(attrs);
    if (locators.isEmpty()) {
      throw new IllegalArgumentException("a rule needs a locator");
    }
  }

  static RuleSpec of(String locator, List<String> attrs, String regex, NumberUnit unit) {
    return new RuleSpec(List.of(locator), attrs, regex, unit, '.');
  }

  /** The rule as the profile holds it. */
  static RuleSpec of(FieldRule rule, ProfileMode mode) {
    List<String> locators = new ArrayList<>();
    String expression = rule.locator().expression();
    if (mode == ProfileMode.JSON) {
      for (String alternative : expression.split("\\|", -1)) {
        locators.add(alternative.strip());
      }
    } else {
      locators.add(expression);
    }
    return new RuleSpec(
        locators,
        rule.attributes(),
        rule.regex() == null ? null : rule.regex().pattern(),
        rule.unit(),
        rule.decimalSeparator());
  }

  /** The locator expression as the reader joins alternatives. */
  String locator() {
    return String.join(" | ", locators);
  }

  RuleSpec withLocators(List<String> value) {
    return new RuleSpec(value, attrs, regex, unit, separator);
  }

  RuleSpec withAttrs(List<String> value) {
    return new RuleSpec(locators, value, regex, unit, separator);
  }

  RuleSpec withTransform(String newRegex, NumberUnit newUnit, char newSeparator) {
    return new RuleSpec(locators, attrs, newRegex, newUnit, newSeparator);
  }

  /** The compiled rule; the regex must compile (candidates are built from safe shapes). */
  FieldRule compile(ProfileMode mode) {
    Locator locator = mode == ProfileMode.HTML ? Locator.css(locator()) : Locator.json(locator());
    return new FieldRule(
        locator, attrs, regex == null ? null : Pattern.compile(regex), unit, separator);
  }

  /**
   * How many of the YAML keys (locator, attr, regex, unit, decimal-separator) differ from {@code
   * old}: the fewer, the smaller the diff a reviewer reads.
   */
  int changedKeys(RuleSpec old) {
    if (old == null) {
      return 5;
    }
    int changed = 0;
    changed += locators.equals(old.locators) ? 0 : 1;
    changed += attrs.equals(old.attrs) ? 0 : 1;
    changed += Objects.equals(regex, old.regex) ? 0 : 1;
    changed += effectiveUnit() == old.effectiveUnit() ? 0 : 1;
    changed += separator == old.separator ? 0 : 1;
    return changed;
  }

  /** The unit, {@code null} meaning the default: {@code fen} and {@code basis-points} only. */
  NumberUnit effectiveUnit() {
    return unit == NumberUnit.YUAN || unit == NumberUnit.PERCENT ? null : unit;
  }

  /** One line for a person: {@code a.sku-link @href ~/product/(\d+) [fen]}. */
  String describe() {
    StringBuilder out = new StringBuilder(locator().isEmpty() ? "(the card)" : locator());
    if (!attrs.isEmpty()) {
      out.append(" @").append(String.join(",", attrs));
    }
    if (regex != null) {
      out.append(" ~").append(regex);
    }
    if (unit != null) {
      out.append(" [").append(unit.key()).append(']');
    }
    if (separator != '.') {
      out.append(" [decimal ").append(separator).append(']');
    }
    return out.toString();
  }
}
