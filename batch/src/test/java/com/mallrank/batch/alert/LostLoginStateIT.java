package com.mallrank.batch.alert;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mallrank.batch.demo.SandboxRuntime;
import com.mallrank.batch.runtime.ElasticsearchRuntime;
import com.mallrank.batch.sample.SampleLauncher;
import com.mallrank.batch.testing.InContextCommand;
import com.mallrank.batch.testing.MallrankIT;
import com.mallrank.crawler.sandbox.SandboxMall.Served;
import com.mallrank.index.report.KeywordTop20;
import com.mallrank.index.report.Reports;
import com.mallrank.index.report.Top20Report;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue 21 items 2 and 3 on the sandbox mall, the real Elasticsearch and a local webhook receiver:
 * one account's lost login state file (missing), another's too open (0644) and a third's expired
 * (every cookie past its expiry) are each that account's trouble only. Their samples are {@code
 * skipped} (needs-login, the reason in the detail) without a request, one alert each, once; every
 * other identity is sampled; {@code plan validate} warns (exit 0) and {@code accounts status} lists
 * them and why (exit 0). After {@code accounts import} the account is "re-logged in" until its next
 * sample proves the login, then ok.
 */
@MallrankIT(properties = {"batch.threads=1", "alerts.enabled=true", "alerts.retry.max-attempts=1"})
class LostLoginStateIT {

  private static final Instant SLOT = Instant.parse("2026-11-28T06:00:00Z");
  private static final Instant NEXT = SLOT.plusSeconds(3600);
  private static final List<String> KEYWORDS = List.of("加厚羽绒服女长款", "白鸭绒羽绒服女短款", "羽绒服女小个子");
  private static final List<String> TROUBLED = List.of("mx-yiwu", "mx-guangzhou", "mx-old");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Receiver RECEIVER = receiver();

  private static Path accounts;
  private static Path lost;
  private static Path open;
  private static Path expired;

