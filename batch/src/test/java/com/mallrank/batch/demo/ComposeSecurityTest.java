package com.mallrank.batch.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Least privilege in both compose stacks, on their effective configuration ({@link ComposeFiles}:
 * anchors, merge keys, override files and {@code .env.example} interpolation, as compose renders
 * them): no service of the product (the mallrank app, manager, workers, Kibana, the saved-object
 * import) authenticates as {@code elastic}; each uses a file-realm user that {@code
 * kibana/security/es-users.sh} creates with the right role; Kibana keeps its encryption keys; the
 * nodes verify each other fully; workers keep {@code /data}.
 */
class ComposeSecurityTest {

  private static final Path REPO = Path.of("..").toAbsolutePath().normalize();
  private static final Path SINGLE = REPO.resolve("kibana/docker-compose.yml");
  private static final Path CLUSTER = REPO.resolve("deploy/docker-compose.yml");

  /** A rendered project and the variables it was rendered with. */
  record Stack(Map<String, Object> project, Map<String, String> env) {}

  private static Stack stack(Path... files) throws IOException {
    Map<String, String> env = ComposeFiles.envFile(files[0].resolveSibling(".env.example"));
    return new Stack(ComposeFiles.render(List.of(files), env), env);
  }

  /** The services of the product: the app image and Kibana's. */
  @SuppressWarnings("unchecked")
  private static List<String> productServices(Stack stack) {
    List<String> product = new ArrayList<>();
    ((Map<String, Object>) stack.project().get("services"))
        .forEach(
            (name, service) -> {
              String image = String.valueOf(((Map<String, Object>) service).get("image"));
              if (image.equals("mallrank:local")
                  || image.startsWith("docker.elastic.co/kibana/kibana:")) {
                product.add(name);
              }
            });
    return product;
  }

  /** Every product service that authenticates as the superuser, one line each. */
  static List<String> superuserUses(Stack stack) {
    String password = stack.env().get("ELASTIC_PASSWORD");
    List<String> problems = new ArrayList<>();
    for (String name : productServices(stack)) {
      ComposeFiles.environment(ComposeFiles.service(stack.project(), name))
          .forEach(
              (key, value) -> {
                String upper = key.toUpperCase(Locale.ROOT);
                if (value.equals(password)) {
                  problems.add(name + " " + key + ": the elastic superuser's password");
                } else if ((upper.endsWith("USERNAME") || upper.endsWith("_USER"))
                    && value.equals("elastic")) {
                  problems.add(name + " " + key + ": the elastic superuser");
                }
              });
    }
    return problems;
  }

  @Test
  void noProductServiceAuthenticatesAsTheSuperuser() throws IOException {
    Stack single = stack(SINGLE);
    Stack cluster = stack(CLUSTER);

    assertThat(productServices(single)).containsExactly("kibana", "kibana-import", "mallrank");
    assertThat(productServices(cluster))
        .containsExactly("kibana", "kibana-import", "manager", "worker");
    assertThat(superuserUses(single)).isEmpty();
    assertThat(superuserUses(cluster)).isEmpty();
    // the superuser's one client: the one-shot that sets kibana_system's password
    for (Stack stack : List.of(single, cluster)) {
      assertThat(servicesWithValue(stack, stack.env().get("ELASTIC_PASSWORD")))
          .allMatch(s -> s.equals("setup") || isNode(stack, s));
    }
  }

  @Test
  void anOverrideFileThatPutsTheSuperuserBackIsCaught() throws IOException {
    Stack overridden = stack(CLUSTER, Path.of("src/test/resources/compose/superuser-override.yml"));

    assertThat(superuserUses(overridden))
        .containsExactlyInAnyOrder(
            "worker INDEX_ES_USERNAME: the elastic superuser",
            "worker INDEX_ES_PASSWORD: the elastic superuser's password",
            "kibana-import KIBANA_USERNAME: the elastic superuser",
            "kibana-import KIBANA_PASSWORD: the elastic superuser's password");
    // the merge kept the base file's own variables
    assertThat(ComposeFiles.environment(ComposeFiles.service(overridden.project(), "worker")))
        .containsEntry("INDEX_ES_WRITER_USERNAME", "mallrank_writer")
        .containsEntry("BATCH_THREADS", "2");
  }

