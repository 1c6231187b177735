package com.mallrank.kibana;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The search a Lens panel asks Elasticsearch for, built from the panel's own saved state, and its
 * answer turned into the table Lens draws from. It follows how Lens hands a layer to esaggs and how
 * esaggs writes the aggregations (8.19, elastic/kibana):
 *
 * <ul>
 *   <li>bucket columns nest in {@code columnOrder}, metrics sit in the innermost bucket (esaggs
 *       {@code metricsAtAllLevels: false}); a terms column ordered by a metric carries that metric
 *       as its own sub-aggregation;
 *   <li>{@code terms}: alphabetical is {@code _key}, a column is that metric, a count {@code
 *       _count}; the missing bucket ({@code missing: "__missing__"}) only with the other bucket, as
 *       Lens' {@code toEsAggsFn} sends it (operations/definitions/terms/index.tsx); the other
 *       bucket itself is esaggs' second request and is not built here: a test whose terms leave
 *       documents over fails instead;
 *   <li>{@code date_histogram}: {@code min_doc_count} 0 with empty rows, else 1, the interval as
 *       saved (definitions/date_histogram.tsx); {@code auto} is refused (no panel uses it);
 *   <li>{@code last_value}: a {@code top_hits} of one document, newest {@code sortField} first
 *       ({@code aggTopHit}, definitions/last_value.tsx, {@code showArrayValues}), read from doc
 *       values; a column {@code filter} wraps its metric in a {@code filter} aggregation ({@code
 *       aggFilteredMetric}); a {@code timeShift} reads the metric in the time range shifted back,
 *       the search covering both ranges (esaggs' time offset split);
 *   <li>{@code formula} and {@code math} columns are computed from their parts after the search, as
 *       Lens does (tinymath {@code add}, {@code subtract}, {@code multiply}, {@code divide});
 *   <li>the table holds one row per complete bucket path (esaggs {@code partialRows: false}); a
 *       count or unique count with {@code emptyAsNull} shows 0 as empty.
 * </ul>
 */
final class LensRequest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String MISSING = "__missing__";

  private final String view;
  private final JsonNode state;
  private final JsonNode columns;
  private final List<String> buckets = new ArrayList<>();
  private final List<String> metrics = new ArrayList<>();
  private final List<String> computed = new ArrayList<>();
  private final boolean shifted;

  private LensRequest(JsonNode lens) {
    state = lens.path("attributes").path("state");
    Iterator<Map.Entry<String, JsonNode>> layers =
        state.path("datasourceStates").path("formBased").path("layers").fields();
    Map.Entry<String, JsonNode> layer = layers.next();
    if (layers.hasNext()) {
      throw new IllegalArgumentException("one data layer per panel is supported");
    }
    columns = layer.getValue().path("columns");
    String viewRef = "indexpattern-datasource-layer-" + layer.getKey();
    String found = null;
    for (JsonNode ref : lens.path("references")) {
      if (ref.path("name").asText().equals(viewRef)) {
        found = ref.path("id").asText();
      }
    }
    view = found;
    for (JsonNode id : layer.getValue().path("columnOrder")) {
      JsonNode column = columns.get(id.asText());
      String operation = column.path("operationType").asText();
      if (column.path("isBucketed").asBoolean()) {
        buckets.add(id.asText());
      } else if (operation.equals("formula") || operation.equals("math")) {
        computed.add(id.asText());
      } else {
        metrics.add(id.asText());
      }
    }
    shifted = metrics.stream().anyMatch(m -> !shift(columns.get(m)).isZero());
  }

  /**
   * Whether a metric is read inside a filter: its column filter, or its time range when the layer
   * shifts time (esaggs then splits every metric by its own shifted range, none included).
   */
  private boolean wrapped(JsonNode column) {
    return column.has("filter") || shifted;
  }

  /** The request of a Lens saved object. */
  static LensRequest of(JsonNode lens) {
    return new LensRequest(lens);
  }

  /** The data view id the layer reads. */
  String view() {
    return view;
  }

  /**
   * The search body over [from, to] (inclusive, as Kibana's time filter), with the dashboard's
   * filters (queries added to {@code bool.filter}, as the dashboard's controls do).
   */
  ObjectNode body(Instant from, Instant to, List<ObjectNode> dashboardFilters) {
    Duration widest = Duration.ZERO;
    for (String m : metrics) {
      Duration shift = shift(columns.get(m));
      widest = shift.compareTo(widest) > 0 ? shift : widest;
    }
    ObjectNode body = JSON.createObjectNode().put("size", 0);
    ObjectNode bool = body.putObject("query").putObject("bool");
    ArrayNode filter = bool.putArray("filter");
    filter.add(range(from.minus(widest), to));
    filter.add(KqlQuery.of(state.path("query").path("query").asText("")));
    dashboardFilters.forEach(filter::add);
    ObjectNode aggs = body.putObject("aggs");
    for (String b : buckets) {
      ObjectNode agg = aggs.putObject(b);
      bucket(b, agg, from, to);
      aggs = child(agg, "aggs");
    }
    for (String m : metrics) {
      metric(m, aggs, from, to);
    }
    return body;
  }

  private void bucket(String id, ObjectNode agg, Instant from, Instant to) {
    JsonNode column = columns.get(id);
    JsonNode params = column.path("params");
    String field = column.path("sourceField").asText();
    switch (column.path("operationType").asText()) {
      case "terms" -> {
        ObjectNode terms =
            agg.putObject("terms").put("field", field).put("size", params.path("size").asInt());
        String direction = params.path("orderDirection").asText("desc");
        JsonNode orderBy = params.path("orderBy");
        String key;
        if (orderBy.path("type").asText().equals("column")) {
          String target = orderBy.path("columnId").asText();
          key = orderPath(target);
          if (!key.equals("_count")) {
            metric(target, child(agg, "aggs"), from, to);
          }
        } else if (orderBy.path("type").asText().equals("custom")) {
          if (!params.path("orderAgg").path("operationType").asText().equals("count")) {
            throw new IllegalArgumentException("custom order by a count only");
          }
          key = "_count";
        } else {
          key = "_key";
        }
        terms.putObject("order").put(key, direction);
        if (params.path("otherBucket").asBoolean() && params.path("missingBucket").asBoolean()) {
          terms.put("missing", MISSING);
        }
      }
      case "date_histogram" -> {
        String interval = params.path("interval").asText("auto");
        if (interval.equals("auto")) {
          throw new IllegalArgumentException(id + ": an auto interval is not built here");
        }
        ObjectNode histogram =
            agg.putObject("date_histogram")
                .put("field", field)
                .put("fixed_interval", interval)
                .put("time_zone", "UTC");
        boolean empty = params.path("includeEmptyRows").asBoolean();
        histogram.put("min_doc_count", empty ? 0 : 1);
        if (empty) {
          histogram
              .putObject("extended_bounds")
              .put("min", from.toEpochMilli())
              .put("max", to.toEpochMilli());
        }
      }
      default ->
          throw new IllegalArgumentException(
              id + ": bucket " + column.path("operationType").asText() + " is not built here");
    }
  }

  /** The order key of a metric column: {@code _count} for a plain count, else its agg path. */
  private String orderPath(String id) {
    JsonNode column = columns.get(id);
    boolean wrapped = wrapped(column);
    String op = column.path("operationType").asText();
    if (op.equals("count") && !wrapped) {
      return "_count";
    }
    if (op.equals("count")) {
      return id; // a single-bucket (filter) aggregation orders by its doc count
    }
    String path = wrapped ? id + ">" + id : id;
    return op.equals("median") ? path + ".50" : path;
  }

  /** Adds the metric's aggregation (wrapped in a filter for a column filter or time shift). */
  private void metric(String id, ObjectNode aggs, Instant from, Instant to) {
    JsonNode column = columns.get(id);
    String op = column.path("operationType").asText();
    Duration shift = shift(column);
    ObjectNode target = aggs;
    if (wrapped(column)) {
      ObjectNode wrapper = aggs.putObject(id);
      ObjectNode bool = wrapper.putObject("filter").putObject("bool");
      ArrayNode filter = bool.putArray("filter");
      if (column.has("filter")) {
        filter.add(KqlQuery.of(column.path("filter").path("query").asText()));
      }
      if (shifted) {
        filter.add(range(from.minus(shift), to.minus(shift)));
      }
      target = wrapper.putObject("aggs");
    }
    String field = column.path("sourceField").asText();
    switch (op) {
      case "count" -> {
        // the bucket's (or the filter's) doc_count
      }
      case "min", "max", "sum" -> target.putObject(id).putObject(op).put("field", field);
      case "average" -> target.putObject(id).putObject("avg").put("field", field);
      case "unique_count" -> target.putObject(id).putObject("cardinality").put("field", field);
      case "median" ->
          target
              .putObject(id)
              .putObject("percentiles")
              .put("field", field)
              .putArray("percents")
              .add(50);
      case "last_value" -> {
        ObjectNode hits = target.putObject(id).putObject("top_hits").put("size", 1);
        hits.putArray("sort")
            .addObject()
            .putObject(column.path("params").path("sortField").asText())
            .put("order", "desc");
        hits.putArray("docvalue_fields").add(field);
        hits.put("_source", false);
      }
      default -> throw new IllegalArgumentException(id + ": metric " + op + " is not built here");
    }
  }

  /**
   * The table Lens draws: one row per complete bucket path, each column id → its value (terms keys
   * as strings or numbers, {@code null} for the missing bucket; dates as {@link Instant}).
   */
  List<Map<String, Object>> rows(JsonNode response) {
    List<Map<String, Object>> rows = new ArrayList<>();
    walk(response.path("aggregations"), 0, new LinkedHashMap<>(), rows);
    return rows;
  }

  private void walk(
      JsonNode level, int depth, Map<String, Object> row, List<Map<String, Object>> out) {
    if (depth == buckets.size()) {
      Map<String, Object> complete = new LinkedHashMap<>(row);
      for (String m : metrics) {
        complete.put(m, value(m, level));
      }
      // math parts first, then the formulas that show them
      for (String c : computed) {
        if (columns.get(c).path("operationType").asText().equals("math")) {
          complete.put(c, compute(c, complete));
        }
      }
      for (String c : computed) {
        if (columns.get(c).path("operationType").asText().equals("formula")) {
          complete.put(c, compute(c, complete));
        }
      }
      out.add(complete);
      return;
    }
    String id = buckets.get(depth);
    JsonNode agg = level.path(id);
    if (agg.path("sum_other_doc_count").asLong(0) > 0
        && columns.get(id).path("params").path("otherBucket").asBoolean()) {
      throw new IllegalStateException(
          id + ": documents are left over for the other bucket (esaggs' second request)");
    }
    for (JsonNode bucket : agg.path("buckets")) {
      Map<String, Object> next = new LinkedHashMap<>(row);
      next.put(id, key(id, bucket));
      walk(bucket, depth + 1, next, out);
    }
  }

  private Object key(String id, JsonNode bucket) {
    if (columns.get(id).path("operationType").asText().equals("date_histogram")) {
      return Instant.ofEpochMilli(bucket.path("key").asLong());
    }
    JsonNode key = bucket.path("key");
    if (key.isTextual() && key.asText().equals(MISSING)) {
      return null;
    }
    return key.isNumber() ? (Object) key.asLong() : key.asText();
  }

  private Object value(String id, JsonNode bucket) {
    JsonNode column = columns.get(id);
    String op = column.path("operationType").asText();
    JsonNode scope = wrapped(column) ? bucket.path(id) : bucket;
    Object value;
    switch (op) {
      case "count" -> value = scope.path("doc_count").asLong();
      case "unique_count" -> value = scope.path(id).path("value").asLong();
      case "median" -> value = number(scope.path(id).path("values").path("50.0"));
      case "last_value" -> {
        JsonNode hits = scope.path(id).path("hits").path("hits");
        if (hits.isEmpty()) {
          value = null;
        } else {
          JsonNode values = hits.get(0).path("fields").path(column.path("sourceField").asText());
          value = values.isMissingNode() || values.isEmpty() ? null : plain(values.get(0));
        }
      }
      default -> value = number(scope.path(id).path("value"));
    }
    boolean emptyAsNull = column.path("params").path("emptyAsNull").asBoolean(false);
    if (emptyAsNull && value instanceof Long n && n == 0L) {
      return null;
    }
    return value;
  }

  private Object compute(String id, Map<String, Object> row) {
    JsonNode column = columns.get(id);
    if (column.path("operationType").asText().equals("formula")) {
      return row.get(column.path("references").get(0).asText());
    }
    return evaluate(column.path("params").path("tinymathAst"), row);
  }

  private static Double evaluate(JsonNode ast, Map<String, Object> row) {
    if (ast.isNumber()) {
      return ast.asDouble();
    }
    if (ast.isTextual()) {
      Object value = row.get(ast.asText());
      return value instanceof Number n ? n.doubleValue() : null;
    }
    List<Double> args = new ArrayList<>();
    for (JsonNode arg : ast.path("args")) {
      Double value = evaluate(arg, row);
      if (value == null) {
        return null;
      }
      args.add(value);
    }
    return switch (ast.path("name").asText()) {
      case "add" -> args.get(0) + args.get(1);
      case "subtract" -> args.get(0) - args.get(1);
      case "multiply" -> args.get(0) * args.get(1);
      case "divide" -> args.get(1) == 0 ? null : args.get(0) / args.get(1);
      default -> throw new IllegalArgumentException("tinymath " + ast.path("name").asText());
    };
  }

  private static Object plain(JsonNode value) {
    if (value.isIntegralNumber()) {
      return value.asLong();
    }
    if (value.isNumber()) {
      return value.asDouble();
    }
    if (value.isBoolean()) {
      return value.asBoolean();
    }
    return value.asText();
  }

  private static Double number(JsonNode value) {
    return value.isNumber() ? value.asDouble() : null;
  }

  private static Duration shift(JsonNode column) {
    String shift = column.path("timeShift").asText("");
    if (shift.isEmpty()) {
      return Duration.ZERO;
    }
    long amount = Long.parseLong(shift.substring(0, shift.length() - 1));
    return switch (shift.charAt(shift.length() - 1)) {
      case 'h' -> Duration.ofHours(amount);
      case 'd' -> Duration.ofDays(amount);
      case 'w' -> Duration.ofDays(7 * amount);
      default -> throw new IllegalArgumentException("time shift " + shift);
    };
  }

  private static ObjectNode child(ObjectNode parent, String name) {
    return parent.get(name) instanceof ObjectNode existing ? existing : parent.putObject(name);
  }

  /** Kibana's time filter on the data view's time field (slot): both ends inclusive. */
  static ObjectNode range(Instant from, Instant to) {
    ObjectNode range = JSON.createObjectNode();
    range
        .putObject("range")
        .putObject("slot")
        .put("gte", from.toString())
        .put("lte", to.toString())
        .put("format", "strict_date_optional_time");
    return range;
  }
}