  private static Receiver receiver() {
    try {
      return new Receiver(Receiver.Answer.ok(""));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path state(Path folder, String id, String cookie, String permissions)
      throws IOException {
    Path file = folder.resolve(id + ".json");
    Files.writeString(file, "{\"cookies\":[" + cookie + "],\"origins\":[]}");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions));
    return file;
  }

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) throws IOException {
    accounts = Files.createTempDirectory("lost-accounts");
    Files.setPosixFilePermissions(accounts, PosixFilePermissions.fromString("rwx------"));
    lost = accounts.resolve("mx-yiwu.json"); // never written: lost
    open =
        state(
            accounts,
            "mx-guangzhou",
            "{\"name\":\"sandbox_uid\",\"value\":\"mx-guangzhou\",\"domain\":\"127.0.0.1\","
                + "\"path\":\"/\",\"expires\":-1}",
            "rw-r--r--");
    expired =
        state(
            accounts,
            "mx-old",
            "{\"name\":\"sandbox_uid\",\"value\":\"mx-old\",\"domain\":\"127.0.0.1\",\"path\":\"/\","
                + "\"expires\":"
                + Instant.parse("2026-11-01T00:00:00Z").getEpochSecond()
                + "}",
            "rw-------");
    Path plan = Files.createTempFile("lost-plan", ".yml");
    Files.writeString(
        plan,
        """
        accounts:
          - id: mx-hangzhou
            shop-ids: ["7201283738326735002"]
          - id: mx-yiwu
            shop-ids: ["7276133299620037403"]
            storage-state: %s
          - id: mx-guangzhou
            shop-ids: ["7269246855089709110"]
            storage-state: %s
          - id: mx-old
            shop-ids: ["7000000000000000001"]
        groups:
          - name: core
            profile: sandbox-static
            depth: 20
            vantages: [anonymous, mx-hangzhou, mx-yiwu, mx-guangzhou, mx-old]
            keywords: [%s]
        """
            .formatted(lost, open, String.join(", ", KEYWORDS)));
    plan.toFile().deleteOnExit();
    registry.add("batch.plan", plan::toString);
    registry.add("batch.accounts-dir", accounts::toString);
    registry.add("alerts.webhooks[0].name", () -> "ops");
    registry.add("alerts.webhooks[0].type", () -> "json");
    registry.add("alerts.webhooks[0].url", () -> RECEIVER.url("/hook"));
  }

  @Autowired SampleLauncher launcher;
  @Autowired SandboxRuntime sandbox;
  @Autowired ElasticsearchRuntime elasticsearch;
  @Autowired ApplicationContext context;

  @AfterAll
  static void stopReceiver() {
    RECEIVER.close();
  }

  @Test
  void oneAccountsLostStateStaysItsOwnAndARenewedLoginIsProvenByTheNextSample() throws Exception {
    String validate = InContextCommand.run(context, "plan", "validate");
    assertThat(validate.lines().filter(l -> l.startsWith("warning: ")))
        .containsExactly(
            "warning: account mx-yiwu: login state file "
                + lost
                + " does not exist: log the account in with `mallrank accounts login` (or"
                + " `accounts import`); its samples are skipped (needs-login) until it logs in"
                + " again: mallrank accounts login --id mx-yiwu",
            "warning: account mx-guangzhou: login state file "
                + open
                + " is readable or writable by group/others: run chmod 600 "
                + open
                + "; its samples are skipped (needs-login) until it logs in again: mallrank"
                + " accounts login --id mx-guangzhou",
            "warning: account mx-old: every cookie of login state file "
                + expired
                + " expired (the last at 2026-11-01T00:00:00Z); its samples are skipped"
                + " (needs-login) until it logs in again: mallrank accounts login --id mx-old");
    assertThat(validate).contains("valid, 4 accounts, 1 groups, 3 warnings");

    sandbox.mall().setTime(SLOT);
    long before = sandbox.mall().served(Served.SEARCH_PAGES);
    assertThat(launcher.launch("core", SLOT).getStatus()).isEqualTo(BatchStatus.COMPLETED);

    assertThat(reports().counts(SLOT).samplesByStatus()).isEqualTo(Map.of("ok", 6L, "skipped", 9L));
    assertThat(reports().counts(SLOT).listings()).isEqualTo(6 * 20);
    assertThat(sandbox.mall().served(Served.SEARCH_PAGES) - before)
        .as("anonymous and mx-hangzhou only: the troubled accounts send nothing")
        .isEqualTo(6);
    for (String account : TROUBLED) {
      assertThat(statuses(SLOT, account))
          .containsExactly("skipped/needs-login", "skipped/needs-login", "skipped/needs-login");
    }
    assertThat(statuses(SLOT, "mx-hangzhou")).containsExactly("ok/null", "ok/null", "ok/null");
    assertThat(detail(SLOT, "mx-yiwu"))
        .isEqualTo(
            "not sampled: mx-yiwu needs a new login (login state file "
                + lost
                + " does not exist: log the account in with `mallrank accounts login` (or"
                + " `accounts import`))");
    assertThat(needsLoginAlerts())
        .containsExactlyInAnyOrder(
            "账号 mx-yiwu 需要重新登录 · account:mx-yiwu",
            "账号 mx-guangzhou 需要重新登录 · account:mx-guangzhou",
            "账号 mx-old 需要重新登录 · account:mx-old");
    assertThat(needsLoginDetails())
        .allSatisfy(d -> assertThat(d).contains("mallrank accounts login --id mx-"))
        .noneSatisfy(d -> assertThat(d).contains("登录墙"));

    String status = InContextCommand.run(context, "accounts", "status");
    assertThat(cells(status, "mx-hangzhou").subList(1, 4))
        .containsExactly("sandbox-static", "ok", "2026-11-28 14:00 ok");
    assertThat(cells(status, "mx-yiwu").subList(1, 4))
        .containsExactly(
            "sandbox-static",
            "needs-login (state file missing)",
            "2026-11-28 14:00 skipped (needs-login)");
    assertThat(cells(status, "mx-guangzhou").subList(1, 4))
        .containsExactly(
            "sandbox-static",
            "needs-login (state file too open)",
            "2026-11-28 14:00 skipped (needs-login)");
    assertThat(cells(status, "mx-guangzhou")).contains("rw-r--r-- too open: chmod 600, folder 700");
    assertThat(cells(status, "mx-old").get(2)).isEqualTo("needs-login (every cookie expired)");
    assertThat(status)
        .contains("mx-yiwu: login state file " + lost + " does not exist")
        .contains("its samples are skipped until: mallrank accounts login --id mx-yiwu");

    // mx-yiwu logs in again: re-logged in until a sample proves it, then ok.
    Path renewed =
        state(
            Files.createTempDirectory("renewed"),
            "renewed",
            "{\"name\":\"sandbox_uid\",\"value\":\"mx-yiwu\",\"domain\":\"127.0.0.1\",\"path\":\"/\","
                + "\"expires\":-1}",
            "rw-------");
    InContextCommand.run(
        context, "accounts", "import", "--id", "mx-yiwu", "--storage-state", renewed.toString());
    assertThat(cells(InContextCommand.run(context, "accounts", "status"), "mx-yiwu").get(2))
        .startsWith("re-logged in at ");

    sandbox.mall().setTime(NEXT);
    assertThat(launcher.launch("core", NEXT).getStatus()).isEqualTo(BatchStatus.COMPLETED);
    assertThat(statuses(NEXT, "mx-yiwu")).containsExactly("ok/null", "ok/null", "ok/null");
    assertThat(reports().counts(NEXT).samplesByStatus()).isEqualTo(Map.of("ok", 9L, "skipped", 6L));
    assertThat(cells(InContextCommand.run(context, "accounts", "status"), "mx-yiwu").subList(1, 4))
        .containsExactly("sandbox-static", "ok", "2026-11-28 15:00 ok");
    assertThat(needsLoginAlerts()).as("still logged out: no second alert").hasSize(3);
  }

  private Reports reports() {
    return new Reports(elasticsearch.client(), elasticsearch.names());
  }

  /** The cells of the status table's line of an account (one surface here). */
  private static List<String> cells(String table, String account) {
    String line = table.lines().filter(l -> l.startsWith(account + " ")).findFirst().orElseThrow();
    return List.of(line.strip().split("\\s{2,}"));
  }

  private List<String> statuses(Instant slot, String vantage) {
    Top20Report report = reports().top20(slot, vantage, KEYWORDS);
    List<String> out = new ArrayList<>();
    for (String keyword : KEYWORDS) {
      KeywordTop20 top = report.keyword(keyword).orElseThrow();
      assertThat(top.listings().isEmpty()).isEqualTo(!top.status().equals("ok"));
      out.add(top.status() + "/" + top.sample().marker());
    }
    return out;
  }

  private String detail(Instant slot, String vantage) {
    return reports()
        .top20(slot, vantage, KEYWORDS)
        .keyword(KEYWORDS.get(0))
        .orElseThrow()
        .sample()
        .detail();
  }

  private static List<JsonNode> needsLogin() throws IOException {
    List<JsonNode> alerts = new ArrayList<>();
    for (Receiver.Request request : RECEIVER.requests()) {
      for (JsonNode alert : JSON.readTree(request.body()).path("alerts")) {
        if (alert.path("rule").asText().equals(NeedsLoginRule.ID)) {
          alerts.add(alert);
        }
      }
    }
    return alerts;
  }

  private static List<String> needsLoginAlerts() throws IOException {
    return needsLogin().stream()
        .map(
            a -> {
              String key = a.path("dedupe_key").asText();
              return a.path("summary").asText() + " · " + key.substring(key.lastIndexOf('|') + 1);
            })
        .toList();
  }

  private static List<String> needsLoginDetails() throws IOException {
    return needsLogin().stream().map(a -> a.path("detail").asText()).toList();
  }
}
