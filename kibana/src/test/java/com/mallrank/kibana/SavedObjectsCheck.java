package com.mallrank.kibana;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Checks Kibana saved objects (one JSON object per NDJSON line) against themselves and against the
 * index templates: ids are unique, every reference resolves inside the file, and every field a data
 * view, Lens column, saved search, query, filter or dashboard control names exists in the mapping
 * of the template its data view reads. Kibana itself accepts an unknown field and shows an empty
 * chart, so a renamed mapping field is only caught here.
 */
final class SavedObjectsCheck {

  /** Where the index module keeps its composable-template bodies. */
  static final String TEMPLATE_DIR = "mallrank/index/templates/";

  /** Lens' pseudo field for "count of records". */
  private static final String RECORDS = "___records___";

  /**
   * {@code field :}, {@code field <=} … in a KQL query; values are quoted or follow the operator.
   */
  private static final Pattern KQL_FIELD =
      Pattern.compile("(?<![\\w.\"])([A-Za-z_][A-Za-z0-9_.]*)\\s*(?::|<=|>=|<|>)");

  /** Data view titles are {@code mallrank-<template>*}. */
  private static final Pattern DATA_VIEW_TITLE = Pattern.compile("mallrank-([a-z_]+)\\*");

  private static final ObjectMapper JSON = new ObjectMapper();

  private SavedObjectsCheck() {}

