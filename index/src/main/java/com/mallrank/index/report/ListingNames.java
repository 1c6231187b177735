package com.mallrank.index.report;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.mallrank.index.schema.Composites;
import com.mallrank.index.schema.Fields;
import com.mallrank.index.schema.Filters;
import com.mallrank.index.schema.IndexNames;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The title and shop a product was last shown with (before a time; its best-placed card of that
 * slot), so a report names a listing by its title rather than by its 19-digit product id: one paged
 * {@code composite} aggregation over the products with a {@code top_hits} of the latest listing. A
 * product whose raw listings retention deleted has no name (the report then shows its id).
 */
final class ListingNames extends ReportQuery {

  /** A product's latest title and shop name (either may be {@code null}). */
  record Name(String title, String shopName) {}

  private static final int CHUNK = 1_000;

  ListingNames(ElasticsearchClient client, IndexNames names, String profile) {
    super(client, names, profile);
  }

  /** The latest name of each product seen before {@code until}; products never seen are absent. */
  Map<String, Name> latest(Collection<String> productIds, Instant until) {
    Map<String, Name> result = new HashMap<>();
    List<String> ids = new ArrayList<>(new java.util.TreeSet<>(productIds));
    for (int from = 0; from < ids.size(); from += CHUNK) {
      List<String> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
      new Composites(
              client,
              names.listingsAlias(),
              Filters.bool(
                  b -> {
                    b.filter(Filters.terms(Fields.PRODUCT_ID, chunk))
                        .filter(Filters.before(Fields.SLOT, until));
                    Filters.profile(b, profile);
                  }))
          .terms(Fields.PRODUCT_ID)
          .sub("latest", Composites.newestListing(Fields.TITLE, Fields.SHOP_NAME))
          .forEach(
              b -> {
                JsonObject source = Composites.firstSource(b, "latest");
                result.put(
                    Composites.string(b, Fields.PRODUCT_ID),
                    new Name(text(source, Fields.TITLE), text(source, Fields.SHOP_NAME)));
              });
    }
    return result;
  }

  private static String text(JsonObject source, String field) {
    return source.containsKey(field) && !source.isNull(field) ? source.getString(field) : null;
  }
}
