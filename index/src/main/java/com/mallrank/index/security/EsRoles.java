package com.mallrank.index.security;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mallrank.index.schema.IndexNames;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.apache.http.entity.ContentType;
import org.apache.http.nio.entity.NStringEntity;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.Response;
import org.elasticsearch.client.ResponseException;
import org.elasticsearch.client.RestClient;

/**
 * mallrank's roles as code: the one resource {@value #RESOURCE} with {@code {prefix}} replaced by
 * the index prefix, as security-API request bodies ({@code PUT _security/role/<name>}) or as a
 * {@code roles.yml} for file-realm clusters.
 */
public final class EsRoles {

  /** The roles resource on the class path. */
  public static final String RESOURCE = "mallrank/index/security/roles.json";

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * The Kibana role that loads the saved objects (kibana/import.sh): Kibana's feature privileges
   * {@code all} on dashboards, Discover sessions, the Visualize library and data views, no index
   * privilege. Not one of the application's {@link MallrankRole}s: no mallrank process connects as
   * it.
   */
  public static final String KIBANA_OBJECTS_ROLE = "mallrank_kibana_objects";

  /** Role name → request body, every role of the resource in its order. */
  private final Map<String, String> bodies;

  private EsRoles(Map<String, String> bodies) {
    this.bodies = bodies;
  }

  /** The roles for the prefix's indices. */
  public static EsRoles forPrefix(IndexNames names) {
    Objects.requireNonNull(names, "names");
    JsonNode root;
    try (InputStream in = EsRoles.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("Missing class-path resource " + RESOURCE);
      }
      // prefixes are [a-z0-9._-]: nothing to escape inside a JSON string
      String text =
          new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
              .replace("{prefix}", names.prefix());
      root = JSON.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + RESOURCE, e);
    }
    Map<String, String> bodies = new LinkedHashMap<>();
    root.fields()
        .forEachRemaining(
            role -> {
              if (!role.getKey().startsWith("_")) {
                bodies.put(role.getKey(), role.getValue().toString());
              }
            });
    for (MallrankRole role : MallrankRole.values()) {
      if (!(root.get(role.roleName()) instanceof ObjectNode)) {
        throw new IllegalStateException(RESOURCE + " has no object \"" + role.roleName() + "\"");
      }
    }
    if (!(root.get(KIBANA_OBJECTS_ROLE) instanceof ObjectNode)) {
      throw new IllegalStateException(RESOURCE + " has no object \"" + KIBANA_OBJECTS_ROLE + "\"");
    }
    return new EsRoles(bodies);
  }

  /** The request body of {@code PUT _security/role/<name>} for the role (compact JSON). */
  public String body(MallrankRole role) {
    return bodies.get(role.roleName());
  }

  /** The body of any role of the resource by name, e.g. {@value #KIBANA_OBJECTS_ROLE}. */
  public String body(String roleName) {
    String body = bodies.get(roleName);
    if (body == null) {
      throw new IllegalArgumentException("no role " + roleName + " in " + RESOURCE);
    }
    return body;
  }

  /** Every role's name, in the resource's order. */
  public java.util.List<String> names() {
    return java.util.List.copyOf(bodies.keySet());
  }

  /**
   * The roles as a file-realm {@code roles.yml}: one line per role, its body in YAML flow style
   * (JSON is YAML).
   */
  public String rolesYml() {
    StringBuilder yml = new StringBuilder("# mallrank roles, generated from ").append(RESOURCE);
    yml.append('\n');
    bodies.forEach((role, body) -> yml.append(role).append(": ").append(body).append('\n'));
    return yml.toString();
  }

  /**
   * Creates or updates every role through the security API. The credential needs the {@code
   * manage_security} cluster privilege (e.g. the {@code elastic} user), which no mallrank role has.
   *
   * @throws IllegalStateException naming the role when the cluster refuses it
   */
  public void apply(ElasticsearchClient client) {
    if (!(client._transport() instanceof RestClientTransport transport)) {
      throw new IllegalStateException("applying roles needs the REST client transport");
    }
    RestClient rest = transport.restClient();
    for (Map.Entry<String, String> role : bodies.entrySet()) {
      Request request = new Request("PUT", "/_security/role/" + role.getKey());
      request.setEntity(new NStringEntity(role.getValue(), ContentType.APPLICATION_JSON));
      try {
        Response response = rest.performRequest(request);
        response.getEntity().getContent().close();
      } catch (ResponseException e) {
        throw new IllegalStateException(
            "PUT _security/role/"
                + role.getKey()
                + " refused: HTTP "
                + e.getResponse().getStatusLine().getStatusCode(),
            e);
      } catch (IOException e) {
        throw new UncheckedIOException("PUT _security/role/" + role.getKey() + " failed", e);
      }
    }
  }
}
