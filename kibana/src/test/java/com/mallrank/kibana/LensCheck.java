package com.mallrank.kibana;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A Lens chart against its data views and itself: each column's field exists with a type its
 * operation can use (a terms chart on a {@code text} field draws nothing), every accessor of the
 * visualization names a column of its layer, every column is drawn or used by another, and a terms
 * column ordered by a metric orders by a column the chart draws (else Kibana's {@code custom} order
 * with its own {@code orderAgg}).
 */
final class LensCheck {

  private static final Set<String> BUCKETS = Set.of("terms", "date_histogram", "range");
  private static final Set<String> NUMERIC_METRICS =
      Set.of("average", "sum", "median", "percentile", "percentile_rank", "standard_deviation");
  private static final Set<String> NUMERIC_OR_DATE = Set.of("min", "max");
  private static final Set<String> ANY_AGGREGATABLE = Set.of("unique_count", "last_value");
  private static final Set<String> ORDER_TYPES =
      Set.of("column", "custom", "alphabetical", "rare", "significant");

  private LensCheck() {}

  static void check(JsonNode attributes, Map<String, String> refs, SavedObjectsCheck.FieldUse use) {
    JsonNode state = attributes.path("state");
    Set<String> views = new LinkedHashSet<>();
    Map<String, JsonNode> layers = new LinkedHashMap<>();
    for (String datasource : List.of("formBased", "indexpattern")) {
      JsonNode byId = state.path("datasourceStates").path(datasource).path("layers");
      for (Iterator<Map.Entry<String, JsonNode>> it = byId.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> layer = it.next();
        layers.put(layer.getKey(), layer.getValue());
        String view = refs.get("indexpattern-datasource-layer-" + layer.getKey());
        if (view == null) {
          use.problem("layer " + layer.getKey() + " has no data view reference");
          continue;
        }
        views.add(view);
        for (Iterator<Map.Entry<String, JsonNode>> columns =
                layer.getValue().path("columns").fields();
            columns.hasNext(); ) {
          Map.Entry<String, JsonNode> column = columns.next();
          checkColumn(view, column.getKey(), column.getValue(), use);
        }
      }
    }

    Map<String, Set<String>> drawn = new LinkedHashMap<>();
    collectAccessors(state.path("visualization"), null, drawn);
    for (Map.Entry<String, Set<String>> layer : drawn.entrySet()) {
      JsonNode columns = layers.getOrDefault(layer.getKey(), null);
      if (columns == null) {
        use.problem("visualization layer " + layer.getKey() + " has no datasource layer");
        continue;
      }
      for (String accessor : layer.getValue()) {
        if (!columns.path("columns").has(accessor)) {
          use.problem("accessor '" + accessor + "' names no column of layer " + layer.getKey());
        }
      }
    }
    for (Map.Entry<String, JsonNode> layer : layers.entrySet()) {
      Set<String> used = new HashSet<>(drawn.getOrDefault(layer.getKey(), Set.of()));
      JsonNode columns = layer.getValue().path("columns");
      for (JsonNode column : columns) {
        column.path("references").forEach(ref -> used.add(ref.asText()));
      }
      for (JsonNode id : layer.getValue().path("columnOrder")) {
        if (!columns.has(id.asText())) {
          use.problem("columnOrder names missing column '" + id.asText() + "'");
        }
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = columns.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> column = it.next();
        String label = "column '" + column.getValue().path("label").asText(column.getKey()) + "'";
        if (!used.contains(column.getKey())) {
          use.problem(label + " (" + column.getKey() + ") is neither drawn nor used by a column");
        }
        JsonNode orderBy = column.getValue().path("params").path("orderBy");
        if (orderBy.isObject()) {
          checkOrder(
              label,
              orderBy,
              column.getValue().path("params"),
              columns,
              used,
              use,
              refs,
              layer.getKey());
        }
      }
    }
    for (JsonNode layer : layers.values()) {
      checkRules(layer.path("columns"), use);
    }
    if (attributes.path("visualizationType").asText().equals("lnsXY")) {
      for (Map.Entry<String, Set<String>> layer : drawn.entrySet()) {
        JsonNode columns =
            layers.containsKey(layer.getKey()) ? layers.get(layer.getKey()).path("columns") : null;
        for (String accessor : layer.getValue()) {
          JsonNode column = columns == null ? null : columns.get(accessor);
          if (PanelRules.isRankColumn(column) && !isXAccessor(state, accessor)) {
            use.problem(
                "column '"
                    + column.path("label").asText(accessor)
                    + "' draws a rank ("
                    + column.path("sourceField").asText()
                    + ") on a Lens XY axis, which cannot be inverted: rank 1 would be at the"
                    + " bottom; draw ranks over time with Vega and scale.reverse");
          }
        }
      }
    }
    use.requireQuery(views, state.path("query"), "query");
    use.requireFilters(views, state.path("filters"));
  }

