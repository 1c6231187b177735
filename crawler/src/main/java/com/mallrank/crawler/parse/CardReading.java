package com.mallrank.crawler.parse;

import com.fasterxml.jackson.databind.JsonNode;
import com.mallrank.crawler.profile.FieldName;
import com.mallrank.crawler.profile.FieldRule;
import com.mallrank.crawler.profile.Marker;
import com.mallrank.crawler.profile.SponsoredRule;
import java.math.BigDecimal;
import java.util.List;
import org.jsoup.nodes.Element;

/**
 * One card read with one rule, exactly as {@link HtmlExtractor} and {@link JsonExtractor} read it
 * (the same methods: the first element or path match, attribute fallbacks, the bounded regex,
 * control characters removed, numbers parsed exactly and bounded): what {@code profile repair}
 * tries a candidate rule with, so a rule it proposes reads a card the way sampling will.
 */
public final class CardReading {

  private CardReading() {}

  /**
   * The value a field rule reads from an HTML card, as the extractor stores it, or {@code null}
   * when it reads nothing or the value is refused (regex out of steps, text too long).
   *
   * @param elements {@code card.getAllElements()}, listed once by the caller for many rules
   */
  public static String html(Element card, List<Element> elements, FieldName name, FieldRule rule) {
    return value(name, rule, HtmlExtractor.raw(card, elements, rule));
  }

  /** The value a field rule reads from a JSON item, or {@code null} (see {@link #html}). */
  public static String json(JsonNode item, FieldName name, FieldRule rule) {
    try {
      return value(name, rule, JsonExtractor.firstScalar(rule, item));
    } catch (RefusedValueException e) {
      return null;
    }
  }

  /** Whether a card is one of the tiles the skip-cards rules drop (html). */
  public static boolean skipped(Element card, List<Marker> skipCards) {
    return HtmlExtractor.skipped(card, skipCards);
  }

  /** Whether an item is one of the tiles the skip-cards rules drop (json). */
  public static boolean skipped(JsonNode item, List<Marker> skipCards) {
    return JsonExtractor.skipped(item, skipCards);
  }

  /** Whether the rule marks the HTML card sponsored. */
  public static boolean sponsored(Element card, List<Element> elements, SponsoredRule rule) {
    return HtmlExtractor.sponsored(card, elements, rule);
  }

  /** Whether the rule marks the JSON item sponsored. */
  public static boolean sponsored(JsonNode item, SponsoredRule rule) {
    return JsonExtractor.sponsored(item, rule);
  }

  /**
   * A price (yuan) or commission (percent) as stored from a value the rule read, or {@code null}
   * when there is no number or it is out of bounds.
   */
  public static BigDecimal number(FieldName name, FieldRule rule, String value) {
    try {
      BigDecimal number = Numbers.parse(value, rule.decimalSeparator(), rule.unit());
      return number == null ? null : ValueBounds.checkAmount(name, number);
    } catch (RefusedValueException e) {
      return null;
    }
  }

  /** A scalar JSON node as the extractor reads it (numbers in plain notation), or {@code null}. */
  public static String text(JsonNode node) {
    try {
      return JsonExtractor.text(node);
    } catch (RefusedValueException e) {
      return null;
    }
  }

  /** The value after the rule's regex, cleaned and stripped as {@link CardValues} keeps it. */
  private static String value(FieldName name, FieldRule rule, String raw) {
    CardValues card = new CardValues();
    new FieldRegexes().put(card, name, rule, raw);
    return card.get(name);
  }
}
