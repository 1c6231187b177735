package com.mallrank.kibana;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A KQL query as the Elasticsearch query Kibana sends for it (@kbn/es-query's KQL functions,
 * src/platform/packages/shared/kbn-es-query/src/kuery/functions/: {@code is} → {@code match} (a
 * quoted value {@code match_phrase}), {@code *} → {@code exists}, {@code range} → {@code range},
 * {@code and} → {@code bool.filter}, {@code or} → {@code bool.should} with one match, {@code not} →
 * {@code bool.must_not}). Free text and wildcards inside values are not used by the saved objects
 * and refused.
 */
final class KqlQuery {

  private static final ObjectMapper JSON = new ObjectMapper();

  private KqlQuery() {}

  /** The query for a KQL text, or {@code match_all} for a blank one. */
  static ObjectNode of(String kql) {
    Kql.Node tree = Kql.tree(kql == null ? "" : kql);
    return tree == null ? object("match_all", JSON.createObjectNode()) : of(tree);
  }

  private static ObjectNode of(Kql.Node node) {
    if (node instanceof Kql.And and) {
      return bool("filter", and.parts().stream().map(KqlQuery::of).toList(), false);
    } else if (node instanceof Kql.Or or) {
      return bool("should", or.parts().stream().map(KqlQuery::of).toList(), true);
    } else if (node instanceof Kql.Not not) {
      return bool("must_not", java.util.List.of(of(not.part())), false);
    }
    return comparison((Kql.Comparison) node);
  }

  private static ObjectNode comparison(Kql.Comparison c) {
    if (c.field() == null) {
      throw new IllegalArgumentException("free text is not used by mallrank's saved objects");
    }
    if (c.value() == null) {
      return object("exists", JSON.createObjectNode().put("field", c.field()));
    }
    if (!c.op().equals(":")) {
      String bound =
          switch (c.op()) {
            case "<" -> "lt";
            case "<=" -> "lte";
            case ">" -> "gt";
            case ">=" -> "gte";
            default -> throw new IllegalArgumentException(c.op());
          };
      return object("range", object(c.field(), JSON.createObjectNode().put(bound, c.value())));
    }
    if (c.value().contains("*")) {
      throw new IllegalArgumentException("wildcards in values are not used: " + c.value());
    }
    return object("match", JSON.createObjectNode().put(c.field(), c.value()));
  }

  private static ObjectNode bool(String clause, java.util.List<ObjectNode> parts, boolean any) {
    ObjectNode bool = JSON.createObjectNode();
    ArrayNode list = bool.putArray(clause);
    parts.forEach(list::add);
    if (any) {
      bool.put("minimum_should_match", 1);
    }
    return object("bool", bool);
  }

  static ObjectNode object(String key, ObjectNode value) {
    ObjectNode node = JSON.createObjectNode();
    node.set(key, value);
    return node;
  }
}
