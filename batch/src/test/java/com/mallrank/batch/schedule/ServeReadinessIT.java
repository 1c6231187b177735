package com.mallrank.batch.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mallrank.batch.MallrankApplication;
import com.mallrank.batch.testing.ChildJvm;
import com.mallrank.batch.testing.PostgresTestDatabase;
import com.mallrank.batch.testing.TcpProxy;
import com.mallrank.index.testing.LocalElasticsearchExtension;
import com.mallrank.index.testing.TestIndices;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mallrank serve} as an orchestrator sees it: a separate JVM started with the real entry
 * point, probed over HTTP. Elasticsearch (and, for the second test, PostgreSQL as the
 * JobRepository) sits behind a {@link TcpProxy} the test cuts, as when the server goes down; the
 * shared servers themselves are never stopped.
 */
class ServeReadinessIT {

  /** From process start to a ready {@code serve}, on a loaded two-core build machine. */
  private static final Duration READY_WITHIN = Duration.ofSeconds(90);

  /** From cutting a dependency to {@code DOWN}, and from restoring it to {@code UP}. */
  private static final Duration REACT_WITHIN = Duration.ofSeconds(30);

  private static final Pattern SERVING =
      Pattern.compile("serving: health and metrics on (http://127\\.0\\.0\\.1:\\d+)/actuator");

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final ObjectMapper json = new ObjectMapper();
  private final List<String> output = new CopyOnWriteArrayList<>();
  private final List<AutoCloseable> cleanup = new ArrayList<>();
  private Process child;
  private String prefix;

  @TempDir Path dir;

