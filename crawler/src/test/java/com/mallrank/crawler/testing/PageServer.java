package com.mallrank.crawler.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A test's own pages on a loopback JDK HTTP server: started with its routes before the class,
 * stopped after it. Register it as a {@code static} {@code @RegisterExtension} field.
 */
public final class PageServer implements BeforeAllCallback, AfterAllCallback {

  private final Map<String, HttpHandler> routes = new LinkedHashMap<>();
  private HttpServer server;

  /** Serves {@code path} (and below it) with {@code handler}. */
  public PageServer route(String path, HttpHandler handler) {
    routes.put(path, handler);
    return this;
  }

  /** {@code http://127.0.0.1:<port><pathAndQuery>}. */
  public String url(String pathAndQuery) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + pathAndQuery;
  }

  /** Answers 200 with this body in UTF-8 and this content type. */
  public static void respond(HttpExchange exchange, String contentType, String body)
      throws IOException {
    respond(exchange, contentType, body.getBytes(StandardCharsets.UTF_8));
  }

  /** Answers 200 with these bytes (a body that is not valid text: frames splitting characters). */
  public static void respond(HttpExchange exchange, String contentType, byte[] bytes)
      throws IOException {
    exchange.getResponseHeaders().set("Content-Type", contentType);
    exchange.sendResponseHeaders(200, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    routes.forEach(server::createContext);
    server.start();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (server != null) {
      server.stop(0);
      server = null;
    }
  }
}
