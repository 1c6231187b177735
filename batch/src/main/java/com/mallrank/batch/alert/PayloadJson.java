package com.mallrank.batch.alert;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The JSON plumbing the payloads share. */
final class PayloadJson {

  static final ObjectMapper MAPPER = new ObjectMapper();

  private PayloadJson() {}

  static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  static String write(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The integer field of a JSON body, or {@code null} when absent or not JSON. */
  static Long code(String body, String... fields) {
    try {
      JsonNode root = MAPPER.readTree(body);
      for (String field : fields) {
        JsonNode value = root.get(field);
        if (value != null && value.canConvertToLong()) {
          return value.asLong();
        }
      }
      return null;
    } catch (JsonProcessingException | IllegalArgumentException e) {
      return null;
    }
  }
}