  @AfterEach
  void stop() throws Exception {
    if (child != null) {
      child.destroy(); // SIGTERM, as an orchestrator stops a pod
      if (!child.waitFor(60, TimeUnit.SECONDS)) {
        child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    }
    for (int i = cleanup.size() - 1; i >= 0; i--) {
      cleanup.get(i).close();
    }
  }

  @Test
  void upOnceTheSchedulerRunsDownWhileElasticsearchIsUnreachable() throws Exception {
    TcpProxy es = elasticsearchProxy();
    // another serve on this host holds the configured port: this one takes the next free one
    ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
    cleanup.add(taken);
    long started = System.nanoTime();
    String base =
        startServe(
            es,
            "--spring.datasource.url=jdbc:h2:file:" + dir.resolve("jobrepo/mallrank"),
            "--server.port=" + taken.getLocalPort());
    int port = URI.create(base).getPort();
    assertThat(port)
        .as("the first free port after the taken one")
        .isGreaterThan(taken.getLocalPort())
        .isLessThan(taken.getLocalPort() + 10);

    HealthResponse up =
        await(base + "/actuator/health", h -> h.status().equals("UP"), READY_WITHIN);
    Duration ready = Duration.ofNanos(System.nanoTime() - started);
    System.out.printf("serve ready (UP) %d ms after the process started%n", ready.toMillis());
    assertThat(up.code()).isEqualTo(200);
    assertThat(up.component("readinessState")).isEqualTo("UP");
    assertThat(up.component("livenessState")).isEqualTo("UP");
    assertThat(up.component("elasticsearch")).isEqualTo("UP");
    assertThat(up.component("db")).isEqualTo("UP");
    assertThat(output).anyMatch(line -> line.contains("scheduler started"));
    assertProbe(base + "/actuator/health/readiness", 200, "UP");
    assertProbe(base + "/readyz", 200, "UP");
    assertProbe(base + "/livez", 200, "UP");
    JsonNode readiness = get(base + "/actuator/health/readiness").body();
    assertThat(names(readiness.path("components")))
        .containsExactlyInAnyOrder("readinessState", "elasticsearch", "db");

    es.cut();
    HealthResponse down =
        await(base + "/actuator/health", h -> h.status().equals("DOWN"), REACT_WITHIN);
    assertThat(down.code()).isEqualTo(503);
    assertThat(down.component("elasticsearch")).isEqualTo("DOWN");
    assertThat(down.component("db")).isEqualTo("UP");
    assertThat(down.component("readinessState")).as("the scheduler still runs").isEqualTo("UP");
    assertProbe(base + "/actuator/health/readiness", 503, "DOWN");
    assertProbe(base + "/readyz", 503, "DOWN");
    assertProbe(base + "/actuator/health/liveness", 200, "UP");
    assertProbe(base + "/livez", 200, "UP");

    es.restore();
    await(base + "/actuator/health", h -> h.status().equals("UP"), REACT_WITHIN);
    assertProbe(base + "/readyz", 200, "UP");
  }

  @Test
  void downWhileTheJobRepositoryIsUnreachable() throws Exception {
    PostgresTestDatabase.assumeAvailable();
    String schema = "t_" + UUID.randomUUID().toString().substring(0, 8);
    String direct = PostgresTestDatabase.urlWithSchema(schema);
    Matcher hostPort = Pattern.compile("//127\\.0\\.0\\.1:(\\d+)/").matcher(direct);
    assumeTrue(hostPort.find(), "PostgreSQL is not on 127.0.0.1: " + direct);
    TcpProxy pg = new TcpProxy(Integer.parseInt(hostPort.group(1)));
    cleanup.add(pg);
    String proxied = direct.replace(hostPort.group(), "//127.0.0.1:" + pg.port() + "/");

    String base =
        startServe(
            elasticsearchProxy(),
            "--spring.datasource.url=" + proxied,
            "--spring.datasource.username=" + PostgresTestDatabase.user(),
            "--spring.datasource.password=" + PostgresTestDatabase.password(),
            // a pool waiting its default 30 s for a connection would outlast any probe timeout
            "--spring.datasource.hikari.connection-timeout=3000");
    await(base + "/actuator/health", h -> h.status().equals("UP"), READY_WITHIN);

    pg.cut();
    HealthResponse down =
        await(base + "/actuator/health", h -> h.status().equals("DOWN"), REACT_WITHIN);
    assertThat(down.code()).isEqualTo(503);
    assertThat(down.component("db")).isEqualTo("DOWN");
    assertThat(down.component("elasticsearch")).isEqualTo("UP");
    assertProbe(base + "/readyz", 503, "DOWN");
    assertProbe(base + "/livez", 200, "UP");

    pg.restore();
    await(base + "/actuator/health", h -> h.status().equals("UP"), REACT_WITHIN);
  }

  private TcpProxy elasticsearchProxy() throws IOException {
    TestIndices indices = LocalElasticsearchExtension.newTestIndices(ServeReadinessIT.class);
    cleanup.add(indices::deleteAll);
    prefix = indices.prefix();
    TcpProxy proxy = new TcpProxy(URI.create(indices.url()).getPort());
    cleanup.add(proxy);
    return proxy;
  }

  /** Starts {@code mallrank serve} in its own JVM; returns the actuator's base URL. */
  private String startServe(TcpProxy es, String... properties) throws Exception {
    Path plan = dir.resolve("plan.yml");
    Files.writeString(
        plan,
        """
        groups:
          - name: yearly
            profile: sandbox-static
            depth: 20
            cadence: "0 0 0 1 1 *"
            keywords: [加厚羽绒服女长款]
        """);
    List<String> command = ChildJvm.command("384m", MallrankApplication.class);
    String java = command.get(0);
    command.addAll(
        List.of(
            "serve",
            "--logging.structured.format.console=",
            "--index.es.url=" + es.url(),
            "--index.prefix=" + prefix,
            "--batch.plan=" + plan,
            "--batch.retention.enabled=false",
            // the browser check only looks for an executable file; this test is not about
            // Chromium, which may be missing on a build machine
            "--crawler.browser.executable=" + java));
    if (Stream.of(properties).noneMatch(p -> p.startsWith("--server.port="))) {
      command.add("--server.port=0");
    }
    command.addAll(List.of(properties));
    child = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    Thread reader = new Thread(this::drainOutput, "serve-output");
    reader.setDaemon(true);
    reader.start();
    long deadline = System.nanoTime() + READY_WITHIN.toNanos();
    while (System.nanoTime() < deadline) {
      for (String line : output) {
        Matcher matcher = SERVING.matcher(line);
        if (matcher.find()) {
          return matcher.group(1);
        }
      }
      if (!child.isAlive()) {
        fail("serve ended with exit code " + child.exitValue() + ":\n" + String.join("\n", output));
      }
      Thread.sleep(100);
    }
    return fail("serve printed no actuator URL within " + READY_WITHIN + ":\n" + output);
  }

  private void drainOutput() {
    try (BufferedReader lines =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = lines.readLine()) != null) {
        output.add(line);
      }
    } catch (IOException e) {
      // the child ended
    }
  }

  private HealthResponse await(String url, Predicate<HealthResponse> until, Duration within)
      throws Exception {
    long deadline = System.nanoTime() + within.toNanos();
    HealthResponse last = null;
    while (System.nanoTime() < deadline) {
      last = get(url);
      if (until.test(last)) {
        return last;
      }
      Thread.sleep(250);
    }
    return fail("%s not as expected within %s; last: %s", url, within, last);
  }

  private void assertProbe(String url, int code, String status) throws Exception {
    HealthResponse response = get(url);
    assertThat(response.code()).as(url).isEqualTo(code);
    assertThat(response.status()).as(url).isEqualTo(status);
  }

  private HealthResponse get(String url) throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20)).build(),
            HttpResponse.BodyHandlers.ofString());
    return new HealthResponse(response.statusCode(), json.readTree(response.body()));
  }

  private static List<String> names(JsonNode object) {
    List<String> names = new ArrayList<>();
    object.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private record HealthResponse(int code, JsonNode body) {

    String status() {
      return body.path("status").asText();
    }

    String component(String name) {
      return body.path("components").path(name).path("status").asText("(absent)");
    }

    @Override
    public String toString() {
      return code + " " + body;
    }
  }
}