  /** Parses NDJSON; a line that is not a JSON object fails with its line number. */
  static List<JsonNode> parseNdjson(String text) {
    List<JsonNode> objects = new ArrayList<>();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty()) {
        continue;
      }
      JsonNode node;
      try {
        node = JSON.readTree(line);
      } catch (JsonProcessingException e) {
        throw new IllegalArgumentException(
            "line " + (i + 1) + " is not valid JSON: " + e.getOriginalMessage(), e);
      }
      if (!node.isObject()) {
        throw new IllegalArgumentException("line " + (i + 1) + " is not a JSON object");
      }
      objects.add(node);
    }
    return objects;
  }

  /** Field names per template ({@code listings} → {slot, keyword, …, title, title.raw}). */
  static Map<String, Set<String>> templateFieldsFromClasspath() {
    Map<String, Set<String>> fields = new TreeMap<>();
    for (Map.Entry<String, String> template : templateResources().entrySet()) {
      String name = template.getKey().replaceFirst("\\.json$", "");
      fields.put(name, mappingFields(readJson(template.getValue())));
    }
    if (fields.isEmpty()) {
      throw new IllegalStateException("no templates on the classpath under " + TEMPLATE_DIR);
    }
    return fields;
  }

  /**
   * All field paths of a template body's {@code template.mappings.properties}, multi-fields too.
   */
  static Set<String> mappingFields(JsonNode templateBody) {
    JsonNode properties = templateBody.path("template").path("mappings").path("properties");
    if (!properties.isObject()) {
      throw new IllegalArgumentException("template has no template.mappings.properties");
    }
    Set<String> fields = new TreeSet<>();
    collectFields("", properties, fields);
    return fields;
  }

  private static void collectFields(String prefix, JsonNode properties, Set<String> out) {
    for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      String path = prefix + field.getKey();
      out.add(path);
      if (field.getValue().has("properties")) {
        collectFields(path + ".", field.getValue().get("properties"), out);
      }
      if (field.getValue().has("fields")) {
        collectFields(path + ".", field.getValue().get("fields"), out);
      }
    }
  }

  /**
   * Everything wrong with the saved objects, one readable line each; empty when all is well.
   *
   * @param objects the parsed NDJSON lines
   * @param fieldsByTemplate field names per template name, from {@link #mappingFields}
   */
  static List<String> problems(List<JsonNode> objects, Map<String, Set<String>> fieldsByTemplate) {
    List<String> problems = new ArrayList<>();
    Map<String, JsonNode> byKey = new HashMap<>();
    Set<String> ids = new HashSet<>();
    for (JsonNode object : objects) {
      String id = object.path("id").asText("");
      String type = object.path("type").asText("");
      if (id.isEmpty() || type.isEmpty() || !object.path("attributes").isObject()) {
        problems.add("object without id, type or attributes: " + abbreviate(object));
        continue;
      }
      if (!ids.add(id)) {
        problems.add("duplicate id " + id);
      }
      byKey.put(type + "/" + id, object);
    }

    // Data view id → the field names of the template it reads.
    Map<String, Set<String>> dataViewFields = new HashMap<>();
    for (JsonNode object : byKey.values()) {
      if (object.path("type").asText().equals("index-pattern")) {
        String title = object.path("attributes").path("title").asText();
        Matcher m = DATA_VIEW_TITLE.matcher(title);
        Set<String> fields = m.matches() ? fieldsByTemplate.get(m.group(1)) : null;
        if (fields == null) {
          problems.add(
              "index-pattern "
                  + object.path("id").asText()
                  + ": title '"
                  + title
                  + "' matches no index template "
                  + fieldsByTemplate.keySet());
          fields = Set.of();
        }
        dataViewFields.put(object.path("id").asText(), fields);
      }
    }

    for (JsonNode object : byKey.values()) {
      String label = object.path("type").asText() + " " + object.path("id").asText();
      Map<String, String> refs = new HashMap<>();
      for (JsonNode ref : object.path("references")) {
        String key = ref.path("type").asText() + "/" + ref.path("id").asText();
        if (!byKey.containsKey(key)) {
          problems.add(label + ": reference " + ref.path("name").asText() + " → missing " + key);
        }
        refs.put(ref.path("name").asText(), ref.path("id").asText());
      }
      FieldUse use = new FieldUse(label, dataViewFields, problems);
      JsonNode attributes = object.path("attributes");
      switch (object.path("type").asText()) {
        case "index-pattern" -> checkDataView(object.path("id").asText(), attributes, use);
        case "lens" -> checkLens(attributes, refs, use);
        case "search" -> checkSearch(attributes, refs, use);
        case "visualization" -> checkLegacyVisualization(attributes, refs, use);
        case "dashboard" -> checkDashboard(attributes, refs, use);
        default -> {}
      }
    }
    return problems;
  }

  private static void checkDataView(String id, JsonNode attributes, FieldUse use) {
    use.require(id, attributes.path("timeFieldName").asText(), "timeFieldName");
    for (String map : List.of("fieldFormatMap", "fieldAttrs", "runtimeFieldMap")) {
      if (attributes.hasNonNull(map)) {
        readJson(attributes.get(map).asText("{}"))
            .fieldNames()
            .forEachRemaining(field -> use.require(id, field, map));
      }
    }
  }

  private static void checkLens(JsonNode attributes, Map<String, String> refs, FieldUse use) {
    JsonNode state = attributes.path("state");
    Set<String> views = new LinkedHashSet<>();
    for (String datasource : List.of("formBased", "indexpattern")) {
      JsonNode layers = state.path("datasourceStates").path(datasource).path("layers");
      for (Iterator<Map.Entry<String, JsonNode>> it = layers.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> layer = it.next();
        String view = refs.get("indexpattern-datasource-layer-" + layer.getKey());
        if (view == null) {
          use.problem("layer " + layer.getKey() + " has no data view reference");
          continue;
        }
        views.add(view);
        for (JsonNode column : layer.getValue().path("columns")) {
          String where = "column '" + column.path("label").asText() + "'";
          String source = column.path("sourceField").asText("");
          if (!source.isEmpty() && !source.equals(RECORDS)) {
            use.require(view, source, where);
          }
          for (JsonNode secondary : column.path("params").path("secondaryFields")) {
            use.require(view, secondary.asText(), where);
          }
          use.requireQuery(List.of(view), column.path("filter"), where + " filter");
        }
      }
    }
    use.requireQuery(views, state.path("query"), "query");
    use.requireFilters(views, state.path("filters"));
  }

  private static void checkSearch(JsonNode attributes, Map<String, String> refs, FieldUse use) {
    String view = refs.get("kibanaSavedObjectMeta.searchSourceJSON.index");
    if (view == null) {
      use.problem("no data view reference");
      return;
    }
    for (JsonNode column : attributes.path("columns")) {
      use.require(view, column.asText(), "column");
    }
    for (JsonNode sort : attributes.path("sort")) {
      use.require(view, sort.path(0).asText(), "sort");
    }
    JsonNode source =
        readJson(attributes.path("kibanaSavedObjectMeta").path("searchSourceJSON").asText("{}"));
    use.requireQuery(List.of(view), source.path("query"), "query");
    use.requireFilters(List.of(view), source.path("filter"));
  }

  private static void checkLegacyVisualization(
      JsonNode attributes, Map<String, String> refs, FieldUse use) {
    String view = refs.get("kibanaSavedObjectMeta.searchSourceJSON.index");
    JsonNode visState = readJson(attributes.path("visState").asText("{}"));
    for (JsonNode agg : visState.path("aggs")) {
      String field = agg.path("params").path("field").asText("");
      if (!field.isEmpty()) {
        if (view == null) {
          use.problem("agg on '" + field + "' without a data view reference");
        } else {
          use.require(view, field, "agg " + agg.path("type").asText());
        }
      }
    }
  }

  private static void checkDashboard(JsonNode attributes, Map<String, String> refs, FieldUse use) {
    JsonNode controls = attributes.path("controlGroupInput");
    if (controls.hasNonNull("panelsJSON")) {
      for (Iterator<Map.Entry<String, JsonNode>> it =
              readJson(controls.get("panelsJSON").asText()).fields();
          it.hasNext(); ) {
        Map.Entry<String, JsonNode> control = it.next();
        String prefix = "controlGroup_" + control.getKey() + ":";
        String view =
            refs.entrySet().stream()
                .filter(e -> e.getKey().startsWith(prefix))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse(null);
        String field = control.getValue().path("explicitInput").path("fieldName").asText("");
        if (view == null) {
          use.problem("control " + control.getKey() + " has no data view reference");
        } else if (!field.isEmpty()) {
          use.require(view, field, "control " + control.getKey());
        }
      }
    }
    // A dashboard-wide query or filter reaches every panel, so it must fit every data view.
    JsonNode source =
        readJson(attributes.path("kibanaSavedObjectMeta").path("searchSourceJSON").asText("{}"));
    use.requireQuery(use.allViews(), source.path("query"), "query");
    use.requireFilters(use.allViews(), source.path("filter"));
  }

  /** Field names a KQL query compares ({@code matrix_account : *} → matrix_account). */
  static Set<String> kqlFields(String query) {
    Set<String> fields = new LinkedHashSet<>();
    Matcher m = KQL_FIELD.matcher(query.replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\""));
    while (m.find()) {
      fields.add(m.group(1));
    }
    return fields;
  }

  /** Records problems for one saved object. */
  private record FieldUse(
      String label, Map<String, Set<String>> dataViewFields, List<String> problems) {

    void problem(String text) {
      problems.add(label + ": " + text);
    }

    Collection<String> allViews() {
      return Collections.unmodifiableSet(dataViewFields.keySet());
    }

    void require(String view, String field, String where) {
      Set<String> fields = dataViewFields.get(view);
      if (fields == null) {
        problem(where + " uses unknown data view " + view);
      } else if (!fields.contains(field)) {
        problem(where + ": field '" + field + "' is not in the mapping behind data view " + view);
      }
    }

    void requireQuery(Collection<String> views, JsonNode query, String where) {
      if (query.isMissingNode() || query.isNull()) {
        return;
      }
      String language = query.path("language").asText("kuery");
      String text = query.path("query").asText("");
      if (!language.equals("kuery") && !text.isBlank()) {
        problem(where + ": only KQL (kuery) queries are checked; found " + language);
        return;
      }
      for (String field : kqlFields(text)) {
        views.forEach(view -> require(view, field, where + " '" + text + "'"));
      }
    }

    void requireFilters(Collection<String> views, JsonNode filters) {
      for (JsonNode filter : filters) {
        JsonNode meta = filter.path("meta");
        for (String key : List.of("key", "field")) {
          String field = meta.path(key).asText("");
          if (!field.isEmpty()) {
            views.forEach(view -> require(view, field, "filter"));
          }
        }
      }
    }
  }

  private static JsonNode readJson(String text) {
    try {
      return JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("invalid embedded JSON: " + e.getOriginalMessage(), e);
    }
  }

  /** Template file name → content, from a directory or a jar on the classpath. */
  private static Map<String, String> templateResources() {
    Map<String, String> templates = new TreeMap<>();
    try {
      for (URL url :
          Collections.list(SavedObjectsCheck.class.getClassLoader().getResources(TEMPLATE_DIR))) {
        if (url.getProtocol().equals("file")) {
          try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
              templates.putIfAbsent(
                  file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8));
            }
          }
        } else if (url.getProtocol().equals("jar")) {
          JarURLConnection connection = (JarURLConnection) url.openConnection();
          connection.setUseCaches(false);
          try (JarFile jar = connection.getJarFile()) {
            for (JarEntry entry : Collections.list(jar.entries())) {
              String name = entry.getName();
              if (name.startsWith(TEMPLATE_DIR)
                  && name.endsWith(".json")
                  && name.indexOf('/', TEMPLATE_DIR.length()) < 0) {
                try (InputStream in = jar.getInputStream(entry)) {
                  templates.putIfAbsent(
                      name.substring(TEMPLATE_DIR.length()),
                      new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
              }
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
    return templates;
  }

  private static String abbreviate(JsonNode node) {
    String text = node.toString();
    return text.length() > 120 ? text.substring(0, 120) + "…" : text;
  }
}
