package com.mallrank.kibana;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The attribute schemas of Kibana 8.19's dashboard, saved search and data view, kept as JSON Schema
 * files in {@code kibana/schemas/} (each names the Kibana source it was transcribed from), applied
 * to each object's attributes; a dashboard's panels are checked against the panel schema.
 */
final class AttributeSchemas {

  /** Surefire runs in the module directory. */
  static final Path DIR = Path.of("schemas");

  private static final Map<String, JsonNode> CACHE = new HashMap<>();

  private AttributeSchemas() {}

  static synchronized JsonNode schema(String name) {
    return CACHE.computeIfAbsent(
        name,
        n -> {
          try {
            return SavedObjectsCheck.readJson(
                Files.readString(DIR.resolve(n + ".schema.json"), StandardCharsets.UTF_8));
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }

  static void check(String type, JsonNode attributes, SavedObjectsCheck.FieldUse use) {
    String name =
        switch (type) {
          case "dashboard", "search", "index-pattern", "visualization" -> type + ".attributes";
          default -> null;
        };
    if (name == null) {
      return;
    }
    for (String problem : JsonSchemaSubset.validate(schema(name), attributes)) {
      use.problem("attributes " + problem.replaceFirst("^\\$\\.?", "") + " (" + name + ")");
    }
    if (type.equals("dashboard")) {
      JsonNode panels = SavedObjectsCheck.readJson(attributes.path("panelsJSON").asText("[]"));
      for (JsonNode panel : panels) {
        String at = "panel " + panel.path("panelIndex").asText("?");
        for (String problem : JsonSchemaSubset.validate(schema("dashboard-panel"), panel)) {
          use.problem(at + " " + problem.replaceFirst("^\\$\\.?", "") + " (dashboard-panel)");
        }
      }
    }
  }
}
