package com.mallrank.batch.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * {@code deploy/docker-compose.yml}, the scaled-out stack, read as compose reads it (no Docker
 * engine on the build machines): three Elasticsearch nodes that form one secured cluster, every
 * published port on loopback, every secret from {@code deploy/.env}, manager and workers from the
 * app image of {@code kibana/Dockerfile} with the same plan, and every mallrank setting it passes a
 * key the application knows.
 */
class DeployComposeTest {

  private static final Path REPO = Path.of("..").toAbsolutePath().normalize();
  private static final Path DEPLOY = REPO.resolve("deploy");
  private static final List<String> NODES = List.of("es01", "es02", "es03");

  @SuppressWarnings("unchecked")
  private static Map<String, Object> compose() throws IOException {
    return new Yaml()
        .load(Files.readString(DEPLOY.resolve("docker-compose.yml"), StandardCharsets.UTF_8));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> service(String name) throws IOException {
    Map<String, Object> services = (Map<String, Object>) compose().get("services");
    assertThat(services).as("services").containsKey(name);
    return (Map<String, Object>) services.get(name);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, String> environment(String name) throws IOException {
    Map<String, String> env = new LinkedHashMap<>();
    ((Map<String, Object>) service(name).getOrDefault("environment", Map.of()))
        .forEach((k, v) -> env.put(k, String.valueOf(v)));
    return env;
  }

  @Test
  void threeNodesFormOneSecuredClusterWithTransportTls() throws IOException {
    for (String node : NODES) {
      Map<String, String> env = environment(node);
      assertThat(env)
          .as(node)
          .containsEntry("cluster.name", "mallrank")
          .containsEntry("node.name", node)
          .containsEntry("cluster.initial_master_nodes", "es01,es02,es03")
          .containsEntry("xpack.security.enabled", "true")
          .containsEntry("xpack.security.transport.ssl.enabled", "true")
          .containsEntry("xpack.security.transport.ssl.key", "certs/" + node + "/" + node + ".key")
          .containsEntry(
              "xpack.security.transport.ssl.certificate", "certs/" + node + "/" + node + ".crt")
          .containsEntry("xpack.security.transport.ssl.certificate_authorities", "certs/ca/ca.crt");
      List<String> others = NODES.stream().filter(n -> !n.equals(node)).toList();
      assertThat(env.get("discovery.seed_hosts")).as(node).isEqualTo(String.join(",", others));
      assertThat(env).doesNotContainKey("discovery.type");
      assertThat(env.get("ELASTIC_PASSWORD")).startsWith("${ELASTIC_PASSWORD:?");
      assertThat(service(node).get("image"))
          .isEqualTo("docker.elastic.co/elasticsearch/elasticsearch:8.19.7");
    }
    // the one-shot CA makes a certificate for exactly these nodes
    assertThat(Files.readString(DEPLOY.resolve("make-certs.sh"), StandardCharsets.UTF_8))
        .contains("for node in es01 es02 es03; do");
  }

  @Test
  void kibanaKnowsEveryNodeAndTheAppWritesReplicas() throws IOException {
    assertThat(environment("kibana").get("ELASTICSEARCH_HOSTS"))
        .isEqualTo("[\"http://es01:9200\",\"http://es02:9200\",\"http://es03:9200\"]");
    for (String app : List.of("manager", "worker")) {
      Map<String, String> env = environment(app);
      assertThat(env)
          .as(app)
          .containsEntry("INDEX_ES_URL", "http://es01:9200,http://es02:9200,http://es03:9200")
          .containsEntry("INDEX_REPLICAS", "1")
          .containsEntry("SPRING_DATASOURCE_URL", "jdbc:postgresql://postgres:5432/mallrank")
          .containsEntry("SPRING_ARTEMIS_BROKER_URL", "tcp://artemis:61616");
      assertThat(env.get("INDEX_ES_WRITER_PASSWORD")).startsWith("${MALLRANK_WRITER_PASSWORD:?");
      assertThat(env.get("INDEX_ES_READER_PASSWORD")).startsWith("${MALLRANK_READER_PASSWORD:?");
      assertThat(env.get("SPRING_DATASOURCE_PASSWORD")).startsWith("${POSTGRES_PASSWORD:?");
      assertThat(env.get("SPRING_ARTEMIS_PASSWORD")).startsWith("${ARTEMIS_PASSWORD:?");
      assertThat(env).doesNotContainKey("BATCH_PLAN"); // the image's plan, the same for all
    }
  }

  @Test
  void managerAndWorkersRunTheAppImageInTheirRoles() throws IOException {
    Map<String, Object> manager = service("manager");
    Map<String, Object> worker = service("worker");
    assertThat(manager.get("build"))
        .isEqualTo(Map.of("context", "..", "dockerfile", "kibana/Dockerfile"));
    assertThat(manager.get("image")).isEqualTo("mallrank:local");
    assertThat(worker.get("image")).isEqualTo("mallrank:local");
    assertThat(manager.get("command")).isEqualTo(List.of("serve", "--role", "manager"));
    assertThat(worker.get("command")).isEqualTo(List.of("serve", "--role", "worker"));
    assertThat(worker.get("deploy")).isEqualTo(Map.of("replicas", "${WORKERS:-2}"));
    assertThat(Files.readString(REPO.resolve("kibana/Dockerfile"), StandardCharsets.UTF_8))
        .contains("COPY config/sandbox-plan.yml /opt/mallrank/config/sandbox-plan.yml")
        .contains("BATCH_PLAN=/opt/mallrank/config/sandbox-plan.yml");
    // the hosts the app talks to are services of this stack
    @SuppressWarnings("unchecked")
    Set<String> services = ((Map<String, Object>) compose().get("services")).keySet();
    assertThat(services).contains("es01", "postgres", "artemis", "kibana", "kibana-import");
  }

  @Test
  void everyMallrankSettingIsAKeyOfApplicationYml() throws IOException {
    Set<String> known = new HashSet<>();
    @SuppressWarnings("unchecked")
    Map<String, Object> yml =
        new Yaml()
            .load(
                Files.readString(
                    REPO.resolve("batch/src/main/resources/application.yml"),
                    StandardCharsets.UTF_8));
    flatten("", yml, known);
    for (String app : List.of("manager", "worker")) {
      for (String name : environment(app).keySet()) {
        if (name.matches("(INDEX|BATCH|CRAWLER)_.*")) {
          assertThat(known)
              .as(app + " " + name + " binds no key of application.yml")
              .contains(name);
        }
      }
    }
  }

  @Test
  void everyPublishedPortIsOnLoopbackAndEverySecretComesFromDotEnv() throws IOException {
    @SuppressWarnings("unchecked")
    Map<String, Object> services = (Map<String, Object>) compose().get("services");
    for (Map.Entry<String, Object> entry : services.entrySet()) {
      @SuppressWarnings("unchecked")
      List<String> ports =
          (List<String>) ((Map<String, Object>) entry.getValue()).getOrDefault("ports", List.of());
      assertThat(ports).as(entry.getKey()).allMatch(p -> p.startsWith("127.0.0.1:"));
    }
    Map<String, String> dotEnv = new LinkedHashMap<>();
    for (String line : Files.readAllLines(DEPLOY.resolve(".env.example"))) {
      int eq = line.indexOf('=');
      if (!line.startsWith("#") && eq > 0) {
        dotEnv.put(line.substring(0, eq), line.substring(eq + 1));
      }
    }
    String text = Files.readString(DEPLOY.resolve("docker-compose.yml"), StandardCharsets.UTF_8);
    Matcher reference = Pattern.compile("\\$\\{(\\w+)").matcher(text);
    List<String> referenced = new ArrayList<>();
    while (reference.find()) {
      referenced.add(reference.group(1));
    }
    assertThat(referenced).isNotEmpty();
    assertThat(dotEnv.keySet()).containsAll(referenced);
    // no literal secret: every password-like value is a reference
    for (String service : services.keySet()) {
      environment(service)
          .forEach(
              (key, value) -> {
                if (key.toUpperCase(Locale.ROOT).contains("PASSWORD")) {
                  assertThat(value).as(service + " " + key).startsWith("${");
                }
              });
    }
    // files mounted from the repository exist
    Matcher mount = Pattern.compile("- (\\.\\.?/[^:]+):").matcher(text);
    while (mount.find()) {
      assertThat(DEPLOY.resolve(mount.group(1)).normalize()).as(mount.group(1)).exists();
    }
  }

  /** application.yml's keys as environment variables (index.es.url -> INDEX_ES_URL). */
  @SuppressWarnings("unchecked")
  private static void flatten(String prefix, Map<String, Object> map, Set<String> out) {
    for (Map.Entry<String, Object> entry : map.entrySet()) {
      String key = prefix + entry.getKey();
      out.add(key.replaceAll("[.-]", "_").toUpperCase(Locale.ROOT));
      if (entry.getValue() instanceof Map<?, ?> child) {
        flatten(key + ".", (Map<String, Object>) child, out);
      }
    }
  }
}
