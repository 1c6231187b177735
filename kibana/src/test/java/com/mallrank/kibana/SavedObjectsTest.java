package com.mallrank.kibana;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SavedObjectsTest {

  /** Surefire runs in the module directory. */
  private static final Path NDJSON = Path.of("saved-objects", "mallrank.ndjson");

  private static String ndjson;
  private static Map<String, Map<String, SavedObjectsCheck.FieldType>> templates;

  @BeforeAll
  static void load() throws IOException {
    ndjson = Files.readString(NDJSON, StandardCharsets.UTF_8);
    templates = SavedObjectsCheck.templateFieldTypesFromClasspath();
  }

  @Test
  void templatesComeFromTheIndexModule() {
    assertThat(templates).containsKeys("listings", "samples");
    assertThat(templates.get("listings").keySet())
        .contains("slot", "position", "matrix_account", "price_fen", "title.raw");
    assertThat(templates.get("samples").keySet()).contains("slot", "status", "keyword");
    assertThat(templates.get("listings").get("title").aggregatable()).isFalse();
    assertThat(templates.get("listings").get("title.raw").aggregatable()).isTrue();
    assertThat(templates.get("listings").get("image_url").aggregatable()).isFalse();
    assertThat(templates.get("listings").get("slot").date()).isTrue();
  }

  @Test
  void everyLineIsAnObjectWithAStableReadableId() {
    List<JsonNode> objects = SavedObjectsCheck.parseNdjson(ndjson);

    assertThat(objects).extracting(o -> o.path("id").asText()).doesNotHaveDuplicates();
    assertThat(objects)
        .extracting(o -> o.path("id").asText())
        .allMatch(id -> id.matches("mallrank-[a-z0-9-]+"), "ids are mallrank-<readable-name>")
        .contains(
            "mallrank-listings",
            "mallrank-samples",
            "mallrank-matrix-rank-over-time",
            "mallrank-samples-by-status",
            "mallrank-top20-share",
            "mallrank-competitor-listings",
            "mallrank-overview",
            "mallrank-dashboard-search-operator",
            "mallrank-dashboard-competitive-analyst",
            "mallrank-dashboard-matrix-manager",
            "mallrank-dashboard-keyword-market",
            "mallrank-dashboard-sampling-health",
            "mallrank-operator-rank-table",
            "mallrank-operator-organic-vs-ad",
            "mallrank-analyst-top20-share-by-shop",
            "mallrank-analyst-competitor-sales",
            "mallrank-analyst-product-history",
            "mallrank-health-success-and-duration",
            "mallrank-health-slot-outcomes");
  }

  @Test
  void referencesResolveAndEveryFieldIsInTheIndexTemplates() {
    List<JsonNode> objects = SavedObjectsCheck.parseNdjson(ndjson);

    assertThat(SavedObjectsCheck.problems(objects, templates)).isEmpty();
  }

  @Test
  void aFieldRenamedInTheTemplateIsReported() {
    Map<String, Map<String, SavedObjectsCheck.FieldType>> renamed = new HashMap<>(templates);
    Map<String, SavedObjectsCheck.FieldType> listings = new TreeMap<>(templates.get("listings"));
    listings.put("card_position", listings.remove("position"));
    renamed.put("listings", listings);

    List<String> problems =
        SavedObjectsCheck.problems(SavedObjectsCheck.parseNdjson(ndjson), renamed);

    assertThat(problems)
        .anyMatch(
            p ->
                p.startsWith("visualization mallrank-matrix-rank-over-time")
                    && p.contains("'position'"))
        .anyMatch(
            p -> p.startsWith("search mallrank-competitor-listings") && p.contains("'position'"))
        .anyMatch(p -> p.startsWith("lens mallrank-top20-share") && p.contains("'position'"));
  }

  @Test
  void aMisspelledFieldInASavedObjectIsReported() {
    String misspelled =
        ndjson
            .replace("\"sourceField\":\"price_fen\"", "\"sourceField\":\"price\"")
            .replace("\\\"fieldName\\\":\\\"vantage\\\"", "\\\"fieldName\\\":\\\"identity\\\"");

    List<String> problems =
        SavedObjectsCheck.problems(SavedObjectsCheck.parseNdjson(misspelled), templates);

    assertThat(problems)
        .anyMatch(p -> p.contains("'price'"))
        .anyMatch(p -> p.startsWith("dashboard mallrank-overview") && p.contains("'identity'"));
  }

  @Test
  void aDanglingReferenceAndABrokenLineAreReported() {
    List<JsonNode> withoutOneLens =
        SavedObjectsCheck.parseNdjson(ndjson).stream()
            .filter(o -> !o.path("id").asText().equals("mallrank-top20-share"))
            .toList();
    assertThat(SavedObjectsCheck.problems(withoutOneLens, templates))
        .containsExactlyInAnyOrder(
            "dashboard mallrank-overview: reference share:panel_share → missing"
                + " lens/mallrank-top20-share",
            "dashboard mallrank-dashboard-matrix-manager: reference share:panel_share → missing"
                + " lens/mallrank-top20-share");

    assertThatThrownBy(() -> SavedObjectsCheck.parseNdjson(ndjson + "{\"id\":\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("line 34");
  }

  @Test
  void kqlFieldNamesAreFoundButNotInsideQuotedValues() {
    assertThat(SavedObjectsCheck.kqlFields("not matrix_account : * and position <= 20"))
        .containsExactly("matrix_account", "position");
    assertThat(SavedObjectsCheck.kqlFields("keyword : \"a: b\" or title.raw:x"))
        .containsExactly("keyword", "title.raw");
  }
}
