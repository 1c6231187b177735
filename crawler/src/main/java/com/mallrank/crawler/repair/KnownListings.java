package com.mallrank.crawler.repair;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.mallrank.crawler.model.Listing;
import com.mallrank.crawler.model.SampleStatus;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The listings a profile read correctly before the page changed: the output of {@code mallrank
 * profile test --json} (the golden-fixture shape: {@code status}, {@code listings[]} with {@code
 * position}, {@code sponsored}, {@code product-id}, {@code title}, {@code shop-id}, {@code
 * shop-name}, {@code price} in yuan, {@code commission} in percent, {@code image}, {@code sales}).
 * Refused with a message naming the file and the listing when it is not that shape, when its status
 * produced no ranks, or when it is larger than {@value #MAX_LISTINGS} listings.
 */
public final class KnownListings {

  /** The most listings read from one file (a page holds at most 60). */
  public static final int MAX_LISTINGS = 1000;

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** The codes of the statuses that produce ranks, as {@code profile test --json} writes them. */
  private static final Set<String> RANKED =
      Arrays.stream(SampleStatus.values())
          .filter(SampleStatus::producesRanks)
          .map(SampleStatus::code)
          .collect(Collectors.toUnmodifiableSet());

  private KnownListings() {}

  /**
   * Reads the file's listings.
   *
   * @param source the file's name, for messages
   * @throws IllegalArgumentException naming the file and what is wrong
   */
  public static List<Listing> parse(String source, String json) {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException(source + ": not JSON (" + e.getOriginalMessage() + ")");
    } catch (IOException e) {
      throw new IllegalArgumentException(source + ": cannot be read (" + e.getMessage() + ")");
    }
    if (root == null || !root.isObject() || !root.path("listings").isArray()) {
      throw new IllegalArgumentException(
          source + ": not the output of `mallrank profile test --json` (no listings array)");
    }
    String status = root.path("status").asText("");
    if (!RANKED.contains(status)) {
      throw new IllegalArgumentException(
          source
              + ": status '"
              + status
              + "': the old profile did not read that page (only an ok or partial page's listings"
              + " can teach the repair)");
    }
    JsonNode listings = root.get("listings");
    if (listings.size() > MAX_LISTINGS) {
      throw new IllegalArgumentException(
          source + ": " + listings.size() + " listings (at most " + MAX_LISTINGS + ")");
    }
    List<Listing> known = new ArrayList<>(listings.size());
    for (int i = 0; i < listings.size(); i++) {
      JsonNode l = listings.get(i);
      String where = source + ": listings[" + i + "]";
      String id = text(l, "product-id");
      if (id == null) {
        throw new IllegalArgumentException(where + ": no product-id");
      }
      try {
        known.add(
            new Listing(
                i + 1,
                null,
                l.path("sponsored").asBoolean(false),
                id,
                text(l, "title"),
                text(l, "shop-id"),
                text(l, "shop-name"),
                number(l, "price"),
                number(l, "commission"),
                text(l, "image"),
                text(l, "sales")));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(where + ": price or commission is not a number");
      }
    }
    return known;
  }

  private static String text(JsonNode listing, String key) {
    JsonNode value = listing.get(key);
    if (value == null || value.isNull() || value.isContainerNode()) {
      return null;
    }
    String text = value.asText().strip();
    return text.isEmpty() ? null : text;
  }

  private static BigDecimal number(JsonNode listing, String key) {
    String text = text(listing, key);
    if (text == null) {
      return null;
    }
    if (text.length() > 64) {
      throw new NumberFormatException();
    }
    return new BigDecimal(text);
  }
}
