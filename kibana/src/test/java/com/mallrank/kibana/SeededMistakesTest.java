package com.mallrank.kibana;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Each mistake Kibana would accept on import and then show as an empty or broken panel, seeded into
 * the real saved objects: the check reports exactly that mistake (the unchanged file has no problem
 * at all, see {@link SavedObjectsTest}).
 */
class SeededMistakesTest {

  private static String ndjson;
  private static Map<String, Map<String, SavedObjectsCheck.FieldType>> templates;

  @BeforeAll
  static void load() throws IOException {
    ndjson = Files.readString(Path.of("saved-objects", "mallrank.ndjson"), StandardCharsets.UTF_8);
    templates = SavedObjectsCheck.templateFieldTypesFromClasspath();
  }

  /** The problems after replacing {@code from} by {@code to} in the object with this id only. */
  private static List<String> problemsAfter(String id, String from, String to) {
    StringBuilder seeded = new StringBuilder();
    boolean found = false;
    for (String line : ndjson.split("\n")) {
      if (line.contains("\"id\":\"" + id + "\",\"managed\"")) {
        assertThat(line).as("the seed's anchor is in " + id).contains(from);
        line = line.replace(from, to);
        found = true;
      }
      seeded.append(line).append('\n');
    }
    assertThat(found).as("object " + id).isTrue();
    List<JsonNode> objects = SavedObjectsCheck.parseNdjson(seeded.toString());
    return SavedObjectsCheck.problems(objects, templates);
  }

  @Test
  void aTextFieldInATermsChart() {
    assertThat(
            problemsAfter(
                "mallrank-competitor-prices-over-time",
                "\"sourceField\":\"product_id\"",
                "\"sourceField\":\"title\""))
        .containsExactly(
            "lens mallrank-competitor-prices-over-time: column 'Competitor product' (terms):"
                + " field 'title' is text, not aggregatable");
  }

  @Test
  void aDanglingPanelReference() {
    assertThat(
            problemsAfter(
                "mallrank-overview", "\"name\":\"rank:panel_rank\"", "\"name\":\"rank:panel_rnk\""))
        .containsExactlyInAnyOrder(
            "dashboard mallrank-overview: panel rank: no reference named rank:panel_rank",
            "dashboard mallrank-overview: reference rank:panel_rnk is used by no panel or control");
  }

  @Test
  void aPanelWhoseReferenceHasAnotherType() {
    assertThat(
            problemsAfter(
                "mallrank-overview",
                "{\"id\":\"mallrank-change-log\",\"name\":\"changes:panel_changes\",\"type\":"
                    + "\"search\"}",
                "{\"id\":\"mallrank-changes\",\"name\":\"changes:panel_changes\",\"type\":"
                    + "\"index-pattern\"}"))
        .containsExactly(
            "dashboard mallrank-overview: panel changes is a search but its reference"
                + " changes:panel_changes is index-pattern/mallrank-changes");
  }

  @Test
  void anAccessorWithNoColumn() {
    assertThat(
            problemsAfter(
                "mallrank-competitor-prices-over-time",
                "\"xAccessor\":\"price-slot\"",
                "\"xAccessor\":\"price-time\""))
        .containsExactlyInAnyOrder(
            "lens mallrank-competitor-prices-over-time: accessor 'price-time' names no column of"
                + " layer price",
            "lens mallrank-competitor-prices-over-time: column 'slot' (price-slot) is neither"
                + " drawn nor used by a column");
  }

  @Test
  void badKql() {
    assertThat(
            problemsAfter(
                "mallrank-competitor-prices-over-time",
                "\"query\":\"not matrix_account : *\"}",
                "\"query\":\"not matrix_account :\"}"))
        .containsExactly(
            "lens mallrank-competitor-prices-over-time: query: KQL syntax error at 21 in 'not"
                + " matrix_account :': expected a value after 'matrix_account :'");
  }

  @Test
  void aRangeOnAKeywordField() {
    assertThat(
            problemsAfter(
                "mallrank-samples-by-status",
                "\"query\":\"status : \\\"blocked\\\"\"",
                "\"query\":\"status >= \\\"blocked\\\"\""))
        .containsExactly(
            "lens mallrank-samples-by-status: column 'blocked' filter 'status >= \"blocked\"':"
                + " range on 'status', a keyword field");
  }

