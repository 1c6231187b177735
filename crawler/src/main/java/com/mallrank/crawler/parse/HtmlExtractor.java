package com.mallrank.crawler.parse;

import com.mallrank.crawler.fetch.FetchResponse;
import com.mallrank.crawler.model.ResultPage;
import com.mallrank.crawler.profile.FieldName;
import com.mallrank.crawler.profile.FieldRule;
import com.mallrank.crawler.profile.Marker;
import com.mallrank.crawler.profile.ProfileMode;
import com.mallrank.crawler.profile.SiteProfile;
import com.mallrank.crawler.profile.SponsoredRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
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

  public HtmlExtractor(SiteProfile profile, ExtractOptions options) {
    this.profile = Objects.requireNonNull(profile, "profile");
    if (profile.mode() != ProfileMode.HTML) {
      throw new IllegalArgumentException("profile " + profile.id() + " is not an html profile");
    }
    this.classifier = new PageClassifier(profile.markers());
    this.assembler = new ResultAssembler(profile, Objects.requireNonNull(options, "options"));
  }

  @Override
  public ResultPage extract(FetchResponse response) {
    Document document = Jsoup.parse(response.body(), response.url());
    Optional<ResultPage> classified =
        classifier.classify(
            response,
            document::text,
            marker ->
                marker.kind() == Marker.Kind.SELECT && marker.locator().first(document) != null);
    if (classified.isPresent()) {
      return classified.get();
    }
    List<Element> cards = profile.cards().all(document);
    List<CardValues> values = new ArrayList<>(cards.size());
    for (Element card : cards) {
      if (!skipped(card)) {
        values.add(read(card));
      }
    }
    return assembler.assemble(response, values);
  }

  /** A tile that is not a listing (promo banner, placeholder) by the profile's skip-cards. */
  private boolean skipped(Element card) {
    for (Marker marker : profile.skipCards()) {
      boolean hit =
          marker.kind() == Marker.Kind.TEXT
              ? card.text().contains(marker.text())
              : marker.locator().first(card) != null;
      if (hit) {
        return true;
      }
    }
    return false;
  }

  private CardValues read(Element card) {
    CardValues values = new CardValues();
    for (Map.Entry<FieldName, FieldRule> field : profile.fields().entrySet()) {
      values.put(field.getKey(), value(card, field.getValue()));
    }
    values.sponsored(sponsored(card, profile.sponsored()));
    return values;
  }

  private static String value(Element card, FieldRule rule) {
    Element element = rule.locator().first(card);
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
    return applyRegex(raw, rule);
  }

  static String applyRegex(String raw, FieldRule rule) {
    if (raw == null || rule.regex() == null) {
      return raw;
    }
    Matcher matcher = rule.regex().matcher(raw);
    return matcher.find() ? matcher.group(1) : null;
  }

  private static boolean sponsored(Element card, SponsoredRule rule) {
    if (rule == null) {
      return false;
    }
    if (rule.locator() == null) {
      return card.text().contains(rule.text());
    }
    for (Element element : rule.locator().all(card)) {
      if (rule.text() == null || element.text().contains(rule.text())) {
        return true;
      }
    }
    return false;
  }
}
