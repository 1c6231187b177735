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
  static final String RECORDS = "___records___";

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

  /** A mapped field as the checks need it: its type and whether it can be aggregated or queried. */
  record FieldType(String type, boolean aggregatable, boolean searchable) {

    private static final Set<String> NUMERIC =
        Set.of(
            "long",
            "integer",
            "short",
            "byte",
            "double",
            "float",
            "half_float",
            "scaled_float",
            "unsigned_long");
    private static final Set<String> DATE = Set.of("date", "date_nanos");
    private static final Set<String> NOT_AGGREGATABLE =
        Set.of("text", "match_only_text", "object", "nested", "binary", "annotated_text");

    static FieldType of(JsonNode mapping) {
      String type = mapping.path("type").asText(mapping.has("properties") ? "object" : "object");
      boolean docValues = mapping.path("doc_values").asBoolean(true);
      boolean fielddata = mapping.path("fielddata").asBoolean(false);
      boolean aggregatable = (!NOT_AGGREGATABLE.contains(type) && docValues) || fielddata;
      boolean searchable = mapping.path("index").asBoolean(true) && !type.equals("object");
      return new FieldType(type, aggregatable, searchable);
    }

    boolean numeric() {
      return NUMERIC.contains(type);
    }

    boolean date() {
      return DATE.contains(type);
    }
  }

  /** Field names per template ({@code listings} → {slot, keyword, …, title, title.raw}). */
  static Map<String, Set<String>> templateFieldsFromClasspath() {
    Map<String, Set<String>> fields = new TreeMap<>();
    templateFieldTypesFromClasspath().forEach((name, types) -> fields.put(name, types.keySet()));
    return fields;
  }

  /** Field types per template ({@code listings} → {slot: date, title: text, …}). */
  static Map<String, Map<String, FieldType>> templateFieldTypesFromClasspath() {
    Map<String, Map<String, FieldType>> fields = new TreeMap<>();
    for (Map.Entry<String, String> template : templateResources().entrySet()) {
      String name = template.getKey().replaceFirst("\\.json$", "");
      fields.put(name, mappingFieldTypes(readJson(template.getValue())));
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
    return new TreeSet<>(mappingFieldTypes(templateBody).keySet());
  }

  /** Every field path of a template body with its type, multi-fields too. */
  static Map<String, FieldType> mappingFieldTypes(JsonNode templateBody) {
    JsonNode properties = templateBody.path("template").path("mappings").path("properties");
    if (!properties.isObject()) {
      throw new IllegalArgumentException("template has no template.mappings.properties");
    }
    Map<String, FieldType> fields = new TreeMap<>();
    collectFields("", properties, fields);
    return fields;
  }

  private static void collectFields(
      String prefix, JsonNode properties, Map<String, FieldType> out) {
    for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      String path = prefix + field.getKey();
      out.put(path, FieldType.of(field.getValue()));
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
   * @param fieldsByTemplate field types per template name, from {@link #mappingFieldTypes}
   */
  static List<String> problems(
      List<JsonNode> objects, Map<String, Map<String, FieldType>> fieldsByTemplate) {
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

    // Data view id → the field types of the template it reads.
    Map<String, Map<String, FieldType>> dataViewFields = new HashMap<>();
    Map<String, String> templates = new HashMap<>();
    Map<String, String> viewIdsByTitle = new HashMap<>();
    for (JsonNode object : byKey.values()) {
      if (object.path("type").asText().equals("index-pattern")) {
        String title = object.path("attributes").path("title").asText();
        Matcher m = DATA_VIEW_TITLE.matcher(title);
        Map<String, FieldType> fields = m.matches() ? fieldsByTemplate.get(m.group(1)) : null;
        viewIdsByTitle.put(title, object.path("id").asText());
        if (fields != null) {
          templates.put(object.path("id").asText(), m.group(1));
        }
        if (fields == null) {
          problems.add(
              "index-pattern "
                  + object.path("id").asText()
                  + ": title '"
                  + title
                  + "' matches no index template "
                  + fieldsByTemplate.keySet());
          fields = Map.of();
        }
        dataViewFields.put(object.path("id").asText(), fields);
      }
    }

    // "type/id" → the data views each object reads (dashboards check their controls against these)
    Map<String, Set<String>> viewsByKey = new HashMap<>();
    byKey.forEach((key, object) -> viewsByKey.put(key, viewsOf(object, viewIdsByTitle)));

    for (JsonNode object : byKey.values()) {
      String label = object.path("type").asText() + " " + object.path("id").asText();
      Map<String, String> refs = new HashMap<>();
      FieldUse use = new FieldUse(label, dataViewFields, problems, templates, viewIdsByTitle);
      for (JsonNode ref : object.path("references")) {
        String key = ref.path("type").asText() + "/" + ref.path("id").asText();
        if (!byKey.containsKey(key)) {
          problems.add(label + ": reference " + ref.path("name").asText() + " → missing " + key);
        }
        refs.put(ref.path("name").asText(), key);
      }
      MigrationVersions.check(object, use);
      JsonNode attributes = object.path("attributes");
      AttributeSchemas.check(object.path("type").asText(), attributes, use);
      switch (object.path("type").asText()) {
        case "index-pattern" -> checkDataView(object.path("id").asText(), attributes, use);
        case "lens" -> LensCheck.check(attributes, ids(refs), use);
        case "search" -> checkSearch(attributes, ids(refs), use);
        case "visualization" -> {
          if (VegaCheck.isVega(attributes)) {
            VegaCheck.check(attributes, use);
          } else {
            checkLegacyVisualization(attributes, ids(refs), use);
          }
        }
        case "dashboard" -> DashboardCheck.check(attributes, refs, use, viewsByKey);
        default -> {}
      }
    }
    return problems;
  }

  /** The data views an object reads: its data-view references, and a Vega chart's indices. */
  private static Set<String> viewsOf(JsonNode object, Map<String, String> viewIdsByTitle) {
    Set<String> views = new TreeSet<>();
    for (JsonNode ref : object.path("references")) {
      if (ref.path("type").asText().equals("index-pattern")
          && !ref.path("name").asText().startsWith("controlGroup_")) {
        views.add(ref.path("id").asText());
      }
    }
    if (object.path("type").asText().equals("visualization")
        && VegaCheck.isVega(object.path("attributes"))) {
      for (String index : VegaCheck.indices(object.path("attributes"))) {
        if (viewIdsByTitle.containsKey(index)) {
          views.add(viewIdsByTitle.get(index));
        }
      }
    }
    return views;
  }

  /** Reference name → referenced id. */
  private static Map<String, String> ids(Map<String, String> refs) {
    Map<String, String> ids = new HashMap<>();
    refs.forEach((name, key) -> ids.put(name, key.substring(key.indexOf('/') + 1)));
    return ids;
  }

  private static void checkDataView(String id, JsonNode attributes, FieldUse use) {
    FieldType time = use.require(id, attributes.path("timeFieldName").asText(), "timeFieldName");
    if (time != null && !time.date()) {
      use.problem(
          "timeFieldName '"
              + attributes.path("timeFieldName").asText()
              + "' is "
              + time.type()
              + ", not date");
    }
    for (String map : List.of("fieldFormatMap", "fieldAttrs", "runtimeFieldMap")) {
      if (attributes.hasNonNull(map)) {
        readJson(attributes.get(map).asText("{}"))
            .fieldNames()
            .forEachRemaining(field -> use.require(id, field, map));
      }
    }
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
      use.requireAggregatable(view, sort.path(0).asText(), "sort");
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
          use.requireAggregatable(view, field, "agg " + agg.path("type").asText());
        }
      }
    }
  }

  /** Field names a KQL query compares ({@code matrix_account : *} → matrix_account). */
  static Set<String> kqlFields(String query) {
    Set<String> fields = new LinkedHashSet<>();
    for (Kql.Comparison comparison : Kql.parse(query)) {
      if (comparison.field() != null) {
        fields.add(comparison.field());
      }
    }
    return fields;
  }

  /** Records problems for one saved object, and checks the fields it uses. */
  record FieldUse(
      String label,
      Map<String, Map<String, FieldType>> dataViewFields,
      List<String> problems,
      Map<String, String> templates,
      Map<String, String> viewIdsByTitle) {

    void problem(String text) {
      problems.add(label + ": " + text);
    }

    /** The index template a data view reads ({@code samples}), or null. */
    String template(String view) {
      return templates.get(view);
    }

    Collection<String> allViews() {
      return Collections.unmodifiableSet(dataViewFields.keySet());
    }

    /** The field's type, or null (and a problem) when the data view's mapping has no such field. */
    FieldType require(String view, String field, String where) {
      Map<String, FieldType> fields = dataViewFields.get(view);
      if (fields == null) {
        problem(where + " uses unknown data view " + view);
        return null;
      }
      FieldType type = fields.get(field);
      if (type == null) {
        problem(where + ": field '" + field + "' is not in the mapping behind data view " + view);
      }
      return type;
    }

    /** Terms, date histograms, sorts and metrics need doc values: a text field draws nothing. */
    FieldType requireAggregatable(String view, String field, String where) {
      FieldType type = require(view, field, where);
      if (type != null && !type.aggregatable()) {
        problem(
            where
                + ": field '"
                + field
                + "' is "
                + type.type()
                + (type.type().equals("text") ? "" : " without doc values")
                + ", not aggregatable");
        return null;
      }
      return type;
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
      List<Kql.Comparison> comparisons;
      try {
        comparisons = Kql.parse(text);
      } catch (Kql.SyntaxError e) {
        problem(where + ": " + e.getMessage());
        return;
      }
      for (Kql.Comparison comparison : comparisons) {
        if (comparison.field() == null) {
          continue; // free text
        }
        for (String view : views) {
          FieldType type = require(view, comparison.field(), where + " '" + text + "'");
          if (type == null) {
            continue;
          }
          if (!type.searchable()) {
            problem(where + " '" + text + "': field '" + comparison.field() + "' is not indexed");
          } else if (!comparison.op().equals(":") && !type.numeric() && !type.date()) {
            problem(
                where
                    + " '"
                    + text
                    + "': range on '"
                    + comparison.field()
                    + "', a "
                    + type.type()
                    + " field");
          }
        }
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

  static JsonNode readJson(String text) {
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
