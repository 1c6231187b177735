package com.mallrank.kibana;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Validates JSON against the subset of JSON Schema (2020-12) that the files in {@code
 * kibana/schemas/} use: {@code type}, {@code properties}, {@code required}, {@code
 * additionalProperties}, {@code items}, {@code enum}, {@code anyOf}, {@code minimum}/{@code
 * maximum}, {@code maxItems}. A keyword outside the subset is an error, never silently ignored, so
 * a schema cannot check less than it says.
 */
final class JsonSchemaSubset {

  private static final Set<String> ANNOTATIONS = Set.of("$schema", "$comment", "title");
  private static final Set<String> SUPPORTED =
      Set.of(
          "type",
          "properties",
          "required",
          "additionalProperties",
          "items",
          "enum",
          "anyOf",
          "minimum",
          "maximum",
          "maxItems");

  private JsonSchemaSubset() {}

  /** Every violation as {@code path: problem}; empty when the value is valid. */
  static List<String> validate(JsonNode schema, JsonNode value) {
    List<String> problems = new ArrayList<>();
    check(schema, value, "$", problems);
    return problems;
  }

  private static void check(JsonNode schema, JsonNode value, String path, List<String> out) {
    for (Iterator<String> it = schema.fieldNames(); it.hasNext(); ) {
      String keyword = it.next();
      if (!SUPPORTED.contains(keyword) && !ANNOTATIONS.contains(keyword)) {
        throw new IllegalArgumentException("schema keyword '" + keyword + "' is not supported");
      }
    }
    if (schema.has("type") && !hasType(value, schema.get("type").asText())) {
      out.add(path + ": must be " + schema.get("type").asText() + ", is " + describe(value));
      return;
    }
    if (schema.has("enum")) {
      boolean found = false;
      for (JsonNode allowed : schema.get("enum")) {
        found |= allowed.equals(value);
      }
      if (!found) {
        out.add(path + ": must be one of " + schema.get("enum") + ", is " + value);
      }
    }
    if (schema.has("anyOf")) {
      boolean any = false;
      for (JsonNode option : schema.get("anyOf")) {
        any |= validate(option, value).isEmpty();
      }
      if (!any) {
        out.add(path + ": matches none of the allowed shapes (anyOf)");
      }
    }
    if (value.isNumber()) {
      if (schema.has("minimum") && value.asDouble() < schema.get("minimum").asDouble()) {
        out.add(path + ": must be >= " + schema.get("minimum") + ", is " + value);
      }
      if (schema.has("maximum") && value.asDouble() > schema.get("maximum").asDouble()) {
        out.add(path + ": must be <= " + schema.get("maximum") + ", is " + value);
      }
    }
    if (value.isArray()) {
      if (schema.has("maxItems") && value.size() > schema.get("maxItems").asInt()) {
        out.add(path + ": at most " + schema.get("maxItems") + " items, has " + value.size());
      }
      if (schema.has("items")) {
        for (int i = 0; i < value.size(); i++) {
          check(schema.get("items"), value.get(i), path + "[" + i + "]", out);
        }
      }
    }
    if (value.isObject()) {
      for (JsonNode required : schema.path("required")) {
        if (!value.has(required.asText())) {
          out.add(path + ": required '" + required.asText() + "' is missing");
        }
      }
      JsonNode properties = schema.path("properties");
      for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        String fieldPath = path + "." + field.getKey();
        if (properties.has(field.getKey())) {
          check(properties.get(field.getKey()), field.getValue(), fieldPath, out);
        } else if (schema.has("additionalProperties")) {
          JsonNode additional = schema.get("additionalProperties");
          if (additional.isBoolean()) {
            if (!additional.asBoolean()) {
              out.add(fieldPath + ": unknown attribute (not in the schema)");
            }
          } else {
            check(additional, field.getValue(), fieldPath, out);
          }
        }
      }
    }
  }

  private static boolean hasType(JsonNode value, String type) {
    return switch (type) {
      case "object" -> value.isObject();
      case "array" -> value.isArray();
      case "string" -> value.isTextual();
      case "boolean" -> value.isBoolean();
      case "number" -> value.isNumber();
      case "integer" -> value.isIntegralNumber();
      case "null" -> value.isNull();
      default -> throw new IllegalArgumentException("unknown schema type '" + type + "'");
    };
  }

  private static String describe(JsonNode value) {
    return value.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
  }
}
