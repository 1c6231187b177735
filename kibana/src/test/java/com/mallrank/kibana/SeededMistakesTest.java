package com.mallrank.kibana;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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
                "\\\"fieldName\\\":\\\"title\\\""))
        .containsExactly(
            "dashboard mallrank-overview: control control-keyword: field 'title' is text, not"
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
