package com.mallrank.batch.es;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mallrank.batch.config.IndexProperties;
import com.mallrank.batch.demo.SandboxRuntime;
import com.mallrank.batch.runtime.ElasticsearchRuntime;
import com.mallrank.batch.runtime.PlanRepository;
import com.mallrank.batch.sample.SampleLauncher;
import com.mallrank.batch.testing.MallrankIT;
import com.mallrank.batch.testing.MallrankITSupport;
import com.mallrank.crawler.sandbox.SandboxCard;
import com.mallrank.index.client.EsClients;
import com.mallrank.index.client.EsConnection;
import com.mallrank.index.document.ChangeEvent;
import com.mallrank.index.document.ListingDocument;
import com.mallrank.index.local.FileRealm;
import com.mallrank.index.local.LocalElasticsearch;
import com.mallrank.index.local.LocalElasticsearchSettings;
import com.mallrank.index.report.ChangeLogQuery;
import com.mallrank.index.report.KeywordTop20;
import com.mallrank.index.report.Reports;
import com.mallrank.index.report.Top20Report;
import com.mallrank.index.retention.Retention;
import com.mallrank.index.retention.RetentionResult;
import com.mallrank.index.schema.IndexNames;
import com.mallrank.index.security.EsRoles;
import com.mallrank.index.security.MallrankRole;
import com.mallrank.index.testing.ThrowawayNodes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.assertj.core.groups.Tuple;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Least privilege on a real Elasticsearch with security on: a throwaway local server (free port,
 * temporary data directory, 256 MB heap, C1 only ({@link ThrowawayNodes}), file realm with the
 * roles of {@code mallrank es roles --format=yml} and one user per role), never the shared test
 * server. mallrank is configured with the three role credentials only (no main credential): the
 * sample job completes as the writer and the reports read as the reader, so a write through the
 * reader or a search through the writer would fail the cycle. The writer cannot search or delete,
 * the reader cannot write: exact 403s. Retention runs as the admin; the reader's attempt is refused
 * and deletes nothing.
 */
