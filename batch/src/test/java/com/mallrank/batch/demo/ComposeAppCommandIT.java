package com.mallrank.batch.demo;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mallrank.batch.MallrankApplication;
import com.mallrank.index.testing.LocalElasticsearchExtension;
import com.mallrank.index.testing.TestIndices;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * The compose stack's {@code mallrank} container, without Docker: the files the Dockerfile copies
 * (and its dockerignore lets into the build context) are laid out under a temporary root at the
 * image's paths, the image's ENV and the compose service's environment are set, and the image's
 * entry command runs the service's command in the image's WORKDIR. Only two things differ from the
 * container: the jar runs from the test classpath, and the compose host {@code elasticsearch} is
 * the test cluster with a test index prefix.
 */
class ComposeAppCommandIT {

  private static final Path REPO = Path.of("..").toAbsolutePath().normalize();
  private static final Path DOCKERFILE = REPO.resolve("kibana/Dockerfile");
  private static final Path COMPOSE = REPO.resolve("kibana/docker-compose.yml");
  private static final String JAR = "/opt/mallrank/mallrank.jar";

  @TempDir Path root;
  private TestIndices indices;

  @AfterEach
  void cleanUp() {
    if (indices != null) {
      indices.deleteAll();
    }
  }

  @Test
  void theAppContainersCommandFindsItsPlanAndFillsTheIndices() throws Exception {
    Dockerfile image = Dockerfile.parse(Files.readString(DOCKERFILE, StandardCharsets.UTF_8));
    Map<String, Object> service = composeService("mallrank");
    assertThat(service.get("build"))
        .as("compose builds the app image from kibana/Dockerfile")
        .isEqualTo(Map.of("context", "..", "dockerfile", "kibana/Dockerfile"));
    List<String> included = dockerignoreIncludes();

    // The image's files, at the image's paths under the temporary root.
    for (Map.Entry<String, String> copy : image.copies().entrySet()) {
      assertThat(included).as("the build context holds " + copy.getKey()).contains(copy.getKey());
      if (copy.getValue().equals(JAR)) {
        continue; // the application itself runs from the test classpath
      }
      Path target = rooted(copy.getValue());
      Files.createDirectories(target.getParent());
      Files.copy(REPO.resolve(copy.getKey()), target);
    }
    assertThat(image.entrypoint())
        .as("the entry command runs the jar")
        .anyMatch(a -> a.contains(JAR));

    // The environment: the image's ENV, then the service's (compose wins).
    Map<String, String> env = new LinkedHashMap<>(image.env());
    @SuppressWarnings("unchecked")
    Map<String, Object> serviceEnv = (Map<String, Object>) service.get("environment");
    Map<String, String> dotEnv = dotEnvExample();
    serviceEnv.forEach(
        (key, value) -> env.put(key, ComposeFiles.interpolate(String.valueOf(value), dotEnv)));
    // least privilege: a credential per role, none the superuser's (ComposeSecurityTest)
    assertThat(env)
        .containsEntry("INDEX_ES_WRITER_USERNAME", "mallrank_writer")
        .containsEntry("INDEX_ES_READER_USERNAME", "mallrank_reader")
        .containsEntry("INDEX_ES_ADMIN_USERNAME", "mallrank_admin")
        .doesNotContainKey("INDEX_ES_USERNAME");
    assertThat(env.get("INDEX_ES_URL")).isEqualTo("http://elasticsearch:9200");
    assertThat(env.get("INDEX_PREFIX")).isEqualTo("mallrank");
    indices = LocalElasticsearchExtension.newTestIndices(ComposeAppCommandIT.class);
    env.put("INDEX_ES_URL", indices.url());
    env.put("INDEX_PREFIX", indices.prefix());
    env.replaceAll((key, value) -> value.startsWith("/opt/") ? rooted(value).toString() : value);

    Path workdir = rooted(image.workdir());
    Files.createDirectories(workdir);
    @SuppressWarnings("unchecked")
    List<String> command = (List<String>) service.get("command");

    List<String> java = new ArrayList<>();
    java.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    for (String option : env.getOrDefault("JAVA_OPTS", "").trim().split("\\s+")) {
      if (!option.isEmpty()) {
        java.add(option);
      }
    }
    java.addAll(
        List.of("-cp", System.getProperty("java.class.path"), MallrankApplication.class.getName()));
    java.addAll(command);
    ProcessBuilder builder = new ProcessBuilder(java).directory(workdir.toFile());
    builder.environment().keySet().removeIf(k -> k.matches("(INDEX|BATCH|CRAWLER|SPRING)_.*"));
    builder.environment().putAll(env);
    Path log = root.resolve("container.log");
    Process process = builder.redirectErrorStream(true).redirectOutput(log.toFile()).start();
    if (!process.waitFor(10, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError("the container command did not end in 10 min");
    }
    String output = Files.readString(log, StandardCharsets.UTF_8);

    assertThat(process.exitValue()).as(output).isZero();
    assertThat(output)
        .contains("mallrank demo: group 'core' (8 keywords x 4 vantages), 3 slots")
        .contains("elasticsearch: ready (indices " + indices.prefix() + "-*)")
        .doesNotContain("error:");
    Matcher completed = Pattern.compile("job COMPLETED, samples by status").matcher(output);
    int slots = 0;
    while (completed.find()) {
      slots++;
    }
    assertThat(slots).as(output).isEqualTo(3);
    assertThat(sampleCount()).as("samples the dashboards read").isEqualTo(3 * 8 * 4);
  }

  @Test
  void securityIsOnAndEveryPortIsOnLoopback() throws IOException {
    Map<String, Object> elasticsearch = composeService("elasticsearch");
    @SuppressWarnings("unchecked")
    Map<String, Object> esEnv = (Map<String, Object>) elasticsearch.get("environment");
    assertThat(esEnv).containsEntry("xpack.security.enabled", "true");
    assertThat(String.valueOf(esEnv.get("ELASTIC_PASSWORD"))).startsWith("${ELASTIC_PASSWORD:?");
    @SuppressWarnings("unchecked")
    Map<String, Object> kibanaEnv =
        (Map<String, Object>) composeService("kibana").get("environment");
    assertThat(kibanaEnv).containsEntry("ELASTICSEARCH_USERNAME", "kibana_system");
    @SuppressWarnings("unchecked")
    Map<String, Object> services =
        (Map<String, Object>)
            new Yaml()
                .<Map<String, Object>>load(Files.readString(COMPOSE, StandardCharsets.UTF_8))
                .get("services");
    for (Map.Entry<String, Object> service : services.entrySet()) {
      @SuppressWarnings("unchecked")
      List<String> ports =
          (List<String>)
              ((Map<String, Object>) service.getValue()).getOrDefault("ports", List.of());
      assertThat(ports).as(service.getKey()).allMatch(p -> p.startsWith("127.0.0.1:"));
    }
  }

  /** kibana/.env.example, the variables compose interpolates (a user copies it to .env). */
  private static Map<String, String> dotEnvExample() throws IOException {
    return ComposeFiles.envFile(REPO.resolve("kibana/.env.example"));
  }

  private long sampleCount() throws IOException {
    ElasticsearchClient client = LocalElasticsearchExtension.client();
    client.indices().refresh(r -> r.index(indices.prefix() + "-samples*"));
    return client.count(c -> c.index(indices.prefix() + "-samples*")).count();
  }

  private Path rooted(String imagePath) {
    return root.resolve(imagePath.replaceFirst("^/", ""));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> composeService(String name) throws IOException {
    Map<String, Object> compose =
        new Yaml().load(Files.readString(COMPOSE, StandardCharsets.UTF_8));
    return (Map<String, Object>) ((Map<String, Object>) compose.get("services")).get(name);
  }

  /** The paths {@code Dockerfile.dockerignore} lets into the context ({@code !path} lines). */
  private static List<String> dockerignoreIncludes() throws IOException {
    List<String> included = new ArrayList<>();
    for (String line :
        Files.readAllLines(
            REPO.resolve("kibana/Dockerfile.dockerignore"), StandardCharsets.UTF_8)) {
      if (line.startsWith("!")) {
        included.add(line.substring(1).strip());
      }
    }
    return included;
  }

  /** The instructions of a Dockerfile this test needs: COPY, ENV, WORKDIR, ENTRYPOINT. */
  record Dockerfile(
      Map<String, String> copies,
      Map<String, String> env,
      String workdir,
      List<String> entrypoint) {

    private static final Pattern ENV_PAIR = Pattern.compile("(\\w+)=(\"[^\"]*\"|\\S*)");

    static Dockerfile parse(String text) throws IOException {
      Map<String, String> copies = new LinkedHashMap<>();
      Map<String, String> env = new LinkedHashMap<>();
      String workdir = "/";
      List<String> entrypoint = List.of();
      for (String line : text.replace("\\\n", " ").split("\n")) {
        String[] parts = line.strip().split("\\s+", 2);
        if (parts.length < 2 || parts[0].startsWith("#")) {
          continue;
        }
        switch (parts[0]) {
          case "COPY" -> {
            String[] args = parts[1].replaceAll("--\\S+", "").strip().split("\\s+");
            copies.put(args[0], args[1]);
          }
          case "ENV" -> {
            Matcher pair = ENV_PAIR.matcher(parts[1]);
            while (pair.find()) {
              env.put(pair.group(1), pair.group(2).replaceAll("^\"|\"$", ""));
            }
          }
          case "WORKDIR" -> workdir = parts[1].strip();
          case "ENTRYPOINT" -> {
            JsonNode array = new ObjectMapper().readTree(parts[1]);
            List<String> args = new ArrayList<>();
            array.forEach(a -> args.add(a.asText()));
            entrypoint = args;
          }
          default -> {}
        }
      }
      return new Dockerfile(copies, env, workdir, entrypoint);
    }
  }
}
