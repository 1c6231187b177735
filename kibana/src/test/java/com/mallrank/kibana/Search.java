package com.mallrank.kibana;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.apache.http.entity.ContentType;
import org.apache.http.nio.entity.NStringEntity;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.ResponseException;

/** Sends a search body as JSON text, as Kibana does, and returns the raw answer. */
final class Search {

  private static final ObjectMapper JSON = new ObjectMapper();

  private Search() {}

  static JsonNode run(ElasticsearchClient client, String index, JsonNode body) {
    Request request = new Request("POST", "/" + index + "/_search");
    request.addParameter("ignore_unavailable", "true");
    request.addParameter("allow_no_indices", "true");
    request.setEntity(new NStringEntity(body.toString(), ContentType.APPLICATION_JSON));
    try (InputStream in =
        ((RestClientTransport) client._transport())
            .restClient()
            .performRequest(request)
            .getEntity()
            .getContent()) {
      return JSON.readTree(in);
    } catch (ResponseException e) {
      throw new IllegalStateException("search refused: " + e.getMessage() + "\n" + body, e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