  @Test
  void anOrderByAColumnTheChartDoesNotDraw() {
    String drawnCount = "\"orderBy\":{\"type\":\"column\",\"columnId\":\"price-fen\"},\"orderAgg\"";
    assertThat(
            problemsAfter(
                "mallrank-competitor-prices-over-time",
                "\"orderBy\":{\"type\":\"custom\"},\"orderAgg\"",
                drawnCount))
        .as("ordering by the drawn metric is fine (orderAgg is then ignored)")
        .isEmpty();
    assertThat(
            problemsAfter(
                "mallrank-competitor-prices-over-time",
                "\"orderBy\":{\"type\":\"custom\"},\"orderAgg\"",
                "\"orderBy\":{\"type\":\"column\",\"columnId\":\"price-count\"},\"orderAgg\""))
        .containsExactly(
            "lens mallrank-competitor-prices-over-time: column 'Competitor product': ordered by"
                + " missing column 'price-count'");
  }

  @Test
  void aTimeFieldThatIsNotADate() {
    assertThat(
            problemsAfter(
                "mallrank-samples",
                "\"timeFieldName\":\"slot\",\"title\":\"mallrank-samples*\"",
                "\"timeFieldName\":\"keyword\",\"title\":\"mallrank-samples*\""))
        .containsExactly(
            "index-pattern mallrank-samples: timeFieldName 'keyword' is keyword, not date");
  }

  @Test
  void aControlOnATextField() {
    assertThat(
            problemsAfter(
                "mallrank-overview",
                "\\\"fieldName\\\":\\\"keyword\\\"",
                "\\\"fieldName\\\":\\\"detail\\\""))
        .containsExactly(
            "dashboard mallrank-overview: control control-keyword: field 'detail' is text, not"
                + " aggregatable");
  }

  @Test
  void anAttributeKibanaDoesNotDeclare() {
    assertThat(
            problemsAfter(
                "mallrank-overview",
                "\"timeRestore\":true",
                "\"timeRestore\":true,\"timeRestor\":true"))
        .containsExactly(
            "dashboard mallrank-overview: attributes timeRestor: unknown attribute (not in the"
                + " schema) (dashboard.attributes)");
    assertThat(
            problemsAfter("mallrank-overview", "\"timeRestore\":true", "\"timeRestore\":\"yes\""))
        .containsExactly(
            "dashboard mallrank-overview: attributes timeRestore: must be boolean, is string"
                + " (dashboard.attributes)");
  }

  @Test
  void aMissingOrTooNewMigrationVersion() {
    assertThat(
            problemsAfter(
                "mallrank-overview",
                "\"coreMigrationVersion\":\"8.8.0\",\"id\":\"mallrank-overview\"",
                "\"id\":\"mallrank-overview\""))
        .containsExactly("dashboard mallrank-overview: coreMigrationVersion is missing");
    assertThat(
            problemsAfter(
                "mallrank-overview",
                "\"type\":\"dashboard\",\"typeMigrationVersion\":\"8.7.0\"",
                "\"type\":\"dashboard\",\"typeMigrationVersion\":\"9.1.0\""))
        .containsExactly(
            "dashboard mallrank-overview: typeMigrationVersion 9.1.0 is newer than Kibana 8.19.7:"
                + " refused on import");
  }

  /** The problems after editing the parsed object with this id. */
  private static List<String> problemsAfterEdit(String id, Consumer<ObjectNode> edit) {
    List<JsonNode> objects = SavedObjectsCheck.parseNdjson(ndjson);
    JsonNode object =
        objects.stream().filter(o -> o.path("id").asText().equals(id)).findFirst().orElseThrow();
    edit.accept((ObjectNode) object);
    return SavedObjectsCheck.problems(objects, templates);
  }

