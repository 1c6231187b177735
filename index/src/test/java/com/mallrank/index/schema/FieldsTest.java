package com.mallrank.index.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** {@link Fields} and the templates cannot drift: the constants are exactly the mapped fields. */
class FieldsTest {

  private static final List<String> TEMPLATES =
      List.of(
          IndexTemplates.SAMPLES_RESOURCE,
          IndexTemplates.LISTINGS_RESOURCE,
          IndexTemplates.CHANGES_RESOURCE,
          IndexTemplates.DAILY_RESOURCE,
          IndexTemplates.SLOTS_RESOURCE);

  /** The templates of per-sample data: each is read by keyword, vantage, profile and group. */
  private static final List<String> PER_SAMPLE = TEMPLATES.subList(0, 4);

  @Test
  void everyConstantIsAFieldOfATemplateAndEveryFieldHasOne() throws Exception {
    TreeSet<String> mapped = new TreeSet<>();
    for (String template : TEMPLATES) {
      mapped.addAll(fields(template));
    }
    Map<String, String> constants = constants();

    assertThat(mapped)
        .as("fields read from the templates")
        .hasSize(47)
        .contains("matrix_account", "sales_count", "outcome");
    assertThat(new TreeSet<>(constants.values()))
        .as("Fields constants vs template fields")
        .isEqualTo(mapped);
    constants.forEach(
        (name, value) ->
            assertThat(name)
                .as("constant of '" + value + "'")
                .isEqualTo(value.toUpperCase(java.util.Locale.ROOT)));
  }

  @Test
  void theSharedFieldsAreInEveryTemplate() throws Exception {
    for (String template : PER_SAMPLE) {
      assertThat(fields(template))
          .as(template)
          .contains(Fields.KEYWORD, Fields.VANTAGE, Fields.PROFILE, Fields.GROUP);
    }
    assertThat(fields(IndexTemplates.SLOTS_RESOURCE))
        .as("slot outcomes are per group and slot")
        .containsExactly(
            Fields.SLOT, Fields.GROUP, Fields.PROFILE, Fields.OUTCOME, Fields.JUDGED_AT);
  }

  /** The mapped fields of a template, nested ones as {@code a.b}. */
  private static List<String> fields(String resource) throws IOException {
    try (InputStream in = IndexTemplates.open(resource)) {
      JsonNode root = new ObjectMapper().readTree(in);
      JsonNode template = root.has("template") ? root.get("template") : root;
      List<String> names = new ArrayList<>();
      collect(template.path("mappings").path("properties"), "", names);
      assertThat(names).as(resource).isNotEmpty();
      return names;
    }
  }

  private static void collect(JsonNode properties, String prefix, List<String> names) {
    properties
        .fields()
        .forEachRemaining(
            e -> {
              names.add(prefix + e.getKey());
              if (e.getValue().has("properties")) {
                collect(e.getValue().get("properties"), prefix + e.getKey() + ".", names);
              }
            });
  }

  private static Map<String, String> constants() throws IllegalAccessException {
    Map<String, String> constants = new TreeMap<>();
    for (Field field : Fields.class.getDeclaredFields()) {
      int m = field.getModifiers();
      if (Modifier.isStatic(m) && Modifier.isFinal(m) && field.getType() == String.class) {
        constants.put(field.getName(), (String) field.get(null));
      }
    }
    return constants;
  }
}
