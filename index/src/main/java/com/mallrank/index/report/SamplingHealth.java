package com.mallrank.index.report;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import com.mallrank.index.document.SampleStatus;
import com.mallrank.index.schema.Composites;
import com.mallrank.index.schema.Fields;
import com.mallrank.index.schema.Filters;
import com.mallrank.index.schema.IndexNames;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Is sampling healthy? Samples by status per slot, per vantage and per keyword over a window (three
 * paged {@code composite} aggregations over the samples), the expected slots that have no sample at
 * all (the scheduler did not run, or nothing was written), and, when some sample turned {@code
 * layout_changed}, its keywords with what a repair needs ({@link LayoutChanges}).
 */
final class SamplingHealth extends ReportQuery {

  SamplingHealth(ElasticsearchClient client, IndexNames names, String profile) {
    super(client, names, profile);
  }

  /**
   * Runs the report over [from, to).
   *
   * @param expectedSlots the slots the schedule should have sampled (any order; those outside the
   *     window are ignored)
   */
  SamplingHealthReport run(Instant from, Instant to, Collection<Instant> expectedSlots) {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Query window =
        Filters.bool(
            b -> {
              b.filter(Filters.range(Fields.SLOT, from, to));
              Filters.profile(b, profile);
            });
    Map<Instant, Map<String, Long>> bySlot =
        byStatus(window, Fields.SLOT, b -> Instant.ofEpochMilli(Long.parseLong(b)));
    Map<String, Map<String, Long>> byVantage =
        byStatus(window, Fields.VANTAGE, Function.identity());
    Map<String, Map<String, Long>> byKeyword =
        byStatus(window, Fields.KEYWORD, Function.identity());
    TreeSet<Instant> missed = new TreeSet<>();
    for (Instant slot : expectedSlots) {
      if (!slot.isBefore(from) && slot.isBefore(to) && !bySlot.containsKey(slot)) {
        missed.add(slot);
      }
    }
    List<LayoutChangeRow> layoutChanges =
        bySlot.values().stream().anyMatch(s -> s.containsKey(SampleStatus.LAYOUT_CHANGED))
            ? new LayoutChanges(client, names, profile).run(from, to)
            : List.of();
    return new SamplingHealthReport(
        bySlot, byVantage, byKeyword, new ArrayList<>(missed), layoutChanges);
  }

  private <K extends Comparable<K>> Map<K, Map<String, Long>> byStatus(
      Query window, String field, Function<String, K> key) {
    Map<K, Map<String, Long>> result = new TreeMap<>();
    new Composites(client, names.samplesAlias(), window)
        .terms(field)
        .terms(Fields.STATUS)
        .forEach(
            b -> {
              var value = b.key().get(field);
              String text = value.isLong() ? Long.toString(value.longValue()) : value.stringValue();
              result
                  .computeIfAbsent(key.apply(text), k -> new TreeMap<>())
                  .put(Composites.string(b, Fields.STATUS), b.docCount());
            });
    return result;
  }

  /**
   * Every slot from {@code from} (inclusive) to {@code to} (exclusive) in steps of {@code step}.
   */
  static List<Instant> slots(Instant from, Instant to, java.time.Duration step) {
    List<Instant> slots = new ArrayList<>();
    for (Instant s = from; s.isBefore(to); s = s.plus(step)) {
      slots.add(s);
    }
    return slots;
  }
}
