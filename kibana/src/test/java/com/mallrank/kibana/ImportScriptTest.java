package com.mallrank.kibana;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code import.sh} against a stand-in for Kibana's import API on loopback: the dashboards it
 * points to are the ids Kibana answered with ({@code destinationId} when it created new ones, as in
 * a second space), not the ids in the file.
 */
class ImportScriptTest {

  private HttpServer kibana;
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private volatile String response;

  @BeforeEach
  void start() throws IOException {
    kibana = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    kibana.createContext(
        "/",
        exchange -> {
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          requests.add(
              exchange.getRequestMethod()
                  + " "
                  + exchange.getRequestURI()
                  + " xsrf="
                  + exchange.getRequestHeaders().getFirst("kbn-xsrf")
                  + " file="
                  + body.contains("\"id\":\"mallrank-overview\""));
          byte[] bytes = response.getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, bytes.length);
          exchange.getResponseBody().write(bytes);
          exchange.close();
        });
    kibana.start();
  }

  @AfterEach
  void stop() {
    kibana.stop(0);
  }

  @Test
  void printsTheDashboardIdsKibanaGave() throws Exception {
    response =
        "{\"successCount\":2,\"success\":true,\"warnings\":[],\"successResults\":["
            + "{\"type\":\"index-pattern\",\"id\":\"mallrank-listings\",\"meta\":{\"title\":"
            + "\"mallrank-listings*\",\"icon\":\"indexPatternApp\"},\"destinationId\":\"0b2c\"},"
            + "{\"type\":\"dashboard\",\"id\":\"mallrank-overview\",\"meta\":{\"title\":"
            + "\"[mallrank] Search ranking overview\",\"icon\":\"dashboardApp\"},"
            + "\"destinationId\":\"7f1e-9a\"}]}";

    Run run = importInto("two");

    assertThat(run.code()).as(run.output()).isZero();
    assertThat(requests)
        .containsExactly(
            "GET /api/status xsrf=mallrank file=false",
            "POST /s/two/api/saved_objects/_import?overwrite=true xsrf=mallrank file=true");
    assertThat(run.output())
        .contains("import.sh: done: 2 objects imported")
        .contains("import.sh: open " + url() + "/s/two/app/dashboards#/view/7f1e-9a")
        .doesNotContain("view/mallrank-overview");
  }

  @Test
  void keepsTheIdsWhenKibanaKeptThem() throws Exception {
    response =
        "{\"successCount\":1,\"success\":true,\"successResults\":[{\"type\":\"dashboard\","
            + "\"id\":\"mallrank-overview\",\"meta\":{\"title\":\"x\",\"icon\":\"dashboardApp\"},"
            + "\"overwrite\":true}]}";

    Run run = importInto("");

    assertThat(run.code()).as(run.output()).isZero();
    assertThat(run.output())
        .contains("import.sh: open " + url() + "/app/dashboards#/view/mallrank-overview");
  }

  @Test
  void failsWhenKibanaRefusesObjects() throws Exception {
    response =
        "{\"successCount\":0,\"success\":false,\"errors\":[{\"id\":\"mallrank-overview\","
            + "\"type\":\"dashboard\",\"error\":{\"type\":\"missing_references\"}}]}";

    Run run = importInto("");

    assertThat(run.code()).isEqualTo(1);
    assertThat(run.output())
        .contains("import.sh: import failed (HTTP 200)")
        .contains("missing_references");
  }

  private String url() {
    return "http://127.0.0.1:" + kibana.getAddress().getPort();
  }

  private record Run(int code, String output) {}

  private Run importInto(String space) throws Exception {
    Path log = Files.createTempFile("import", ".log");
    try {
      ProcessBuilder builder =
          new ProcessBuilder("bash", "import.sh")
              .redirectErrorStream(true)
              .redirectOutput(log.toFile());
      builder.environment().put("KIBANA_URL", url());
      builder.environment().put("KIBANA_SPACE", space);
      builder.environment().remove("KIBANA_API_KEY");
      builder.environment().remove("KIBANA_USERNAME");
      builder.environment().put("NO_PROXY", "*");
      builder.environment().remove("http_proxy");
      builder.environment().remove("HTTP_PROXY");
      Process process = builder.start();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("import.sh did not end");
      }
      return new Run(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(log);
    }
  }
}