@MallrankIT(properties = "batch.threads=1")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LeastPrivilegeIT {

  private static final Instant A = Instant.parse("2026-11-28T06:00:00Z");
  private static final Instant B = A.plus(Duration.ofHours(1));
  private static final String GROUP = "core";
  private static final String WRITER = "mr-writer";
  private static final String READER = "mr-reader";
  private static final String ADMIN = "mr-admin";
  private static final String KIBANA_IMPORT = "mr-kibana";
  // test-only passwords of a throwaway loopback server
  private static final String PASSWORD = "roles-it-" + UUID.randomUUID();

  private static Path dir;
  private static LocalElasticsearchSettings settings;
  private static LocalElasticsearch server;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) throws IOException {
    startSecuredServer();
    registry.add("index.es.url", server::url);
    registry.add("index.es.writer.username", () -> WRITER);
    registry.add("index.es.writer.password", () -> PASSWORD);
    registry.add("index.es.reader.username", () -> READER);
    registry.add("index.es.reader.password", () -> PASSWORD);
    registry.add("index.es.admin.username", () -> ADMIN);
    registry.add("index.es.admin.password", () -> PASSWORD);
  }

  private static synchronized void startSecuredServer() throws IOException {
    if (server != null) {
      return;
    }
    dir = Files.createTempDirectory("mallrank-roles-es");
    // the server runs as the unprivileged mallrank-es user when the tests run as root
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    EsRoles roles =
        EsRoles.forPrefix(new IndexNames(MallrankITSupport.prefix(LeastPrivilegeIT.class)));
    FileRealm realm =
        new FileRealm(
            roles.rolesYml(),
            List.of(
                // first: the health probe's user (mallrank_reader has cluster monitor)
                new FileRealm.User(READER, PASSWORD, List.of("mallrank_reader")),
                new FileRealm.User(WRITER, PASSWORD, List.of("mallrank_writer")),
                new FileRealm.User(ADMIN, PASSWORD, List.of("mallrank_admin")),
                new FileRealm.User(KIBANA_IMPORT, PASSWORD, List.of(EsRoles.KIBANA_OBJECTS_ROLE))));
    settings = ThrowawayNodes.settings(dir.resolve("es"), 1).withSecurity(realm);
    server = LocalElasticsearch.ensureRunning(settings);
    assertThat(server.startedHere()).as("a throwaway server of this test").isTrue();
  }

  @AfterAll
  static void stopServer() throws IOException {
    if (server != null) {
      server.stop();
    }
    if (dir != null) {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
      }
    }
  }

  @Autowired SampleLauncher launcher;
  @Autowired SandboxRuntime sandbox;
  @Autowired ElasticsearchRuntime elasticsearch;
  @Autowired PlanRepository plans;
  @Autowired IndexProperties index;

  private IndexNames names() {
    return elasticsearch.names();
  }

  @Test
  @Order(1)
  void sampleAsWriterThenReportAsReader() {
    var group = plans.plan().requireGroup(GROUP);
    int tasks = group.keywords().size() * group.vantages().size();
    for (Instant slot : List.of(A, B)) {
      sandbox.mall().setTime(slot);
      assertThat(launcher.launch(GROUP, slot).getStatus())
          .as("slot %s sampled as %s", slot, WRITER)
          .isEqualTo(BatchStatus.COMPLETED);
    }

    // the reports, as the reader
    ElasticsearchClient reader = elasticsearch.client();
    assertThat(reader).isSameAs(elasticsearch.client(MallrankRole.READER));
    Reports reports = new Reports(reader, names());
    for (Instant slot : List.of(A, B)) {
      assertThat(reports.counts(slot).samples()).isEqualTo(tasks);
      long listings = 0;
      for (String keyword : group.keywords()) {
        for (String vantage : group.vantages()) {
          listings +=
              Math.min(
                  sandbox.mall().world().results(keyword, slot, vantage).size(), group.depth());
        }
      }
      assertThat(reports.counts(slot).listings()).isEqualTo(listings);
    }
    String vantage = group.vantages().get(0);
    Top20Report report = new Reports(reader, names()).top20(B, vantage, group.keywords());
    assertThat(report.keywords()).hasSize(group.keywords().size());
    for (KeywordTop20 keyword : report.keywords()) {
      List<Tuple> truth =
          sandbox.mall().world().results(keyword.keyword(), B, vantage).stream()
              .filter(c -> c.position() <= 20)
              .map(c -> Tuple.tuple(c.position(), c.productId()))
              .toList();
      assertThat(keyword.listings())
          .extracting(ListingDocument::position, ListingDocument::productId)
          .as(keyword.keyword())
          .containsExactlyElementsOf(truth);
    }
    // change detection after B wrote its events as the writer; the reader reads them
    List<ChangeEvent> events = new ArrayList<>();
    new Reports(reader, names())
        .changeLog(ChangeLogQuery.window(B, B.plus(Duration.ofMinutes(1))), events::add);
    assertThat(events).as("the sandbox scripts changes between A and B").isNotEmpty();
    assertThat(events).allMatch(e -> e.slot().equals(B));
    assertThat(truthHasCards()).isTrue();
  }

  @Test
  @Order(2)
  void reportsRunWithTheReaderCredentialAloneAndInstallNothing() throws Exception {
    // a report host configured with the reader credential only: before, its first client put the
    // index templates and the cluster refused them, so no report ran
    IndexProperties readerOnly =
        new IndexProperties(
            names().prefix(),
            index.refresh(),
            new IndexProperties.Es(server.url(), null, READER, PASSWORD, null, null, null, null),
            index.local(),
            index.replicas(),
            index.bulkRetry());
    ElasticsearchRuntime reports = new ElasticsearchRuntime(readerOnly);
    try {
      var group = plans.plan().requireGroup(GROUP);
      String vantage = group.vantages().get(0);
      Reports asReader = new Reports(reports.client(), names());
      Reports reference = new Reports(elasticsearch.client(), names());
      assertThat(asReader.counts(B).samples())
          .isEqualTo(group.keywords().size() * group.vantages().size());
      assertThat(asReader.counts(B).listings()).isEqualTo(reference.counts(B).listings());
      assertThat(asReader.top20(B, vantage, group.keywords()))
          .isEqualTo(reference.top20(B, vantage, group.keywords()));

      // installing the templates is a writer's or an admin's start, and this credential cannot
      assertThatThrownBy(() -> reports.client(MallrankRole.WRITER))
          .isInstanceOf(ElasticsearchRuntime.UnavailableException.class)
          .hasMessageContaining("[es/indices.put_index_template] failed")
          .hasMessageContaining("is unauthorized for user [" + READER + "]");
    } finally {
      reports.destroy();
    }
  }

  private boolean truthHasCards() {
    List<SandboxCard> cards =
        sandbox
            .mall()
            .world()
            .results(plans.plan().requireGroup(GROUP).keywords().get(0), A, "anonymous");
    return !cards.isEmpty();
  }

  @Test
  @Order(3)
  void theWriterCannotSearchOrDelete() {
    ElasticsearchClient writer = elasticsearch.client(MallrankRole.WRITER);
    assertThat(writer).isNotSameAs(elasticsearch.client(MallrankRole.READER));

    assertForbidden(
        () -> writer.search(s -> s.index(names().listingsAlias()), Void.class),
        "action [indices:data/read/search] is unauthorized for user [" + WRITER + "]");
    assertForbidden(
        () -> writer.count(c -> c.index(names().samplesAlias())),
        "action [indices:data/read/search] is unauthorized for user [" + WRITER + "]");
    assertForbidden(
        () -> writer.delete(d -> d.index(names().samplesIndex(A)).id("any")),
        "action [indices:data/write/delete] is unauthorized for user [" + WRITER + "]");
    assertForbidden(
        () -> writer.indices().delete(d -> d.index(names().listingsIndex(A))),
        "action [indices:admin/delete] is unauthorized for user [" + WRITER + "]");
    assertForbidden(
        () ->
            writer.index(
                i -> i.index("other-samples-2026.11").id("x").document(Map.of("keyword", "x"))),
        "action [indices:admin/auto_create] is unauthorized for user ["
            + WRITER
            + "] with effective roles [mallrank_writer] on indices [other-samples-2026.11]");
    // its one delete: listing documents (the stale listings of a re-run), never samples
    assertThat(
            assertDoesNotThrow(
                    () -> writer.delete(d -> d.index(names().listingsIndex(A)).id("no-such-id")))
                .result()
                .jsonValue())
        .isEqualTo("not_found");
  }

  @Test
  @Order(4)
  void theReaderCannotWrite() {
    ElasticsearchClient reader = elasticsearch.client(MallrankRole.READER);
    assertForbidden(
        () ->
            reader.index(
                i -> i.index(names().samplesIndex(A)).id("x").document(Map.of("keyword", "x"))),
        "action [indices:data/write/index] is unauthorized for user [" + READER + "]");
    assertForbidden(
        () -> reader.delete(d -> d.index(names().samplesIndex(A)).id("any")),
        "action [indices:data/write/delete] is unauthorized for user [" + READER + "]");
    assertForbidden(
        () -> reader.indices().delete(d -> d.index(names().listingsIndex(A))),
        "action [indices:admin/delete] is unauthorized for user [" + READER + "]");
    assertForbidden(
        () -> reader.indices().deleteIndexTemplate(d -> d.name(names().listingsTemplate())),
        "action [indices:admin/index_template/delete] is unauthorized for user [" + READER + "]");
  }

  @Test
  @Order(5)
  void applyingTheRolesNeedsManageSecurityWhichTheAdminRoleLacks() {
    // the integ-test-zip holds no native roles: only the refusal of the security API is testable
    assertThatThrownBy(
            () -> EsRoles.forPrefix(names()).apply(elasticsearch.client(MallrankRole.ADMIN)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("PUT _security/role/mallrank_writer refused: HTTP 403");
  }

  @Test
  @Order(6)
  void retentionRunsAsTheAdminNotAsTheReader() {
    // the month of A and B ends on the cutoff: the admin deletes their listings index whole
    Instant cutoff = Instant.parse("2026-12-01T00:00:00Z");
    Reports reports = new Reports(elasticsearch.client(), names());
    long listings = reports.counts(A).listings() + reports.counts(B).listings();
    assertThat(listings).isPositive();

    assertThatThrownBy(
            () ->
                new Retention(elasticsearch.client(), names(), Clock.systemUTC(), Refresh.True)
                    .runBefore(cutoff))
        .hasStackTraceContaining("is unauthorized for user [" + READER + "]");
    assertThat(reports.counts(A).listings() + reports.counts(B).listings())
        .as("the reader's refused run deleted nothing")
        .isEqualTo(listings);

    RetentionResult result =
        new Retention(
                elasticsearch.client(MallrankRole.ADMIN), names(), Clock.systemUTC(), Refresh.True)
            .runBefore(cutoff);
    assertThat(result.daysSummarised()).containsExactly(LocalDate.parse("2026-11-28"));
    assertThat(result.indicesDeleted()).containsExactly(names().listingsIndex(A));
    assertThat(result.listingsDeleted()).isEqualTo(listings);
    assertThat(reports.counts(A).listings() + reports.counts(B).listings()).isZero();
  }

  @Test
  @Order(6)
  void theReaderMayOpenDashboardsAndTheImportMayWriteSavedObjectsOnly() throws IOException {
    // the file-realm role descriptors carry Kibana's application privileges
    JsonNode reader = privileges(elasticsearch.client(MallrankRole.READER));
    assertThat(reader.path("applications").toString())
        .isEqualTo(
            "[{\"application\":\"kibana-.kibana\",\"privileges\":[\"feature_dashboard_v2.read\","
                + "\"feature_discover_v2.read\"],\"resources\":[\"*\"]}]");
    ElasticsearchClient kibana =
        EsClients.create(EsConnection.of(server.url()).withBasicAuth(KIBANA_IMPORT, PASSWORD));
    try {
      JsonNode imports = privileges(kibana);
      JsonNode application = imports.path("applications").get(0);
      assertThat(application.path("application").asText()).isEqualTo("kibana-.kibana");
      assertThat(application.path("resources").toString()).isEqualTo("[\"*\"]");
      List<String> granted = new ArrayList<>();
      application.path("privileges").forEach(p -> granted.add(p.asText()));
      assertThat(granted)
          .as("in any order")
          .containsExactlyInAnyOrder(
              "feature_dashboard_v2.all",
              "feature_discover_v2.all",
              "feature_indexPatterns.all",
              "feature_visualize_v2.all");
      assertThat(imports.path("applications")).hasSize(1);
      assertThat(imports.path("indices")).as("no index privilege at all").isEmpty();
      assertForbidden(
          () -> kibana.search(s -> s.index(names().listingsAlias()), Void.class),
          "action [indices:data/read/search] is unauthorized for user [" + KIBANA_IMPORT + "]");
    } finally {
      kibana.close();
    }
  }

  @Test
  @Order(7)
  void aWorkerWithoutTheAdminCredentialChecksTheTemplatesInsteadOfPuttingThem() throws Exception {
    IndexProperties worker = workerProperties(names().prefix());
    ElasticsearchRuntime runtime = new ElasticsearchRuntime(worker);
    try {
      assertThat(runtime.client(MallrankRole.WRITER)).isNotNull();
      // a slot's months ahead without the admin credential: created as the writer (create_index),
      // waited for as the reader (monitor)
      Instant february = Instant.parse("2027-02-10T06:00:00Z");
      Instant march = Instant.parse("2027-03-01T00:00:00Z");
      runtime.ensureMonths(february);
      ElasticsearchClient admin = elasticsearch.client(MallrankRole.ADMIN);
      for (Instant month : List.of(february, march)) {
        for (String created :
            List.of(
                names().listingsIndex(month),
                names().samplesIndex(month),
                names().changesIndex(month))) {
          assertThat(admin.indices().exists(e -> e.index(created)).value()).as(created).isTrue();
        }
      }
    } finally {
      runtime.destroy();
    }

    ElasticsearchRuntime fresh =
        new ElasticsearchRuntime(
            workerProperties("lp-" + UUID.randomUUID().toString().substring(0, 8)));
    try {
      assertThatThrownBy(() -> fresh.client(MallrankRole.WRITER))
          .isInstanceOf(ElasticsearchRuntime.UnavailableException.class)
          .hasMessageContaining("are missing and this process has no admin credential")
          .hasMessageContaining("index.es.admin.*");
    } finally {
      fresh.destroy();
    }
  }

  @Autowired IndexProperties indexProperties;

  /** Writer and reader credentials, no admin one and no main one: a worker of deploy/. */
  private IndexProperties workerProperties(String prefix) {
    return new IndexProperties(
        prefix,
        indexProperties.refresh(),
        new IndexProperties.Es(
            server.url(),
            null,
            null,
            null,
            null,
            new IndexProperties.Credentials(null, WRITER, PASSWORD),
            new IndexProperties.Credentials(null, READER, PASSWORD),
            null),
        indexProperties.local(),
        0,
        indexProperties.bulkRetry());
  }

  private static JsonNode privileges(ElasticsearchClient client) throws IOException {
    RestClient rest = ((RestClientTransport) client._transport()).restClient();
    try (var in =
        rest.performRequest(new Request("GET", "/_security/user/_privileges"))
            .getEntity()
            .getContent()) {
      return new ObjectMapper().readTree(in);
    }
  }

  interface EsCall {
    Object run() throws IOException;
  }

  private static void assertForbidden(EsCall call, String fragment) {
    assertThatThrownBy(call::run)
        .isInstanceOfSatisfying(
            ElasticsearchException.class,
            e -> {
              assertThat(e.status()).isEqualTo(403);
              assertThat(e.error().type()).isEqualTo("security_exception");
            })
        .hasMessageContaining(fragment);
  }
}
