package com.mallrank.crawler.parse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.mallrank.crawler.body.BodyJson;
import com.mallrank.crawler.body.ResponseStream;
import com.mallrank.crawler.body.StreamFormatException;
import com.mallrank.crawler.fetch.FetchResponse;
import com.mallrank.crawler.model.ResultPage;
import com.mallrank.crawler.profile.FieldName;
import com.mallrank.crawler.profile.FieldRule;
import com.mallrank.crawler.profile.Marker;
import com.mallrank.crawler.profile.ProfileMode;
import com.mallrank.crawler.profile.SiteProfile;
import com.mallrank.crawler.profile.SponsoredRule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Extracts listings from a JSON document (an API response or a page-state object such as Taobao's
 * {@code g_page_config}) with a {@link ProfileMode#JSON} profile: {@code items} leads to the cards,
 * field paths are relative to an item. Numbers are read exactly (no double rounding), so 19-digit
 * ids and prices survive. Pure and thread-safe.
 */
public final class JsonExtractor implements Extractor {

  /** Exact, bounded numbers ({@link BodyJson}), as the capture documents were written. */
  private static final JsonMapper MAPPER = BodyJson.MAPPER;

  private final SiteProfile profile;
  private final PageClassifier classifier;
  private final ResultAssembler assembler;
  private final boolean asAccount;

  public JsonExtractor(SiteProfile profile, ExtractOptions options) {
    this.profile = Objects.requireNonNull(profile, "profile");
    if (profile.mode() != ProfileMode.JSON) {
      throw new IllegalArgumentException("profile " + profile.id() + " is not a json profile");
    }
    this.classifier = new PageClassifier(profile.markers());
    this.assembler = new ResultAssembler(profile, Objects.requireNonNull(options, "options"));
    this.asAccount = options.asAccount();
  }

  @Override
  public ResultPage extract(FetchResponse response) {
    byte[] bytes =
        response.bytes() != null
            ? response.bytes()
            : response.body().getBytes(StandardCharsets.UTF_8);
    JsonNode root = null;
    String parseError = null;
    String text = response.body();
    try {
      ResponseStream.Split split = ResponseStream.split(bytes, MAPPER);
      root = root(split, bytes);
      if (split != null && split.text() != null) {
        text = split.text();
      }
    } catch (JsonProcessingException e) {
      parseError = e.getOriginalMessage();
    } catch (StreamFormatException e) {
      parseError = e.getMessage();
    } catch (IOException e) {
      parseError = e.getMessage();
    }
    JsonNode document = root;
    String pageText = text;
    String notJson = parseError;
    java.util.function.Predicate<Marker> structural =
        marker -> document != null && matches(document, marker);
    ResultPage page =
        classifier
            .classify(response, pageText, () -> pageText, structural)
            .orElseGet(() -> listings(response, document, notJson));
    if (!asAccount) {
      return page;
    }
    String proofText = CaptureDocument.answersText(document, pageText);
    return classifier.unproven(page, response, proofText, () -> proofText, structural).orElse(page);
  }

  private ResultPage listings(FetchResponse response, JsonNode document, String parseError) {
    if (document == null || document.isMissingNode()) {
      return ResultPage.error(
          response.url(),
          response.httpStatus(),
          "body is not JSON: " + (parseError == null ? "empty body" : parseError));
    }
    Optional<ResultPage> nothingCaptured =
        CaptureDocument.nothingCaptured(profile, response, document);
    if (nothingCaptured.isPresent()) {
      return nothingCaptured.get();
    }
    // "items: a.b.list" names the array itself, "a.b.list[*]" its elements; a path reaching several
    // arrays (one per captured response: "responses[*].items") concatenates them in order.
    List<JsonNode> items = new ArrayList<>();
    for (JsonNode node : profile.cards().all(document)) {
      if (node.isArray()) {
        node.elements().forEachRemaining(items::add);
      } else {
        items.add(node);
      }
    }
    List<CardValues> values = new ArrayList<>(items.size());
    FieldRegexes regexes = new FieldRegexes();
    for (JsonNode item : items) {
      if (!skipped(item, profile.skipCards())) {
        values.add(read(item, regexes));
      }
    }
    List<String> cuts = CaptureDocument.cuts(document);
    if (!cuts.isEmpty() && values.isEmpty()) {
      return CaptureDocument.cutBeforeAnyCard(response, cuts);
    }
    return CaptureDocument.afterCuts(
        assembler.assemble(response, values, CaptureDocument.rest(profile, document)), cuts);
  }

  /**
   * The document a body reads as, parsed with the extractor's bounds: a streamed body (several
   * documents) as {@code {"responses": [...]}}, like a capture; a single document as itself.
   *
   * @throws IOException naming why the body is not JSON
   * @throws StreamFormatException when the body is framed as a stream but the framing is wrong
   */
  public static JsonNode document(byte[] bytes) throws IOException {
    return root(ResponseStream.split(bytes, MAPPER), bytes);
  }

  private static JsonNode root(ResponseStream.Split split, byte[] bytes) throws IOException {
    return split != null ? split.root(MAPPER) : MAPPER.readTree(bytes); // fails, naming why
  }

  /** A tile that is not a listing (promo banner, placeholder) by the profile's skip-cards. */
  static boolean skipped(JsonNode item, List<Marker> skipCards) {
    for (Marker marker : skipCards) {
      boolean hit =
          marker.kind() == Marker.Kind.TEXT
              ? item.toString().contains(marker.text())
              : matches(item, marker);
      if (marker.holds(hit)) {
        return true;
      }
    }
    return false;
  }

  private CardValues read(JsonNode item, FieldRegexes regexes) {
    CardValues values = new CardValues();
    for (Map.Entry<FieldName, FieldRule> field : profile.fields().entrySet()) {
      FieldRule rule = field.getValue();
      String raw;
      try {
        raw = firstScalar(rule, item);
      } catch (RefusedValueException e) {
        values.refuse(field.getKey(), e.reason());
        continue;
      }
      regexes.put(values, field.getKey(), rule, raw);
    }
    values.sponsored(sponsored(item, profile.sponsored()));
    return values;
  }

  /**
   * The first scalar the field's path reaches, as text: with alternatives ({@code a | b}) the first
   * alternative that reaches a value wins, so {@code img.url_list[0] | img} reads an image given
   * either as an object or as a plain URL.
   */
  static String firstScalar(FieldRule rule, JsonNode item) {
    for (JsonNode node : rule.locator().all(item)) {
      String text = text(node);
      if (text != null) {
        return text;
      }
    }
    return null;
  }

  private static boolean matches(JsonNode document, Marker marker) {
    if (marker.kind() == Marker.Kind.SELECT) {
      return CaptureDocument.selects(document, marker.locator()); // a capture's rendered page
    }
    if (marker.kind() != Marker.Kind.PATH) {
      return false;
    }
    return marker.locator().all(document).stream().anyMatch(node -> truthy(node, marker.text()));
  }

  static boolean sponsored(JsonNode item, SponsoredRule rule) {
    if (rule == null) {
      return false;
    }
    return rule.locator().all(item).stream().anyMatch(node -> truthy(node, rule.equals()));
  }

  /**
   * Equal to {@code expected} as text (a list or object as compact JSON, so {@code equals: "[]"}
   * tests for an empty list), or, without one, anything but false/0/""/[]/{}.
   */
  private static boolean truthy(JsonNode node, String expected) {
    if (expected != null) {
      try {
        return expected.equals(node.isContainerNode() ? node.toString() : text(node));
      } catch (RefusedValueException e) {
        return false; // a number out of bounds equals no expected value
      }
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    if (node.isNumber()) {
      return node.decimalValue().signum() != 0;
    }
    if (node.isContainerNode()) {
      return !node.isEmpty();
    }
    return !node.asText().isEmpty();
  }

  /**
   * A scalar as text, numbers in plain notation; {@code null} for absent nodes and containers.
   *
   * @throws RefusedValueException for a number whose plain form would be out of {@link ValueBounds}
   *     ({@code 1e999999999} would print a billion digits)
   */
  static String text(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode() || node.isContainerNode()) {
      return null;
    }
    if (node.isNumber()) {
      return ValueBounds.check(node.decimalValue()).toPlainString();
    }
    return node.asText();
  }
}
