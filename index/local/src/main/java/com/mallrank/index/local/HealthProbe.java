package com.mallrank.index.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

/** Asks {@code GET /_cluster/health} (the server has no {@code GET /}). */
final class HealthProbe {

  enum State {
    /** Nothing accepts connections on the port. */
    NOT_LISTENING,
    /** Elasticsearch answers with green or yellow health. */
    HEALTHY,
    /** Elasticsearch answers, but red or not ready yet. */
    UNHEALTHY,
    /** Something answers that is not Elasticsearch. */
    FOREIGN
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private HealthProbe() {}

  static State probe(String baseUrl) {
    return probe(baseUrl, null);
  }

  /**
   * @param authorization an {@code Authorization} header value (a secured server), or null
   */
  static State probe(String baseUrl, String authorization) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(baseUrl + "/_cluster/health"))
            .timeout(Duration.ofSeconds(5))
            .GET();
    if (authorization != null) {
      builder.header("Authorization", authorization);
    }
    HttpRequest request = builder.build();
    try {
      HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
      JsonNode body;
      try {
        body = JSON.readTree(response.body());
      } catch (IOException e) {
        return State.FOREIGN;
      }
      if (body == null || !body.isObject()) {
        return State.FOREIGN;
      }
      if (body.has("cluster_name") && body.has("status")) {
        String status = body.get("status").asText();
        return status.equals("green") || status.equals("yellow") ? State.HEALTHY : State.UNHEALTHY;
      }
      // a starting node answers 503 with an error object
      return body.has("error") ? State.UNHEALTHY : State.FOREIGN;
    } catch (ConnectException e) {
      return State.NOT_LISTENING;
    } catch (HttpTimeoutException e) {
      return State.UNHEALTHY;
    } catch (IOException e) {
      return e.getCause() instanceof ConnectException ? State.NOT_LISTENING : State.UNHEALTHY;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return State.UNHEALTHY;
    }
  }
}
