package com.mallrank.crawler.parse;

import com.mallrank.crawler.fetch.FetchResponse;
import com.mallrank.crawler.model.ResultPage;
import com.mallrank.crawler.profile.FieldName;
import com.mallrank.crawler.profile.FieldRule;
import com.mallrank.crawler.profile.Locator;
import com.mallrank.crawler.profile.Marker;
import com.mallrank.crawler.profile.ProfileMode;
import com.mallrank.crawler.profile.SiteProfile;
import com.mallrank.crawler.profile.SponsoredRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Extracts listings from server-rendered HTML with an {@link ProfileMode#HTML} profile: the cards
 * are {@code cards.select}, each field is read relative to its card. Pure and thread-safe.
 */
public final class HtmlExtractor implements Extractor {

  private final SiteProfile profile;
  private final PageClassifier classifier;
  private final ResultAssembler assembler;
  private final List<Marker> structuralMarkers;
  private final boolean asAccount;

  public HtmlExtractor(SiteProfile profile, ExtractOptions options) {
    this.profile = Objects.requireNonNull(profile, "profile");
    if (profile.mode() != ProfileMode.HTML) {
      throw new IllegalArgumentException("profile " + profile.id() + " is not an html profile");
    }
    this.classifier = new PageClassifier(profile.markers());
    this.assembler = new ResultAssembler(profile, Objects.requireNonNull(options, "options"));
    this.asAccount = options.asAccount();
    this.structuralMarkers =
        java.util.stream.Stream.of(
                profile.markers().blocked(),
                profile.markers().loginRequired(),
                profile.markers().empty(),
                profile.markers().loggedIn())
            .flatMap(List::stream)
            .filter(m -> m.kind() == Marker.Kind.SELECT)
            .toList();
  }

  /**
   * Which {@code select} markers a page has, found in one pass over its elements on first use
   * instead of one walk per marker: most pages match none, and each miss would walk them all.
   */
  private static final class StructuralMarkers {
    private final Document document;
    private final List<Element> elements;
    private final List<Marker> markers;
    private java.util.Set<Marker> found;

    StructuralMarkers(Document document, List<Element> elements, List<Marker> markers) {
      this.document = document;
      this.elements = elements;
      this.markers = markers;
    }

    boolean has(Marker marker) {
      if (marker.kind() != Marker.Kind.SELECT) {
        return false;
      }
      if (found == null) {
        found = new java.util.HashSet<>();
        for (Element element : elements) {
          for (Marker candidate : markers) {
            if (!found.contains(candidate)
                && candidate.locator().css().matches(document, element)) {
              found.add(candidate);
            }
          }
        }
      }
      return found.contains(marker);
    }
  }

  @Override
  public ResultPage extract(FetchResponse response) {
    Document document = Jsoup.parse(response.body(), response.url());
    // The page's elements are listed once, for the markers and the cards alike.
    List<Element> elements = document.getAllElements();
    StructuralMarkers present = new StructuralMarkers(document, elements, structuralMarkers);
    Optional<ResultPage> classified = classifier.classify(response, document::text, present::has);
    ResultPage page = classified.orElseGet(() -> cards(response, document, elements));
    return asAccount
        ? classifier.unproven(page, response, document::text, present::has).orElse(page)
        : page;
  }

  private ResultPage cards(FetchResponse response, Document document, List<Element> elements) {
    List<Element> cards = new ArrayList<>();
    for (Element element : elements) {
      if (profile.cards().css().matches(document, element)) {
        cards.add(element);
      }
    }
    List<CardValues> values = new ArrayList<>(cards.size());
    FieldRegexes regexes = new FieldRegexes();
    for (Element card : cards) {
      if (!skipped(card, profile.skipCards())) {
        values.add(read(card, regexes));
      }
    }
    return assembler.assemble(response, values);
  }

  /** A tile that is not a listing (promo banner, placeholder) by the profile's skip-cards. */
  static boolean skipped(Element card, List<Marker> skipCards) {
    for (Marker marker : skipCards) {
      boolean hit =
          marker.kind() == Marker.Kind.TEXT
              ? card.text().contains(marker.text())
              : marker.locator().first(card) != null;
      if (marker.holds(hit)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Reads one card's fields. The card's elements are listed once and every field's selector is
   * tested against that list, instead of one subtree walk per field.
   */
  private CardValues read(Element card, FieldRegexes regexes) {
    List<Element> elements = card.getAllElements();
    CardValues values = new CardValues();
    for (Map.Entry<FieldName, FieldRule> field : profile.fields().entrySet()) {
      regexes.put(values, field.getKey(), field.getValue(), raw(card, elements, field.getValue()));
    }
    values.sponsored(sponsored(card, elements, profile.sponsored()));
    return values;
  }

  /** The first of the card's elements (the card itself included) that the locator selects. */
  static Element first(Element card, List<Element> elements, Locator locator) {
    if (locator.css() == null) {
      return card;
    }
    for (Element element : elements) {
      if (locator.css().matches(card, element)) {
        return element;
      }
    }
    return null;
  }

  /** The field's text or attribute as on the page, before its regex. */
  static String raw(Element card, List<Element> elements, FieldRule rule) {
    Element element = first(card, elements, rule.locator());
    if (element == null) {
      return null;
    }
    String raw = null;
    if (rule.attributes().isEmpty()) {
      raw = element.text();
    } else {
      for (String attribute : rule.attributes()) {
        String candidate = element.attr(attribute);
        if (!candidate.isBlank()) {
          raw = candidate;
          break;
        }
      }
    }
    return raw;
  }

  static boolean sponsored(Element card, List<Element> elements, SponsoredRule rule) {
    if (rule == null) {
      return false;
    }
    if (rule.locator() == null) {
      return card.text().contains(rule.text());
    }
    for (Element element : elements) {
      if ((rule.locator().css() == null || rule.locator().css().matches(card, element))
          && (rule.text() == null || element.text().contains(rule.text()))) {
        return true;
      }
    }
    return false;
  }
}