  @Test
  void everyCredentialIsAUserThatEsUsersCreatesWithItsRole() throws IOException {
    Map<String, String> roleOfUser = new LinkedHashMap<>();
    Map<String, String> passwordOfUser = new LinkedHashMap<>();
    Matcher add =
        Pattern.compile("(?m)^add (\\S+) (\\S+) (\\S+)$")
            .matcher(
                Files.readString(
                    REPO.resolve("kibana/security/es-users.sh"), StandardCharsets.UTF_8));
    while (add.find()) {
      roleOfUser.put(add.group(1), add.group(2));
      passwordOfUser.put(add.group(1), add.group(3));
    }
    Stack single = stack(SINGLE);
    Stack cluster = stack(CLUSTER);
    Map<String, String> roleKeys =
        Map.of("WRITER", "mallrank_writer", "READER", "mallrank_reader", "ADMIN", "mallrank_admin");
    for (Stack stack : List.of(single, cluster)) {
      Map<String, String> users =
          ComposeFiles.environment(ComposeFiles.service(stack.project(), "es-users"));
      for (String app : List.of("mallrank", "manager", "worker")) {
        if (!services(stack).contains(app)) {
          continue;
        }
        Map<String, String> env =
            ComposeFiles.environment(ComposeFiles.service(stack.project(), app));
        assertThat(env).as(app).doesNotContainKeys("INDEX_ES_USERNAME", "INDEX_ES_PASSWORD");
        roleKeys.forEach(
            (role, roleName) -> {
              String user = env.get("INDEX_ES_" + role + "_USERNAME");
              if (user == null) {
                return;
              }
              assertThat(roleOfUser).as(app + " " + role).containsEntry(user, roleName);
              assertThat(env.get("INDEX_ES_" + role + "_PASSWORD"))
                  .as(app + " " + role + " password")
                  .isEqualTo(users.get(passwordOfUser.get(user)));
            });
      }
      Map<String, String> importer =
          ComposeFiles.environment(ComposeFiles.service(stack.project(), "kibana-import"));
      assertThat(roleOfUser)
          .containsEntry(importer.get("KIBANA_USERNAME"), "mallrank_kibana_objects");
      assertThat(importer.get("KIBANA_PASSWORD"))
          .isEqualTo(users.get(passwordOfUser.get(importer.get("KIBANA_USERNAME"))));
    }
    // writer and reader in every app process; the admin only where templates are put
    Map<String, String> worker =
        ComposeFiles.environment(ComposeFiles.service(cluster.project(), "worker"));
    assertThat(worker).containsKeys("INDEX_ES_WRITER_USERNAME", "INDEX_ES_READER_USERNAME");
    assertThat(worker).doesNotContainKey("INDEX_ES_ADMIN_USERNAME");
    assertThat(ComposeFiles.environment(ComposeFiles.service(cluster.project(), "manager")))
        .containsEntry("INDEX_ES_ADMIN_USERNAME", "mallrank_admin");
    assertThat(ComposeFiles.environment(ComposeFiles.service(single.project(), "mallrank")))
        .containsEntry("INDEX_ES_ADMIN_USERNAME", "mallrank_admin");
  }

  @Test
  @SuppressWarnings("unchecked")
  void everyNodeInstallsTheFileRealmBeforeItStarts() throws IOException {
    for (Stack stack : List.of(stack(SINGLE), stack(CLUSTER))) {
      for (String node : services(stack)) {
        if (!isNode(stack, node)) {
          continue;
        }
        Map<String, Object> service = ComposeFiles.service(stack.project(), node);
        assertThat(service.get("entrypoint"))
            .as(node)
            .isEqualTo(List.of("bash", "/mallrank/es-start.sh"));
        assertThat((List<String>) service.get("volumes"))
            .as(node)
            .contains("es-security:/mallrank-security:ro");
        assertThat(((Map<String, Object>) service.get("depends_on")).get("es-users"))
            .as(node)
            .isEqualTo(Map.of("condition", "service_completed_successfully"));
      }
      assertThat((List<String>) ComposeFiles.service(stack.project(), "es-users").get("volumes"))
          .contains("es-security:/mallrank-security");
    }
  }

  @Test
  void kibanaKeepsItsEncryptionKeysAndTheNodesVerifyEachOtherFully() throws IOException {
    for (Stack stack : List.of(stack(SINGLE), stack(CLUSTER))) {
      Map<String, String> kibana =
          ComposeFiles.environment(ComposeFiles.service(stack.project(), "kibana"));
      for (String key :
          List.of(
              "XPACK_SECURITY_ENCRYPTIONKEY",
              "XPACK_ENCRYPTEDSAVEDOBJECTS_ENCRYPTIONKEY",
              "XPACK_REPORTING_ENCRYPTIONKEY")) {
        assertThat(kibana.get(key))
            .as(key + " (Kibana refuses fewer than 32)")
            .hasSizeGreaterThanOrEqualTo(32);
      }
      assertThat(
              new TreeSet<>(
                  List.of(
                      kibana.get("XPACK_SECURITY_ENCRYPTIONKEY"),
                      kibana.get("XPACK_ENCRYPTEDSAVEDOBJECTS_ENCRYPTIONKEY"),
                      kibana.get("XPACK_REPORTING_ENCRYPTIONKEY"))))
          .as("three distinct keys")
          .hasSize(3);
    }
    Stack cluster = stack(CLUSTER);
    for (String node : List.of("es01", "es02", "es03")) {
      assertThat(ComposeFiles.environment(ComposeFiles.service(cluster.project(), node)))
          .containsEntry("xpack.security.transport.ssl.verification_mode", "full");
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void workersAndTheAppKeepLoginStatesAndEvidenceInDataVolumes() throws IOException {
    assertThat(
            (List<String>) ComposeFiles.service(stack(CLUSTER).project(), "worker").get("volumes"))
        .containsExactly("worker-data:/data");
    assertThat(
            (List<String>) ComposeFiles.service(stack(SINGLE).project(), "mallrank").get("volumes"))
        .containsExactly("mallrank-data:/data");
    assertThat(Files.readString(REPO.resolve("kibana/Dockerfile"), StandardCharsets.UTF_8))
        .as("relative data dirs resolve under /data")
        .contains("WORKDIR /data");
  }

  @SuppressWarnings("unchecked")
  private static List<String> services(Stack stack) {
    return new ArrayList<>(((Map<String, Object>) stack.project().get("services")).keySet());
  }

  private static boolean isNode(Stack stack, String name) {
    Map<String, Object> service = ComposeFiles.service(stack.project(), name);
    return String.valueOf(service.get("image")).startsWith("docker.elastic.co/elasticsearch/")
        && !"no".equals(String.valueOf(service.get("restart")));
  }

  private static List<String> servicesWithValue(Stack stack, String value) {
    List<String> found = new ArrayList<>();
    for (String name : services(stack)) {
      if (ComposeFiles.environment(ComposeFiles.service(stack.project(), name))
          .containsValue(value)) {
        found.add(name);
      }
    }
    return found;
  }
}
