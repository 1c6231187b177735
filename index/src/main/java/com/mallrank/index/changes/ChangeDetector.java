package com.mallrank.index.changes;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.mallrank.index.document.ChangeEvent;
import com.mallrank.index.document.DocumentIds;
import com.mallrank.index.document.ListingDocument;
import com.mallrank.index.document.SampleDocument;
import com.mallrank.index.schema.Fields;
import com.mallrank.index.schema.Filters;
import com.mallrank.index.schema.IndexNames;
import com.mallrank.index.schema.Searches;
import com.mallrank.index.write.Snapshot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Detects change events for one sample, or every sample of a slot, and writes them to {@code
 * {prefix}-changes-yyyy.MM} (see {@link ListingDiff} for the rules).
 *
 * <p>A sample is compared only when it is ok or partial, with the <b>previous ok/partial sample</b>
 * of the same profile (surface), keyword and vantage: blocked, empty, login-wall, changed-layout
 * and failed samples in between are skipped over, so a blocked slot between two ok slots produces
 * nothing itself and the next ok slot is compared with the last ok one. No previous ranked sample
 * within {@link DetectionSettings#maxGap()} → no events. Each side loads at most {@link
 * DetectionSettings#depth()} positions; new shops are checked with one aggregation over the last
 * {@link DetectionSettings#newShopLookback()} ranked samples.
 *
 * <p>Idempotent: events have deterministic ids, and events an earlier run of the same sample wrote
 * that this run no longer produces (the slot was re-sampled, or is now blocked) are deleted. Search
 * sees refreshed data only: detect after the slot's samples were written and refreshed.
 *
 * <p>Every search here must be answered by every shard ({@code allow_partial_search_results:
 * false}): a shard that cannot answer (a node lost without a replica, a month's index whose shard
 * is still starting) would hide the previous slot's listings and turn them into "left Top-20"
 * events. Such a search fails instead, and so does the step; a restart detects again. Searches go
 * to the concrete monthly indices the compared slots are in, never the aliases: a later month's
 * index created ahead of time ({@code MonthlyIndices}) while this runs holds nothing compared here
 * and must not fail it while its shard starts.
 */
public final class ChangeDetector {

  private static final int SAMPLE_PAGE = 100;

  private final ElasticsearchClient client;
  private final IndexNames names;
  private final DetectionSettings settings;
  private final Clock clock;
  private final EventStore store;

  /**
   * @param refresh the refresh policy of the event writes ({@link Refresh#WaitFor} in tests)
   */
  public ChangeDetector(
      ElasticsearchClient client,
      IndexNames names,
      DetectionSettings settings,
      Clock clock,
      Refresh refresh) {
    this(client, client, names, settings, clock, refresh);
  }

  /**
   * Reads samples, listings and earlier events through {@code reads} and writes and deletes events
   * through {@code writes}: with split credentials the writer role cannot search ({@code mallrank
   * es roles}).
   *
   * @param refresh the refresh policy of the event writes ({@link Refresh#WaitFor} in tests)
   */
  public ChangeDetector(
      ElasticsearchClient reads,
      ElasticsearchClient writes,
      IndexNames names,
      DetectionSettings settings,
      Clock clock,
      Refresh refresh) {
    this.client = Objects.requireNonNull(reads, "reads");
    this.names = Objects.requireNonNull(names, "names");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.store =
        new EventStore(
            reads,
            Objects.requireNonNull(writes, "writes"),
            names,
            Objects.requireNonNull(refresh, "refresh"));
  }

  /** Detects and writes the events of one sample. A missing sample counts as skipped. */
  public DetectionResult detect(Instant slot, String profile, String keyword, String vantage) {
    Objects.requireNonNull(slot, "slot");
    Objects.requireNonNull(profile, "profile");
    Objects.requireNonNull(keyword, "keyword");
    Objects.requireNonNull(vantage, "vantage");
    SampleDocument sample = sample(slot, profile, keyword, vantage);
    List<ChangeEvent> events = sample == null ? null : eventsOf(sample);
    List<ChangeEvent> written = events == null ? List.of() : events;
    store.write(written);
    Set<String> ids = new HashSet<>();
    written.forEach(e -> ids.add(e.id()));
    long stale = store.deleteOthers(slot, profile, keyword, vantage, ids);
    return new DetectionResult(events == null ? 0 : 1, events == null ? 1 : 0, ids.size(), stale);
  }

  /**
   * Detects and writes the events of every sample of the slot, {@value #SAMPLE_PAGE} samples per
   * page and one bulk request per page.
   */
  public DetectionResult detectSlot(Instant slot) {
    return detectSlot(slot, null);
  }

  /**
   * Detects and writes the events of the samples of the slot that served one keyword group (its
   * job's samples: other groups sampled in the same slot are theirs to detect), {@value
   * #SAMPLE_PAGE} samples per page and one bulk request per page. Stale events are removed for the
   * group's profiles, keywords and vantages only.
   *
   * @param group the keyword group, or {@code null} for every sample of the slot
   */
  public DetectionResult detectSlot(Instant slot, String group) {
    Objects.requireNonNull(slot, "slot");
    DetectionResult total = new DetectionResult(0, 0, 0, 0);
    Set<String> ids = new HashSet<>();
    Set<String> profiles = new HashSet<>();
    Set<String> keywords = new HashSet<>();
    Set<String> vantages = new HashSet<>();
    for (List<Hit<SampleDocument>> page : samplesOfSlot(slot, group)) {
      List<ChangeEvent> pageEvents = new ArrayList<>();
      int compared = 0;
      for (Hit<SampleDocument> hit : page) {
        SampleDocument sample = hit.source();
        profiles.add(sample.profile());
        keywords.add(sample.keyword());
        vantages.add(sample.vantage());
        List<ChangeEvent> events = eventsOf(sample);
        if (events != null) {
          compared++;
          pageEvents.addAll(events);
        }
      }
      store.write(pageEvents);
      pageEvents.forEach(e -> ids.add(e.id()));
      total =
          total.plus(new DetectionResult(compared, page.size() - compared, pageEvents.size(), 0));
    }
    long stale;
    if (group == null) {
      stale = store.deleteOthers(slot, (String) null, null, null, ids);
    } else {
      // none of the group's samples: none of its events to keep or remove
      stale = keywords.isEmpty() ? 0 : store.deleteOthers(slot, profiles, keywords, vantages, ids);
    }
    return total.plus(new DetectionResult(0, 0, 0, stale));
  }

  /** The events of one sample, or {@code null} when it is not compared. */
  private List<ChangeEvent> eventsOf(SampleDocument current) {
    if (!current.producesRanks()) {
      return null;
    }
    List<Instant> earlier = earlierRankedSlots(current);
    if (earlier.isEmpty()) {
      return null;
    }
    Instant previousSlot = earlier.get(0);
    SampleDocument previous =
        sample(previousSlot, current.profile(), current.keyword(), current.vantage());
    if (previous == null || !previous.producesRanks()) {
      return null;
    }
    List<ListingDocument> beforeRows = new ArrayList<>();
    List<ListingDocument> afterRows = new ArrayList<>();
    for (ListingDocument l : listings(current, previousSlot)) {
      (l.slot().equals(previousSlot) ? beforeRows : afterRows).add(l);
    }
    Snapshot before = new Snapshot(previous, beforeRows);
    Snapshot after = new Snapshot(current, afterRows);
    Set<String> shopsNow = new LinkedHashSet<>();
    afterRows.stream()
        .filter(l -> !l.own() && l.shopId() != null)
        .forEach(l -> shopsNow.add(l.shopId()));
    Set<String> seen = shopsSeen(current, earlier, shopsNow);
    return ListingDiff.compare(before, after, seen, clock.instant());
  }

  private SampleDocument sample(Instant slot, String profile, String keyword, String vantage) {
    try {
      var response =
          client.get(
              g ->
                  g.index(names.samplesIndex(slot))
                      .id(DocumentIds.sample(slot, profile, keyword, vantage)),
              SampleDocument.class);
      return response.found() ? response.source() : null;
    } catch (ElasticsearchException e) {
      if (e.status() == 404) {
        return null;
      }
      throw e;
    } catch (IOException e) {
      throw new UncheckedIOException("Reading sample " + slot + " " + keyword + " failed", e);
    }
  }

  /** Slots of the latest ranked samples before the current one, newest first. */
  private List<Instant> earlierRankedSlots(SampleDocument current) {
    Instant from = current.slot().minus(settings.maxGap());
    Query query =
        Filters.bool(
            b ->
                series(b, current)
                    .filter(Filters.ranked())
                    .filter(Filters.range(Fields.SLOT, from, current.slot())));
    SearchResponse<Void> response =
        Searches.search(
            client,
            names.samplesIndices(from, current.slot()),
            Void.class,
            "Searching earlier samples failed",
            s ->
                s.allowPartialSearchResults(false)
                    .query(query)
                    .source(src -> src.fetch(false))
                    .size(settings.newShopLookback())
                    .sort(o -> o.field(f -> f.field(Fields.SLOT).order(SortOrder.Desc))));
    List<Instant> slots = new ArrayList<>();
    for (Hit<Void> hit : response.hits().hits()) {
      slots.add(Instant.ofEpochMilli(hit.sort().get(0).longValue()));
    }
    return slots;
  }

  private List<ListingDocument> listings(SampleDocument current, Instant previousSlot) {
    Query query =
        Filters.bool(
            b ->
                series(b, current)
                    .filter(Filters.slots(List.of(previousSlot, current.slot())))
                    .filter(Filters.atMost(Fields.POSITION, settings.depth())));
    return Searches.sources(
        Searches.search(
            client,
            names.listingsIndices(previousSlot, current.slot()),
            ListingDocument.class,
            "Loading listings of " + current.id() + " failed",
            s ->
                s.allowPartialSearchResults(false)
                    .query(query)
                    .size(2 * settings.depth())
                    .sort(o -> o.field(f -> f.field(Fields.SLOT)))
                    .sort(o -> o.field(f -> f.field(Fields.POSITION)))));
  }

  /** Which of the current competitor shops appear in any listing of the earlier ranked samples. */
  private Set<String> shopsSeen(
      SampleDocument current, List<Instant> earlier, Set<String> shopsNow) {
    if (shopsNow.isEmpty()) {
      return Set.of();
    }
    Query query =
        Filters.bool(
            b ->
                series(b, current)
                    .filter(Filters.slots(earlier))
                    .filter(Filters.terms(Fields.SHOP_ID, shopsNow)));
    var response =
        Searches.search(
            client,
            names.listingsIndices(earlier.get(earlier.size() - 1), earlier.get(0)),
            Void.class,
            "Looking up earlier shops failed",
            s ->
                s.allowPartialSearchResults(false)
                    .size(0)
                    .query(query)
                    .aggregations(
                        "shops", a -> a.terms(t -> t.field(Fields.SHOP_ID).size(shopsNow.size()))));
    Set<String> seen = new HashSet<>();
    response
        .aggregations()
        .get("shops")
        .sterms()
        .buckets()
        .array()
        .forEach(b -> seen.add(b.key().stringValue()));
    return seen;
  }

  /**
   * Adds the filters of the current sample's series (its keyword, vantage and profile), the samples
   * and listings it is compared with.
   */
  private static BoolQuery.Builder series(BoolQuery.Builder b, SampleDocument current) {
    return b.filter(Filters.term(Fields.KEYWORD, current.keyword()))
        .filter(Filters.term(Fields.VANTAGE, current.vantage()))
        .filter(Filters.term(Fields.PROFILE, current.profile()));
  }

  /** The samples of the slot (of one group, unless {@code null}), {@value #SAMPLE_PAGE} a page. */
  private Iterable<List<Hit<SampleDocument>>> samplesOfSlot(Instant slot, String group) {
    Query query =
        Filters.bool(
            b -> {
              b.filter(Filters.term(Fields.SLOT, slot.toString()));
              if (group != null) {
                b.filter(Filters.term(Fields.GROUP, group));
              }
            });
    return Searches.pages(
        client,
        List.of(names.samplesIndex(slot)),
        SampleDocument.class,
        "Listing samples of " + slot + " failed",
        SAMPLE_PAGE,
        s ->
            s.allowPartialSearchResults(false)
                .query(query)
                .sort(o -> o.field(f -> f.field(Fields.KEYWORD)))
                .sort(o -> o.field(f -> f.field(Fields.VANTAGE)))
                .sort(o -> o.field(f -> f.field(Fields.PROFILE))));
  }
}
