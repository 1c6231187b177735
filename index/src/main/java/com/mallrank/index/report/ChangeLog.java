package com.mallrank.index.report;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.mapping.FieldType;
import com.mallrank.index.document.ChangeEvent;
import com.mallrank.index.schema.Fields;
import com.mallrank.index.schema.Filters;
import com.mallrank.index.schema.IndexNames;
import com.mallrank.index.schema.Searches;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The change log: stored change events filtered by keyword, shop, kind, vantage, product and slot
 * range, newest slot first, paged with {@code search_after} on (slot desc, keyword, vantage, kind,
 * product) — the event id's parts, so the order is total and pages never skip or repeat.
 */
final class ChangeLog extends ReportQuery {

  ChangeLog(ElasticsearchClient client, IndexNames names, String profile) {
    super(client, names, profile);
  }

  /**
   * Every event of the query, page by page ({@code search_after}), handed to {@code action} in the
   * log's order; only one page is held at a time.
   */
  void forEach(ChangeLogQuery query, Consumer<ChangeEvent> action) {
    for (ChangeLogPage page = page(query); ; page = page(query.after(page.next()))) {
      page.events().forEach(action);
      if (page.next() == null) {
        return;
      }
    }
  }

  /** One page of events. */
  ChangeLogPage page(ChangeLogQuery query) {
    Objects.requireNonNull(query, "query");
    ChangeLogPage.Cursor cursor = query.after();
    var response =
        Searches.search(
            client,
            names.changesAlias(),
            ChangeEvent.class,
            "Reading the change log failed",
            s -> {
              s.query(
                      Filters.bool(
                          b -> {
                            Filters.window(
                                b,
                                query.from(),
                                query.to(),
                                profile,
                                query.keywords(),
                                query.vantages());
                            Filters.optionalTerms(b, Fields.SHOP_ID, query.shopIds());
                            Filters.optionalTerms(b, Fields.KIND, query.kinds());
                            Filters.optionalTerms(b, Fields.PRODUCT_ID, query.productIds());
                          }))
                  .size(query.pageSize())
                  .sort(o -> o.field(f -> f.field(Fields.SLOT).order(SortOrder.Desc)))
                  .sort(o -> o.field(f -> f.field(Fields.KEYWORD)))
                  .sort(o -> o.field(f -> f.field(Fields.VANTAGE)))
                  .sort(o -> o.field(f -> f.field(Fields.KIND)))
                  .sort(o -> o.field(f -> f.field(Fields.PRODUCT_ID)))
                  .sort(o -> o.field(f -> f.field(Fields.PROFILE).unmappedType(FieldType.Keyword)));
              if (cursor != null) {
                s.searchAfter(
                    FieldValue.of(cursor.slotMillis()),
                    FieldValue.of(cursor.keyword()),
                    FieldValue.of(cursor.vantage()),
                    FieldValue.of(cursor.kind()),
                    FieldValue.of(cursor.productId()),
                    FieldValue.of(String.valueOf(cursor.profile())));
              }
              return s;
            });
    List<ChangeEvent> events = Searches.sources(response);
    ChangeLogPage.Cursor next = null;
    if (events.size() == query.pageSize()) {
      ChangeEvent last = events.get(events.size() - 1);
      next =
          new ChangeLogPage.Cursor(
              last.slot().toEpochMilli(),
              last.keyword(),
              last.vantage(),
              last.kind(),
              last.productId(),
              last.profile());
    }
    return new ChangeLogPage(events, next);
  }
}
