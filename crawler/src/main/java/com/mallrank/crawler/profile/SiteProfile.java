package com.mallrank.crawler.profile;

import com.mallrank.crawler.politeness.AddressGuard;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One site's extraction rules, loaded from YAML by {@link SiteProfiles}. Immutable and thread-safe.
 *
 * @param id the profile id (file name without {@code .yml} for built-ins), e.g. {@code
 *     sandbox-static}
 * @param name a human-readable name
 * @param mode HTML (CSS selectors) or JSON (paths)
 * @param search how to build the search URL
 * @param expectCards whether a loaded page without cards and without an empty marker is a layout
 *     change ({@code true}, default) or simply empty ({@code false})
 * @param cards HTML: the selector of the result cards; JSON: the path to the items
 * @param skipCards tests for cards that are not listings (promo tiles, placeholders); a matching
 *     card is dropped before positions are counted
 * @param dedupe whether a card repeating an earlier card's product id is dropped before positions
 *     are counted ({@code dedupe: product-id}: streamed pages and scrolled lists that send the
 *     first screen again); the first occurrence keeps its place
 * @param fields the field rules; {@link FieldName#PRODUCT_ID} is always present
 * @param sponsored how to recognise sponsored cards, or {@code null} when the site has none
 * @param markers blocked / login / empty markers
 * @param fetch how pages are fetched: static (default) or rendered in a browser
 * @param login how to log in by QR code, or {@code null} when the profile does not say
 * @param source where the profile was loaded from (file path or {@code classpath:...})
 */
public record SiteProfile(
    String id,
    String name,
    ProfileMode mode,
    SearchSettings search,
    boolean expectCards,
    Locator cards,
    List<Marker> skipCards,
    boolean dedupe,
    Map<FieldName, FieldRule> fields,
    SponsoredRule sponsored,
    Markers markers,
    FetchRule fetch,
    LoginRule login,
    String source) {

  public SiteProfile {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(search, "search");
    Objects.requireNonNull(cards, "cards");
    skipCards = List.copyOf(skipCards);
    fields = Map.copyOf(fields);
    if (!fields.containsKey(FieldName.PRODUCT_ID)) {
      throw new IllegalArgumentException("a profile needs a product-id field");
    }
    Objects.requireNonNull(markers, "markers");
    Objects.requireNonNull(fetch, "fetch");
    Objects.requireNonNull(source, "source");
  }

  /**
   * The guard of this profile's pages: the search allow-list for what is fetched and navigated to,
   * and for a browser page's own requests also {@code fetch.subrequest-hosts}.
   */
  public AddressGuard guard() {
    return search.guard().withSubrequestHosts(fetch.subrequestHosts());
  }

  /** The rule for a field, or {@code null} when the profile does not extract it. */
  public FieldRule field(FieldName name) {
    return fields.get(name);
  }
}
