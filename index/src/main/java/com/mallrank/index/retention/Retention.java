package com.mallrank.index.retention;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.aggregations.CalendarInterval;
import co.elastic.clients.elasticsearch._types.aggregations.CompositeBucket;
import co.elastic.clients.elasticsearch._types.mapping.FieldType;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.mallrank.index.document.DailySummary;
import com.mallrank.index.schema.Composites;
import com.mallrank.index.schema.Fields;
import com.mallrank.index.schema.Filters;
import com.mallrank.index.schema.IndexNames;
import com.mallrank.index.schema.Searches;
import com.mallrank.index.write.BulkResponses;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Keeps raw listings for a while, and a daily summary of them for good.
 *
 * <ol>
 *   <li>The cutoff is the UTC midnight {@code keep} (default {@value #DEFAULT_KEEP_DAYS} days)
 *       before now.
 *   <li>Every UTC day before the cutoff that still has raw listings and has no daily summary yet is
 *       summarised into {@code {prefix}-daily-yyyy}: one {@link DailySummary} per (day, profile,
 *       keyword, vantage, product) from a paged {@code composite} aggregation (min/max/avg
 *       position, cardinality of slots, the day's last observation by {@code top_hits}). Ids are
 *       deterministic. When writing a day fails, the summaries of that day already written are
 *       deleted again, so a day is either summarised completely or not at all.
 *   <li>Then raw listings before the cutoff are deleted: a monthly index whose month ends on or
 *       before the cutoff is deleted whole; otherwise the old documents are found page by page
 *       ({@code search_after}) and deleted in bulk (the server has no delete-by-query).
 * </ol>
 *
 * <p>Change events and samples are kept. Reports over old days: {@code RankHistory} reads daily
 * summaries for days without raw listings; the change log, rank-drop explanations and sampling
 * health work as before (events and samples are kept); Top-20, slot comparison, vantage spread,
 * change detection and coverage need raw listings and see nothing before the cutoff.
 */
public final class Retention {

  /** The default number of days raw listings are kept. */
  public static final int DEFAULT_KEEP_DAYS = 35;

  private static final int PAGE = 5_000;

  private final ElasticsearchClient client;
  private final IndexNames names;
  private final Clock clock;
  private final Refresh refresh;

  /**
   * @param refresh the refresh policy of summary writes and deletes ({@link Refresh#WaitFor} in
   *     tests)
   */
  public Retention(ElasticsearchClient client, IndexNames names, Clock clock, Refresh refresh) {
    this.client = Objects.requireNonNull(client, "client");
    this.names = Objects.requireNonNull(names, "names");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.refresh = Objects.requireNonNull(refresh, "refresh");
  }

  /** Keeps {@value #DEFAULT_KEEP_DAYS} days. */
  public RetentionResult run() {
    return run(Duration.ofDays(DEFAULT_KEEP_DAYS));
  }

  /** Keeps raw listings of the last {@code keep}, rounded down to a UTC midnight. */
  public RetentionResult run(Duration keep) {
    Instant cutoff = clock.instant().minus(keep).truncatedTo(ChronoUnit.DAYS);
    return runBefore(cutoff);
  }

  /** Summarises and deletes listings with slots before {@code cutoff} (a UTC midnight). */
  public RetentionResult runBefore(Instant cutoff) {
    if (!cutoff.truncatedTo(ChronoUnit.DAYS).equals(cutoff)) {
      throw new IllegalArgumentException("the cutoff must be a UTC midnight, got " + cutoff);
    }
    TreeSet<LocalDate> raw = days(names.listingsAlias(), Fields.SLOT, cutoff);
    TreeSet<LocalDate> summarised = days(names.dailyAlias(), Fields.DAY, cutoff);
    List<LocalDate> todo = raw.stream().filter(d -> !summarised.contains(d)).toList();
    long written = 0;
    for (LocalDate day : todo) {
      written += summarise(day);
    }
    if (!todo.isEmpty()) {
      refresh(names.dailyAlias());
    }
    List<String> deletedIndices = new ArrayList<>();
    long deleted = deleteBefore(cutoff, deletedIndices);
    return new RetentionResult(cutoff, todo, written, deletedIndices, deleted);
  }

  private TreeSet<LocalDate> days(String alias, String field, Instant cutoff) {
    TreeSet<LocalDate> days = new TreeSet<>();
    try {
      var response =
          client.search(
              s ->
                  s.index(alias)
                      .ignoreUnavailable(true)
                      .allowNoIndices(true)
                      .size(0)
                      .query(
                          q ->
                              q.range(
                                  r ->
                                      r.date(
                                          d ->
                                              d.field(field)
                                                  .lt(cutoff.toString())
                                                  .format("strict_date_optional_time"))))
                      .aggregations(
                          "days",
                          a ->
                              a.dateHistogram(
                                  h ->
                                      h.field(field)
                                          .calendarInterval(CalendarInterval.Day)
                                          .minDocCount(1))),
              Void.class);
      var agg = response.aggregations().get("days");
      if (agg != null) {
        agg.dateHistogram()
            .buckets()
            .array()
            .forEach(
                b -> days.add(LocalDate.ofInstant(Instant.ofEpochMilli(b.key()), ZoneOffset.UTC)));
      }
      return days;
    } catch (IOException e) {
      throw new UncheckedIOException("Listing days of " + alias + " failed", e);
    }
  }

  private long summarise(LocalDate day) {
    Instant start = day.atStartOfDay(ZoneOffset.UTC).toInstant();
    Instant end = start.plus(1, ChronoUnit.DAYS);
    Query query = Filters.range(Fields.SLOT, start, end);
    String index = names.dailyIndex(day);
    List<String> writtenIds = new ArrayList<>();
    try {
      new Composites(client, names.listingsAlias(), query)
          .terms(Fields.PROFILE)
          .terms(Fields.KEYWORD)
          .terms(Fields.VANTAGE)
          .terms(Fields.PRODUCT_ID)
          .pageSize(PAGE)
          .sub("best", Aggregation.of(m -> m.min(x -> x.field(Fields.POSITION))))
          .sub("worst", Aggregation.of(m -> m.max(x -> x.field(Fields.POSITION))))
          .sub("avg", Aggregation.of(m -> m.avg(x -> x.field(Fields.POSITION))))
          .sub(
              "slots",
              Aggregation.of(
                  m -> m.cardinality(x -> x.field(Fields.SLOT).precisionThreshold(1_000))))
          .sub(
              "last",
              Composites.newestListing(
                  Fields.PRICE_FEN, Fields.COMMISSION_BP, Fields.MATRIX_ACCOUNT, Fields.GROUP))
          .forEachPage(buckets -> write(index, day, buckets, writtenIds));
      return writtenIds.size();
    } catch (UncheckedIOException e) {
      undo(index, writtenIds, e.getCause());
      throw new UncheckedIOException("Summarising " + day + " failed", e.getCause());
    } catch (RuntimeException e) {
      undo(index, writtenIds, e);
      throw e;
    }
  }

  /** Writes one page of summaries of {@code day}, noting their ids in {@code writtenIds}. */
  private void write(
      String index, LocalDate day, List<CompositeBucket> buckets, List<String> writtenIds) {
    List<BulkOperation> operations = new ArrayList<>();
    for (CompositeBucket b : buckets) {
      DailySummary summary = summary(day, b);
      writtenIds.add(summary.id());
      operations.add(
          BulkOperation.of(o -> o.index(i -> i.index(index).id(summary.id()).document(summary))));
    }
    if (operations.isEmpty()) {
      return;
    }
    try {
      BulkResponses.requireAllSucceeded(client.bulk(x -> x.operations(operations)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static DailySummary summary(LocalDate day, CompositeBucket b) {
    var aggs = b.aggregations();
    JsonObject source = Composites.firstSource(b, "last");
    return new DailySummary(
        day,
        b.key().get(Fields.KEYWORD).stringValue(),
        source.containsKey(Fields.GROUP) ? source.getString(Fields.GROUP) : null,
        b.key().get(Fields.VANTAGE).stringValue(),
        b.key().get(Fields.PRODUCT_ID).stringValue(),
        source.containsKey(Fields.MATRIX_ACCOUNT) ? source.getString(Fields.MATRIX_ACCOUNT) : null,
        (int) aggs.get("best").min().value(),
        (int) aggs.get("worst").max().value(),
        aggs.get("avg").avg().value(),
        (int) aggs.get("slots").cardinality().value(),
        source.containsKey(Fields.PRICE_FEN)
            ? source.getJsonNumber(Fields.PRICE_FEN).longValue()
            : null,
        source.containsKey(Fields.COMMISSION_BP) ? source.getInt(Fields.COMMISSION_BP) : null,
        b.key().get(Fields.PROFILE).stringValue());
  }

  private void undo(String index, List<String> ids, Exception cause) {
    if (ids.isEmpty()) {
      return;
    }
    try {
      List<BulkOperation> deletes = new ArrayList<>();
      ids.forEach(id -> deletes.add(BulkOperation.of(o -> o.delete(d -> d.index(index).id(id)))));
      BulkResponses.requireAllSucceeded(client.bulk(x -> x.operations(deletes)));
    } catch (IOException | RuntimeException e) {
      cause.addSuppressed(e);
    }
  }

  private long deleteBefore(Instant cutoff, List<String> deletedIndices) {
    long deleted = 0;
    try {
      List<String> indices =
          new ArrayList<>(
              client
                  .indices()
                  .get(
                      g ->
                          g.index(names.listingsPattern())
                              .ignoreUnavailable(true)
                              .allowNoIndices(true))
                  .result()
                  .keySet());
      indices.sort(null);
      for (String index : indices) {
        YearMonth month = names.listingsIndexMonth(index);
        if (month == null) {
          continue;
        }
        Instant monthStart = month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant monthEnd = month.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        if (!monthEnd.isAfter(cutoff)) {
          deleted += client.count(c -> c.index(index)).count();
          client.indices().delete(d -> d.index(index));
          deletedIndices.add(index);
        } else if (monthStart.isBefore(cutoff)) {
          deleted += deleteDocuments(index, cutoff);
        }
      }
      return deleted;
    } catch (IOException e) {
      throw new UncheckedIOException("Deleting listings before " + cutoff + " failed", e);
    }
  }

  private long deleteDocuments(String index, Instant cutoff) throws IOException {
    long deleted = 0;
    Iterable<List<Hit<Void>>> pages =
        Searches.pages(
            client,
            List.of(index),
            Void.class,
            "Deleting listings before " + cutoff + " failed",
            PAGE,
            s ->
                s.query(Filters.before(Fields.SLOT, cutoff))
                    .source(src -> src.fetch(false))
                    .sort(o -> o.field(f -> f.field(Fields.SLOT)))
                    .sort(o -> o.field(f -> f.field(Fields.KEYWORD)))
                    .sort(o -> o.field(f -> f.field(Fields.VANTAGE)))
                    .sort(o -> o.field(f -> f.field(Fields.POSITION)))
                    .sort(
                        o ->
                            o.field(f -> f.field(Fields.PROFILE).unmappedType(FieldType.Keyword))));
    for (List<Hit<Void>> hits : pages) {
      if (!hits.isEmpty()) {
        List<BulkOperation> deletes = new ArrayList<>();
        hits.forEach(
            h -> deletes.add(BulkOperation.of(o -> o.delete(d -> d.index(index).id(h.id())))));
        BulkResponses.requireAllSucceeded(client.bulk(x -> x.operations(deletes).refresh(refresh)));
        deleted += hits.size();
      }
    }
    return deleted;
  }

  private void refresh(String alias) {
    try {
      client.indices().refresh(r -> r.index(alias).ignoreUnavailable(true).allowNoIndices(true));
    } catch (IOException e) {
      throw new UncheckedIOException("Refreshing " + alias + " failed", e);
    }
  }
}
