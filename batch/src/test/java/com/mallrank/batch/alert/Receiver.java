package com.mallrank.batch.alert;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A local webhook receiver on 127.0.0.1: records every request and answers from a script (then with
 * the default answer). Real HTTP, no mocks. Public for the end-to-end tests of other packages.
 */
public final class Receiver implements AutoCloseable {

  /** A recorded request. */
  public record Request(String method, URI uri, Map<String, List<String>> headers, String body) {
    String header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(e -> e.getValue().get(0))
          .findFirst()
          .orElse(null);
    }
  }

  /** A scripted answer. */
  public record Answer(int status, String body, Map<String, String> headers) {
    public static Answer ok(String body) {
      return new Answer(200, body, Map.of());
    }
  }

  private final HttpServer server;
  private final Deque<Answer> script = new ArrayDeque<>();
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final Answer fallback;

  public Receiver(Answer fallback) throws IOException {
    this.fallback = fallback;
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          String body;
          try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
          }
          requests.add(
              new Request(
                  exchange.getRequestMethod(),
                  exchange.getRequestURI(),
                  Map.copyOf(exchange.getRequestHeaders()),
                  body));
          Answer answer;
          synchronized (script) {
            answer = script.isEmpty() ? this.fallback : script.poll();
          }
          answer.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
          byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
          exchange.sendResponseHeaders(answer.status(), bytes.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
          }
        });
    server.start();
  }

  /** Answers the next requests with these, in order. */
  Receiver then(Answer... answers) {
    synchronized (script) {
      script.addAll(List.of(answers));
    }
    return this;
  }

  /** The base URL, e.g. {@code http://127.0.0.1:PORT}. */
  public String url(String pathAndQuery) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + pathAndQuery;
  }

  public List<Request> requests() {
    return List.copyOf(requests);
  }

  /** Every alert of one rule received by a {@code json} webhook, in the order received. */
  public List<com.fasterxml.jackson.databind.JsonNode> alerts(String rule) throws IOException {
    List<com.fasterxml.jackson.databind.JsonNode> alerts = new java.util.ArrayList<>();
    for (Request request : requests) {
      for (com.fasterxml.jackson.databind.JsonNode alert :
          JSON.readTree(request.body()).path("alerts")) {
        if (alert.path("rule").asText().equals(rule)) {
          alerts.add(alert);
        }
      }
    }
    return alerts;
  }

  private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
      new com.fasterxml.jackson.databind.ObjectMapper();

  @Override
  public void close() {
    server.stop(0);
  }
}
