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

  private final Map<MallrankRole, String> bodies;

  private EsRoles(Map<MallrankRole, String> bodies) {
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
    Map<MallrankRole, String> bodies = new LinkedHashMap<>();
    for (MallrankRole role : MallrankRole.values()) {
      JsonNode body = root.get(role.roleName());
      if (!(body instanceof ObjectNode)) {
        throw new IllegalStateException(RESOURCE + " has no object \"" + role.roleName() + "\"");
      }
      bodies.put(role, body.toString());
    }
    return new EsRoles(bodies);
  }

  /** The request body of {@code PUT _security/role/<name>} for the role (compact JSON). */
  public String body(MallrankRole role) {
    return bodies.get(role);
  }

  /**
   * The roles as a file-realm {@code roles.yml}: one line per role, its body in YAML flow style
   * (JSON is YAML).
   */
  public String rolesYml() {
    StringBuilder yml = new StringBuilder("# mallrank roles, generated from ").append(RESOURCE);
    yml.append('\n');
    bodies.forEach(
        (role, body) -> yml.append(role.roleName()).append(": ").append(body).append('\n'));
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
    for (Map.Entry<MallrankRole, String> role : bodies.entrySet()) {
      Request request = new Request("PUT", "/_security/role/" + role.getKey().roleName());
      request.setEntity(new NStringEntity(role.getValue(), ContentType.APPLICATION_JSON));
      try {
        Response response = rest.performRequest(request);
        response.getEntity().getContent().close();
      } catch (ResponseException e) {
        throw new IllegalStateException(
            "PUT _security/role/"
                + role.getKey().roleName()
                + " refused: HTTP "
                + e.getResponse().getStatusLine().getStatusCode(),
            e);
      } catch (IOException e) {
        throw new UncheckedIOException(
            "PUT _security/role/" + role.getKey().roleName() + " failed", e);
      }
    }
  }
}
