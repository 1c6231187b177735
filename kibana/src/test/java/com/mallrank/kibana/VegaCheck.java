package com.mallrank.kibana;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A Vega (Vega-Lite) visualization against the data views and the rules of {@link PanelRules}: its
 * Elasticsearch requests ({@code data.url}) name an index that is a data view of the file, take the
 * dashboard's context and time field ({@code %context%}, {@code %timefield%}: without them the
 * controls do nothing), and aggregate fields that exist with a type the aggregation can use; a
 * chart that aggregates a rank draws it on a reversed axis (rank 1 on top) and orders terms by a
 * rank ascending. How Kibana turns {@code data.url} into a search:
 * src/platform/plugins/private/vis_types/vega/public/data_model/es_query_parser.ts ({@code
 * %context%} and {@code %timefield%} must not be combined with {@code body.query}). The spec must
 * be JSON here (Kibana also reads HJSON).
 */
final class VegaCheck {

  private static final Set<String> FIELD_AGGS =
      Set.of("terms", "min", "max", "avg", "sum", "cardinality", "percentiles", "date_histogram");
  private static final Set<String> RANK_METRICS = Set.of("min", "max", "avg", "percentiles");

  private VegaCheck() {}

  static boolean isVega(JsonNode attributes) {
    return visState(attributes).path("type").asText().equals("vega");
  }

  private static JsonNode visState(JsonNode attributes) {
    try {
      return SavedObjectsCheck.readJson(attributes.path("visState").asText("{}"));
    } catch (IllegalArgumentException e) {
      return SavedObjectsCheck.readJson("{}");
    }
  }