  /** Edits the spec of a Vega visualization (kept as JSON text inside visState). */
  private static Consumer<ObjectNode> vegaSpec(Consumer<ObjectNode> edit) {
    return object -> {
      ObjectNode attributes = (ObjectNode) object.get("attributes");
      ObjectNode visState =
          (ObjectNode) SavedObjectsCheck.readJson(attributes.get("visState").asText());
      ObjectNode spec =
          (ObjectNode) SavedObjectsCheck.readJson(visState.path("params").path("spec").asText());
      edit.accept(spec);
      ((ObjectNode) visState.get("params")).put("spec", spec.toString());
      attributes.put("visState", visState.toString());
    };
  }

  /** The Lens column with this id in the object's only layer. */
  private static ObjectNode lensColumn(ObjectNode lens, String column) {
    JsonNode layers =
        lens.path("attributes").path("state").path("datasourceStates").path("formBased");
    return (ObjectNode) layers.path("layers").elements().next().path("columns").path(column);
  }

  // ---- the rules of PanelRules, one seeded failing object each

  @Test
  void aMissingBucketWithoutTheOtherBucketDropsTheRowsWithoutTheField() {
    assertThat(
            problemsAfterEdit(
                "mallrank-top20-share",
                o ->
                    ((ObjectNode) lensColumn(o, "share-account").get("params"))
                        .put("otherBucket", false)))
        .containsExactly(
            "lens mallrank-top20-share: column 'Matrix account': missingBucket without"
                + " otherBucket: Lens then sends no missing bucket, and the rows without"
                + " 'matrix_account' are dropped");
  }

  @Test
  void emptyRowsWithAnAutoIntervalOverHourlySlots() {
    assertThat(
            problemsAfterEdit(
                "mallrank-market-median-over-time",
                o ->
                    ((ObjectNode) lensColumn(o, "p-slot").get("params"))
                        .put("interval", "auto")
                        .put("includeEmptyRows", true)))
        .containsExactly(
            "lens mallrank-market-median-over-time: column 'slot': includeEmptyRows with an auto"
                + " interval over 'slot': auto is 30 minutes over a day of hourly slots, so every"
                + " other row is empty; use the slot interval (1h) without empty rows");
    assertThat(
            problemsAfterEdit(
                "mallrank-market-median-over-time",
                o -> ((ObjectNode) lensColumn(o, "p-slot").get("params")).put("interval", "auto")))
        .as("auto alone, without empty rows, draws a point per bucket with data")
        .isEmpty();
  }

  @Test
  void aControlThatReadsAnotherDataViewThanItsPanels() {
    assertThat(
            problemsAfterEdit(
                "mallrank-dashboard-sampling-health",
                o -> {
                  for (JsonNode ref : o.get("references")) {
                    if (ref.path("name").asText().startsWith("controlGroup_control-vantage")) {
                      ((ObjectNode) ref).put("id", "mallrank-listings");
                    }
                  }
                }))
        .containsExactly(
            "dashboard mallrank-dashboard-sampling-health: control control-vantage reads data view"
                + " mallrank-listings, which no panel reads [mallrank-samples, mallrank-slots]: it"
                + " offers values the panels do not have and misses theirs");
    assertThat(
            problemsAfterEdit(
                "mallrank-dashboard-search-operator",
                o -> {
                  for (JsonNode ref : o.get("references")) {
                    if (ref.path("name").asText().startsWith("controlGroup_control-vantage")) {
                      ((ObjectNode) ref).put("id", "mallrank-listings");
                    }
                  }
                }))
        .containsExactly(
            "dashboard mallrank-dashboard-search-operator: control control-vantage reads data view"
                + " mallrank-listings but the panels read the samples (mallrank-samples): a"
                + " vantage or keyword with samples and no listings (blocked all day) is missing"
                + " from the control");
  }

