package com.mallrank.kibana;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;

/**
 * The rules a panel breaks without Kibana saying so, each read from Kibana's own code (8.19, paths
 * in elastic/kibana). Kibana imports a panel that breaks one and draws something that looks right
 * and misleads; these are checked by {@link LensCheck}, {@link VegaCheck} and {@link
 * DashboardCheck}, and each has a seeded failing object in {@code SeededMistakesTest}.
 *
 * <ol>
 *   <li><b>A missing bucket needs the other bucket.</b> Lens sends a terms column's missing bucket
 *       only with its other bucket: {@code missingBucket: column.params.otherBucket &&
 *       column.params.missingBucket} in {@code toEsAggsFn} of
 *       x-pack/platform/plugins/shared/lens/public/datasources/form_based/operations/definitions/terms/index.tsx.
 *       Without it the documents lacking the field (competitors have no {@code matrix_account})
 *       fall in no bucket, and their rows are not in the table at all.
 *   <li><b>No empty rows with an auto interval over slot data.</b> A Lens date histogram sends
 *       {@code min_doc_count: includeEmptyRows ? 0 : 1} with {@code extendToTimeRange}
 *       (definitions/date_histogram.tsx, {@code toEsAggsFn}), and {@code auto} is the interval
 *       nearest {@code histogram:barTarget} (50) buckets over the time range
 *       (src/platform/plugins/shared/data/common/search/aggs/buckets/lib/time_buckets/calc_auto_interval.ts):
 *       30 minutes over 24 hours. Slots are hourly, so every other row is empty and a line with
 *       fitting {@code None} falls apart into dots.
 *   <li><b>Controls read the data view of the panels they filter.</b> An options list offers the
 *       values its own data view holds: the suggestions route searches {@code index} of the control
 *       and nothing else
 *       (src/platform/plugins/shared/controls/server/options_list/options_list_suggestions_route.ts).
 *       A control on the listings lacks every vantage that was blocked all day (blocked samples
 *       have no listings); the samples hold every keyword, vantage and profile sampled, ranked or
 *       not, so a dashboard showing samples reads its controls from them.
 *   <li><b>Rank axes inverted, best first.</b> Lens' XY state has no way to invert an axis ({@code
 *       XYState}, x-pack/platform/plugins/shared/lens/public/visualizations/xy/types.ts: extents
 *       and scales only), so a rank drawn by Lens puts rank 1 at the bottom and a climb reads as a
 *       fall. Ranks over time are Vega charts with {@code scale.reverse} on the rank axis; a terms
 *       agg ordered by a rank keeps the best (lowest) ranks: ascending.
 *   <li><b>Every dashboard has a profile control.</b> The profile (surface) is part of every
 *       sample's identity (docs/design.md): the same keyword and vantage sampled on two surfaces
 *       are two rankings, and a dashboard without an options list on {@code profile} mixes them.
 * </ol>
 */
final class PanelRules {

  /** Fields whose values are ranks: lower is better. */
  static final Set<String> RANK_FIELDS =
      Set.of(
          "position",
          "organic_rank",
          "rank_before",
          "rank_after",
          "organic_rank_before",
          "organic_rank_after",
          "best_position",
          "worst_position",
          "avg_position");

  /** Lens operations whose value is one of the field's values or an average of them. */
  private static final Set<String> RANK_OPERATIONS =
      Set.of("min", "max", "last_value", "median", "average", "percentile");

  /** The control field every dashboard filters by. */
  static final String PROFILE_FIELD = "profile";

  /** The template whose data view holds every sample, ranked or not. */
  static final String SAMPLES_TEMPLATE = "samples";

  private PanelRules() {}

  /** Whether a Lens column's value is a rank. */
  static boolean isRankColumn(JsonNode column) {
    return column != null
        && RANK_OPERATIONS.contains(column.path("operationType").asText())
        && RANK_FIELDS.contains(column.path("sourceField").asText());
  }
}