  /** The rules of {@link PanelRules} that a Lens layer can break. */
  private static void checkRules(JsonNode columns, SavedObjectsCheck.FieldUse use) {
    for (Iterator<Map.Entry<String, JsonNode>> it = columns.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      JsonNode column = entry.getValue();
      JsonNode params = column.path("params");
      String label = "column '" + column.path("label").asText(entry.getKey()) + "'";
      switch (column.path("operationType").asText()) {
        case "terms" -> {
          if (params.path("missingBucket").asBoolean(false)
              && !params.path("otherBucket").asBoolean(false)) {
            use.problem(
                label
                    + ": missingBucket without otherBucket: Lens then sends no missing bucket, and"
                    + " the rows without '"
                    + column.path("sourceField").asText()
                    + "' are dropped");
          }
          JsonNode orderBy = params.path("orderBy");
          if (orderBy.path("type").asText().equals("column")
              && PanelRules.isRankColumn(columns.get(orderBy.path("columnId").asText("")))
              && params.path("orderDirection").asText("desc").equals("desc")) {
            use.problem(
                label
                    + ": ordered by the rank '"
                    + orderBy.path("columnId").asText()
                    + "' descending keeps the worst ranks; best first is ascending");
          }
        }
        case "date_histogram" -> {
          String interval = params.path("interval").asText("auto");
          if (params.path("includeEmptyRows").asBoolean(false) && interval.equals("auto")) {
            use.problem(
                label
                    + ": includeEmptyRows with an auto interval over '"
                    + column.path("sourceField").asText()
                    + "': auto is 30 minutes over a day of hourly slots, so every other row is"
                    + " empty; use the slot interval (1h) without empty rows");
          }
        }
        default -> {}
      }
    }
  }

  private static boolean isXAccessor(JsonNode state, String accessor) {
    for (JsonNode layer : state.path("visualization").path("layers")) {
      if (layer.path("xAccessor").asText("").equals(accessor)) {
        return true;
      }
    }
    return false;
  }

  private static void checkOrder(
      String label,
      JsonNode orderBy,
      JsonNode params,
      JsonNode columns,
      Set<String> used,
      SavedObjectsCheck.FieldUse use,
      Map<String, String> refs,
      String layer) {
    String type = orderBy.path("type").asText("");
    if (!ORDER_TYPES.contains(type)) {
      use.problem(label + ": unknown orderBy type '" + type + "'");
    } else if (type.equals("column")) {
      String target = orderBy.path("columnId").asText("");
      if (!columns.has(target)) {
        use.problem(label + ": ordered by missing column '" + target + "'");
      } else if (columns.get(target).path("isBucketed").asBoolean(false)) {
        use.problem(label + ": ordered by bucket column '" + target + "', not a metric");
      } else if (!used.contains(target)) {
        use.problem(label + ": ordered by column '" + target + "' that the chart does not draw");
      }
    } else if (type.equals("custom")) {
      JsonNode agg = params.path("orderAgg");
      if (!agg.isObject() || agg.path("operationType").asText("").isEmpty()) {
        use.problem(label + ": custom order without an orderAgg operation");
      } else {
        String view = refs.get("indexpattern-datasource-layer-" + layer);
        if (view != null) {
          checkColumn(view, "orderAgg", agg, use);
        }
      }
    }
  }

  private static void checkColumn(
      String view, String id, JsonNode column, SavedObjectsCheck.FieldUse use) {
    String where = "column '" + column.path("label").asText(id) + "'";
    String operation = column.path("operationType").asText("");
    String source = column.path("sourceField").asText("");
    if (!source.isEmpty() && !source.equals(SavedObjectsCheck.RECORDS)) {
      SavedObjectsCheck.FieldType type;
      if (BUCKETS.contains(operation)
          || NUMERIC_METRICS.contains(operation)
          || NUMERIC_OR_DATE.contains(operation)
          || ANY_AGGREGATABLE.contains(operation)) {
        type = use.requireAggregatable(view, source, where + " (" + operation + ")");
      } else {
        type = use.require(view, source, where);
      }
      if (type != null) {
        if (operation.equals("date_histogram") && !type.date()) {
          use.problem(where + ": date_histogram on '" + source + "', a " + type.type() + " field");
        } else if (NUMERIC_METRICS.contains(operation) && !type.numeric()) {
          use.problem(where + ": " + operation + " of '" + source + "', a " + type.type());
        } else if (NUMERIC_OR_DATE.contains(operation) && !type.numeric() && !type.date()) {
          use.problem(where + ": " + operation + " of '" + source + "', a " + type.type());
        }
      }
    }
    for (JsonNode secondary : column.path("params").path("secondaryFields")) {
      use.requireAggregatable(view, secondary.asText(), where + " (multi terms)");
    }
    use.requireQuery(List.of(view), column.path("filter"), where + " filter");
  }

  /**
   * Column ids the visualization draws, per layer: every {@code *Accessor} / {@code *Accessors}
   * property, pie groups and metrics, datatable {@code columns[].columnId}, in the layer whose
   * {@code layerId} encloses them.
   */
  static void collectAccessors(JsonNode node, String layer, Map<String, Set<String>> out) {
    if (node.isArray()) {
      node.forEach(element -> collectAccessors(element, layer, out));
      return;
    }
    if (!node.isObject()) {
      return;
    }
    String current = node.path("layerId").isTextual() ? node.get("layerId").asText() : layer;
    if (node.path("layerType").asText("").equals("annotations")) {
      return; // annotation layers draw events, not columns
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      String name = field.getKey();
      JsonNode value = field.getValue();
      boolean single = name.endsWith("Accessor") || name.equals("accessor");
      boolean list =
          name.endsWith("ccessors")
              || name.equals("primaryGroups")
              || name.equals("secondaryGroups")
              || name.equals("metrics");
      if (single && value.isTextual() && current != null) {
        out.computeIfAbsent(current, k -> new LinkedHashSet<>()).add(value.asText());
      } else if (list && value.isArray() && current != null) {
        for (JsonNode element : value) {
          if (element.isTextual()) {
            out.computeIfAbsent(current, k -> new LinkedHashSet<>()).add(element.asText());
          }
        }
      } else if (name.equals("columns") && value.isArray() && current != null) {
        for (JsonNode element : value) {
          if (element.path("columnId").isTextual()) {
            out.computeIfAbsent(current, k -> new LinkedHashSet<>())
                .add(element.get("columnId").asText());
          }
        }
      } else {
        collectAccessors(value, current, out);
      }
    }
  }
}