  /** The spec, or null when it is not JSON. */
  static JsonNode spec(JsonNode attributes) {
    try {
      return SavedObjectsCheck.readJson(visState(attributes).path("params").path("spec").asText());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** The data objects of the spec that query Elasticsearch. */
  static List<JsonNode> esData(JsonNode spec) {
    List<JsonNode> data = new ArrayList<>();
    JsonNode all = spec.path("data");
    for (JsonNode d : all.isArray() ? all : List.of(all)) {
      if (d.path("url").path("index").isTextual()) {
        data.add(d);
      }
    }
    return data;
  }

  /** The indices (data view titles) the chart searches. */
  static List<String> indices(JsonNode attributes) {
    JsonNode spec = spec(attributes);
    List<String> indices = new ArrayList<>();
    if (spec != null) {
      esData(spec).forEach(d -> indices.add(d.path("url").path("index").asText()));
    }
    return indices;
  }

  static void check(JsonNode attributes, SavedObjectsCheck.FieldUse use) {
    JsonNode spec = spec(attributes);
    if (spec == null) {
      use.problem("the Vega spec is not JSON");
      return;
    }
    boolean ranks = false;
    for (JsonNode data : esData(spec)) {
      JsonNode url = data.path("url");
      String index = url.path("index").asText();
      String view = use.viewIdsByTitle().get(index);
      if (view == null) {
        use.problem("Vega data index '" + index + "' is no data view of this file");
        continue;
      }
      boolean context = url.path("%context%").asBoolean(false);
      if (!context) {
        use.problem(
            "Vega data of '" + index + "' without %context%: true ignores the dashboard controls");
      }
      if (url.path("body").has("query") && (url.has("%context%") || url.has("%timefield%"))) {
        use.problem("Vega data of '" + index + "': body.query together with %context%/%timefield%");
      }
      String timefield = url.path("%timefield%").asText("");
      if (timefield.isEmpty()) {
        use.problem("Vega data of '" + index + "' without %timefield%: the time picker is ignored");
      } else {
        SavedObjectsCheck.FieldType type = use.require(view, timefield, "%timefield%");
        if (type != null && !type.date()) {
          use.problem("%timefield% '" + timefield + "' is " + type.type() + ", not date");
        }
      }
      ranks |= checkAggs(url.path("body").path("aggs"), view, use);
    }
    if (ranks) {
      List<JsonNode> ys = new ArrayList<>();
      collectY(spec, ys);
      for (JsonNode y : ys) {
        if (!y.path("scale").path("reverse").asBoolean(false)) {
          use.problem(
              "the y axis '"
                  + y.path("field").asText()
                  + "' of a rank is not reversed: rank 1 must be on top (scale.reverse: true)");
        }
      }
    }
  }

  /** Checks an {@code aggs} object; returns whether any aggregation computes a rank. */
  private static boolean checkAggs(JsonNode aggs, String view, SavedObjectsCheck.FieldUse use) {
    boolean ranks = false;
    for (Iterator<Map.Entry<String, JsonNode>> it = aggs.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> agg = it.next();
      for (Iterator<Map.Entry<String, JsonNode>> kinds = agg.getValue().fields();
          kinds.hasNext(); ) {
        Map.Entry<String, JsonNode> kind = kinds.next();
        String type = kind.getKey();
        JsonNode params = kind.getValue();
        String where = "Vega agg '" + agg.getKey() + "' (" + type + ")";
        if (FIELD_AGGS.contains(type)) {
          String field = params.path("field").asText("");
          SavedObjectsCheck.FieldType fieldType = use.requireAggregatable(view, field, where);
          if (type.equals("date_histogram") && fieldType != null && !fieldType.date()) {
            use.problem(where + ": date_histogram on '" + field + "', a " + fieldType.type());
          }
          if (RANK_METRICS.contains(type) && PanelRules.RANK_FIELDS.contains(field)) {
            ranks = true;
          }
        } else if (type.equals("filter")) {
          List<String> fields = new ArrayList<>();
          queryFields(params, fields);
          fields.forEach(field -> use.require(view, field, where));
        } else if (type.equals("top_hits")) {
          for (JsonNode sort : params.path("sort")) {
            use.requireAggregatable(view, firstName(sort), where + " sort");
          }
          for (JsonNode source : params.path("_source")) {
            use.require(view, source.asText(), where + " _source");
          }
        }
      }
      ranks |= checkAggs(agg.getValue().path("aggs"), view, use);
    }
    // best first: a terms agg ordered by a rank keeps the lowest ranks
    for (Iterator<Map.Entry<String, JsonNode>> it = aggs.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> agg = it.next();
      JsonNode order = agg.getValue().path("terms").path("order");
      JsonNode subs = agg.getValue().path("aggs");
      for (Iterator<Map.Entry<String, JsonNode>> o = order.fields(); o.hasNext(); ) {
        Map.Entry<String, JsonNode> by = o.next();
        JsonNode sub = subs.path(by.getKey());
        boolean rank =
            RANK_METRICS.stream()
                .anyMatch(
                    m -> PanelRules.RANK_FIELDS.contains(sub.path(m).path("field").asText("")));
        if (rank && by.getValue().asText().equals("desc")) {
          use.problem(
              "Vega agg '"
                  + agg.getKey()
                  + "' ordered by the rank '"
                  + by.getKey()
                  + "' descending keeps the worst ranks; best first is ascending");
        }
      }
    }
    return ranks;
  }

  /** Every encoding channel {@code y} with a field, in the spec and its layers. */
  private static void collectY(JsonNode spec, List<JsonNode> out) {
    JsonNode y = spec.path("encoding").path("y");
    if (y.has("field")) {
      out.add(y);
    }
    for (JsonNode layer : spec.path("layer")) {
      collectY(layer, out);
    }
  }

  /** The fields a query names: exists, term, terms, range, match, match_phrase, in any bool. */
  private static void queryFields(JsonNode query, List<String> out) {
    for (Iterator<Map.Entry<String, JsonNode>> it = query.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> clause = it.next();
      switch (clause.getKey()) {
        case "exists" -> out.add(clause.getValue().path("field").asText());
        case "term", "terms", "range", "match", "match_phrase" ->
            out.add(firstName(clause.getValue()));
        case "bool" -> {
          for (JsonNode list : clause.getValue()) {
            for (JsonNode part : list.isArray() ? list : List.of(list)) {
              queryFields(part, out);
            }
          }
        }
        default -> {}
      }
    }
  }

  private static String firstName(JsonNode object) {
    Iterator<String> names = object.fieldNames();
    return names.hasNext() ? names.next() : null;
  }
}
