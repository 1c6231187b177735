package com.mallrank.kibana;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The search a Vega panel asks Elasticsearch for, from its own spec, as Kibana's {@code
 * EsQueryParser.parseUrl} builds it
 * (src/platform/plugins/private/vis_types/vega/public/data_model/es_query_parser.ts): with {@code
 * %context%} the query is the dashboard's {@code bool} (its filters under {@code must}) plus, with
 * {@code %timefield%}, the time picker's range on that field; a {@code date_histogram}'s {@code
 * interval} becomes {@code fixed_interval} ({@code dateHistogramInterval}). The answer is read at
 * the spec's {@code format.property}.
 */
final class VegaRequest {

  private final JsonNode spec;

  private VegaRequest(JsonNode spec) {
    this.spec = spec;
  }

  static VegaRequest of(JsonNode visualization) {
    JsonNode spec = VegaCheck.spec(visualization.path("attributes"));
    if (spec == null || VegaCheck.esData(spec).size() != 1) {
      throw new IllegalArgumentException("one Elasticsearch data source per Vega panel");
    }
    return new VegaRequest(spec);
  }

  /** The data view title the spec searches ({@code mallrank-listings*}). */
  String index() {
    return url().path("index").asText();
  }

  private JsonNode url() {
    return VegaCheck.esData(spec).get(0).path("url");
  }

  /** The search body over [from, to] with the dashboard's filters. */
  ObjectNode body(Instant from, Instant to, List<ObjectNode> dashboardFilters) {
    JsonNode url = url();
    ObjectNode body = url.path("body").deepCopy();
    if (url.path("%context%").asBoolean(false)) {
      ObjectNode bool = body.putObject("query").putObject("bool");
      ArrayNode must = bool.putArray("must");
      dashboardFilters.forEach(must::add);
      bool.putArray("filter");
      bool.putArray("should");
      bool.putArray("must_not");
      String timefield = url.path("%timefield%").asText("");
      if (!timefield.isEmpty()) {
        must.add(LensRequest.range(from, to));
      }
    }
    intervals(body.path("aggs"));
    return body;
  }

  /** The answer at {@code data.format.property} ({@code aggregations.mine.profiles.buckets}). */
  JsonNode values(JsonNode response) {
    JsonNode node = response;
    String property = VegaCheck.esData(spec).get(0).path("format").path("property").asText();
    for (String part : property.split("\\.")) {
      node = node.path(part);
    }
    return node;
  }

  private static void intervals(JsonNode aggs) {
    for (Iterator<Map.Entry<String, JsonNode>> it = aggs.fields(); it.hasNext(); ) {
      JsonNode agg = it.next().getValue();
      if (agg.path("date_histogram") instanceof ObjectNode histogram && histogram.has("interval")) {
        histogram.put("fixed_interval", histogram.remove("interval").asText());
      }
      intervals(agg.path("aggs"));
    }
  }
}