  @Test
  void aRankOnALensAxisOrANotReversedVegaAxisOrWorstFirst() {
    assertThat(
            problemsAfterEdit(
                "mallrank-market-median-over-time",
                o -> lensColumn(o, "p-med").put("sourceField", "position")))
        .containsExactly(
            "lens mallrank-market-median-over-time: column 'Median price (fen)' draws a rank"
                + " (position) on a Lens XY axis, which cannot be inverted: rank 1 would be at the"
                + " bottom; draw ranks over time with Vega and scale.reverse");
    assertThat(
            problemsAfterEdit(
                "mallrank-operator-rank-by-vantage",
                vegaSpec(
                    spec ->
                        ((ObjectNode) spec.path("encoding").path("y").path("scale"))
                            .put("reverse", false))))
        .containsExactly(
            "visualization mallrank-operator-rank-by-vantage: the y axis 'rank' of a rank is not"
                + " reversed: rank 1 must be on top (scale.reverse: true)");
    assertThat(
            problemsAfterEdit(
                "mallrank-operator-rank-by-vantage",
                vegaSpec(
                    spec -> {
                      JsonNode vantages =
                          spec.at("/data/url/body/aggs/mine/aggs/profiles/aggs/vantages/terms");
                      ((ObjectNode) vantages.get("order")).put("best", "desc");
                    })))
        .as("the 10 worst vantages instead of the 10 best")
        .containsExactly(
            "visualization mallrank-operator-rank-by-vantage: Vega agg 'vantages' ordered by the"
                + " rank 'best' descending keeps the worst ranks; best first is ascending");
  }

  @Test
  void aDashboardWithoutAProfileControl() {
    assertThat(
            problemsAfterEdit(
                "mallrank-dashboard-matrix-manager",
                o -> {
                  ObjectNode controls = (ObjectNode) o.path("attributes").path("controlGroupInput");
                  ObjectNode panels =
                      (ObjectNode) SavedObjectsCheck.readJson(controls.get("panelsJSON").asText());
                  panels.remove("control-profile");
                  controls.put("panelsJSON", panels.toString());
                  ArrayNode references = (ArrayNode) o.get("references");
                  for (int i = references.size() - 1; i >= 0; i--) {
                    if (references.get(i).path("name").asText().contains("control-profile")) {
                      references.remove(i);
                    }
                  }
                }))
        .containsExactly(
            "dashboard mallrank-dashboard-matrix-manager: no control on 'profile': the rankings"
                + " of two surfaces (profiles) are mixed");
  }

  @Test
  void aVegaChartThatIgnoresTheDashboardOrNamesAnUnknownIndex() {
    assertThat(
            problemsAfterEdit(
                "mallrank-operator-organic-vs-ad",
                vegaSpec(spec -> ((ObjectNode) spec.at("/data/url")).remove("%context%"))))
        .containsExactly(
            "visualization mallrank-operator-organic-vs-ad: Vega data of 'mallrank-listings*'"
                + " without %context%: true ignores the dashboard controls");
    assertThat(
            problemsAfterEdit(
                "mallrank-operator-organic-vs-ad",
                vegaSpec(spec -> ((ObjectNode) spec.at("/data/url")).put("index", "listings*"))))
        .containsExactly(
            "visualization mallrank-operator-organic-vs-ad: Vega data index 'listings*' is no"
                + " data view of this file");
  }

  @Test
  void statusColoursAreFixedPerValueInEveryStatusChart() {
    Map<String, String> expected =
        Map.of(
            "status : \"ok\"", "#54B399",
            "status : \"partial\"", "#D6BF57",
            "status : \"empty\"", "#6092C0",
            "status : \"blocked\"", "#E7664C",
            "status : \"login_required\"", "#DA8B45",
            "status : \"layout_changed\"", "#9170B8",
            "status : \"error\"", "#BD271E",
            "status : \"skipped\"", "#98A2B3");
    for (String id : List.of("mallrank-samples-by-status", "mallrank-health-status-by-identity")) {
      JsonNode chart =
          SavedObjectsCheck.parseNdjson(ndjson).stream()
              .filter(o -> o.path("id").asText().equals(id))
              .findFirst()
              .orElseThrow();
      JsonNode state = chart.path("attributes").path("state");
      JsonNode layers = state.path("datasourceStates").path("formBased").path("layers");
      JsonNode columns = layers.elements().next().path("columns");
      Map<String, String> colourByStatus = new java.util.TreeMap<>();
      for (JsonNode y : state.path("visualization").path("layers").path(0).path("yConfig")) {
        JsonNode column = columns.path(y.path("forAccessor").asText());
        colourByStatus.put(column.path("filter").path("query").asText(), y.path("color").asText());
      }
      assertThat(colourByStatus).as(id).containsExactlyInAnyOrderEntriesOf(expected);
    }
  }
}
