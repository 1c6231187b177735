package com.mallrank.batch.alert;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mallrank.batch.cli.AccountStatusTable;
import com.mallrank.batch.cli.AccountsStatusCommand;
import com.mallrank.batch.config.BatchProperties;
import com.mallrank.batch.config.CrawlerProperties;
import com.mallrank.batch.demo.SandboxRuntime;
import com.mallrank.batch.runtime.ElasticsearchRuntime;
import com.mallrank.batch.runtime.JdbcNeedsLoginMarks;
import com.mallrank.batch.runtime.PlanRepository;
import com.mallrank.batch.runtime.SiteProfileRegistry;
import com.mallrank.batch.sample.SampleLauncher;
import com.mallrank.batch.testing.MallrankIT;
import com.mallrank.crawler.sandbox.SandboxMall.Served;
import com.mallrank.index.report.KeywordTop20;
import com.mallrank.index.report.Reports;
import com.mallrank.index.report.SlotCounts;
import com.mallrank.index.report.Top20Report;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue 10 item 4 end to end on the sandbox mall, the real Elasticsearch and a local webhook
 * receiver: the mall expires one matrix account's login mid-slot; that account's remaining keywords
 * are stored {@code skipped} (reason {@code needs-login}) without a request, the other identities
 * complete, and one "账号 X 需要重新登录" alert arrives, once, however many slots it stays logged out.
 *
 * <p>Issue 21 item 1: a login is proven, not assumed. When the mall forgets an account's session
 * without a login wall (it serves the logged-out page: the anonymous ranking), the page lacks the
 * profile's logged-in marker, so the sample is {@code login_required}, never ok, on a static
 * surface (sandbox-static) and on a browser surface (sandbox-spa, rendered by Chromium) alike.
 */
@MallrankIT(properties = {"batch.threads=1", "alerts.enabled=true", "alerts.retry.max-attempts=1"})
class LoginExpiryIT {

  private static final Instant SLOT = Instant.parse("2026-11-28T06:00:00Z");
  private static final Instant NEXT = SLOT.plusSeconds(3600);
  private static final List<String> KEYWORDS =
      List.of("加厚羽绒服女长款", "白鸭绒羽绒服女短款", "羽绒服女小个子", "高领毛衣女内搭");

  /** Keywords of the proof groups: none shared with core, so no fetch is shared. */
  private static final List<String> PROOF_KEYWORDS = List.of("无线蓝牙耳机降噪", "洗衣凝珠持久留香", "男士冲锋衣三合一");

  private static final String NOT_SHOWN = "logged-in: not shown (select #user-info .nickname)";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Receiver RECEIVER = receiver();

  private static Receiver receiver() {
    try {
      return new Receiver(Receiver.Answer.ok(""));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** mx-hangzhou's login state: a 0600 file in a 0700 folder, as `accounts import` keeps it. */
  private static Path state;

  private static final Instant STATE_WRITTEN = Instant.parse("2026-11-28T02:00:00Z");

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) throws IOException {
    Path plan = Files.createTempFile("expiry-plan", ".yml");
    plan.toFile().deleteOnExit();
    Path folder = Files.createTempDirectory("expiry-accounts");
    Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
    state = folder.resolve("mx-hangzhou.json");
    Files.writeString(
        state,
        """
        {"cookies":[
          {"name":"sandbox_uid","value":"mx-hangzhou","domain":"127.0.0.1","path":"/","expires":-1},
          {"name":"sessionid","value":"s3cr3t","domain":".douyin.com","path":"/","expires":%d}
        ],"origins":[]}
        """
            .formatted(Instant.parse("2026-12-28T04:00:00Z").getEpochSecond()));
    Files.setPosixFilePermissions(state, PosixFilePermissions.fromString("rw-------"));
    Files.setLastModifiedTime(state, FileTime.from(STATE_WRITTEN));
    state.toFile().deleteOnExit();
    folder.toFile().deleteOnExit();
    Files.writeString(
        plan,
        """
        accounts:
          - id: mx-hangzhou
            name: 杭州女装矩阵
            shop-ids: ["7201283738326735002"]
            storage-state: %s
          - id: mx-yiwu
            name: 义乌家居矩阵
            shop-ids: ["7276133299620037403"]
          - id: mx-guangzhou
            name: 广州数码鞋服矩阵
            shop-ids: ["7269246855089709110"]
        groups:
          - name: core
            profile: sandbox-static
            depth: 20
            vantages: [anonymous, mx-hangzhou, mx-yiwu]
            keywords: [%s]
          - name: proof
            profile: sandbox-static
            depth: 20
            vantages: [anonymous, mx-guangzhou]
            keywords: [%s]
          - name: proof-spa
            profile: sandbox-spa
            depth: 20
            vantages: [anonymous, mx-guangzhou]
            keywords: [%s]
        """
            .formatted(
                state,
                String.join(", ", KEYWORDS),
                String.join(", ", PROOF_KEYWORDS),
                String.join(", ", PROOF_KEYWORDS.subList(0, 2))));
    registry.add("batch.accounts-dir", folder::toString);
    registry.add("batch.plan", plan::toString);
    registry.add("alerts.webhooks[0].name", () -> "ops");
    registry.add("alerts.webhooks[0].type", () -> "json");
    registry.add("alerts.webhooks[0].url", () -> RECEIVER.url("/hook"));
  }

  @Autowired SampleLauncher launcher;
  @Autowired SandboxRuntime sandbox;
  @Autowired ElasticsearchRuntime elasticsearch;
  @Autowired PlanRepository plans;
  @Autowired BatchProperties properties;
  @Autowired SiteProfileRegistry profiles;
  @Autowired CrawlerProperties crawler;
  @Autowired JdbcTemplate jdbc;

  @AfterEach
  void clearFaults() {
    sandbox.mall().faults().clearAll();
  }

  @AfterAll
  static void stopReceiver() {
    RECEIVER.close();
  }

  @Test
  void anAccountLoggedOutMidSlotIsSkippedAlertedOnceAndTheOthersComplete() throws Exception {
    sandbox.mall().setTime(SLOT);
    sandbox.mall().faults().expireLogin("mx-yiwu", 1);
    long before = sandbox.mall().served(Served.SEARCH_PAGES);

    assertThat(launcher.launch("core", SLOT).getStatus()).isEqualTo(BatchStatus.COMPLETED);

    assertThat(statuses(SLOT, "mx-yiwu"))
        .containsExactly(
            "ok/null",
            "login_required/login-required: select .login-guide",
            "skipped/needs-login",
            "skipped/needs-login");
    assertThat(statuses(SLOT, "mx-hangzhou")).containsOnly("ok/null").hasSize(4);
    assertThat(statuses(SLOT, "anonymous")).containsOnly("ok/null").hasSize(4);
    assertThat(sandbox.mall().served(Served.SEARCH_PAGES) - before)
        .as("4 anonymous + 4 mx-hangzhou + 2 mx-yiwu: skipped keywords are not fetched")
        .isEqualTo(10);
    assertThat(
            jdbc.queryForList(
                "SELECT identity FROM " + JdbcNeedsLoginMarks.TABLE + " WHERE slot = ?",
                String.class,
                SLOT.getEpochSecond()))
        .as("the mark is in the JobRepository's database, where every worker reads it")
        .containsExactly("mx-yiwu");
    assertThat(needsLoginAlerts("mx-yiwu"))
        .containsExactly(
            "账号 mx-yiwu 需要重新登录 · sandbox-static · needs_login|sandbox-static||account:mx-yiwu");

    // Still logged out an hour later: skipped again after one request, but no second alert.
    sandbox.mall().setTime(NEXT);
    assertThat(launcher.launch("core", NEXT).getStatus()).isEqualTo(BatchStatus.COMPLETED);
    assertThat(statuses(NEXT, "mx-yiwu"))
        .containsExactly(
            "login_required/login-required: select .login-guide",
            "skipped/needs-login",
            "skipped/needs-login",
            "skipped/needs-login");
    assertThat(needsLoginAlerts("mx-yiwu"))
        .as("deduplicated")
        .containsExactly(
            "账号 mx-yiwu 需要重新登录 · sandbox-static · needs_login|sandbox-static||account:mx-yiwu");

    // accounts status: from the samples just stored and the state files.
    List<List<String>> rows =
        new AccountsStatusCommand(
                plans,
                new Reports(elasticsearch.client(), elasticsearch.names()),
                properties,
                profiles,
                crawler)
            .rows(STATE_WRITTEN.plusSeconds(30 * 3600));
    assertThat(rows.stream().filter(r -> !r.get(0).equals("mx-guangzhou")))
        .containsExactly(
            List.of(
                "mx-hangzhou",
                "sandbox-static",
                "ok",
                "2026-11-28 15:00 ok",
                "2026-11-28 15:00",
                "—",
                "2026-12-28 12:00 (sessionid; 2 cookies)",
                state.toString(),
                "30h",
                "rw------- ok",
                "direct",
                "(configured) zh-CN Asia/Shanghai"),
            List.of(
                "mx-yiwu",
                "sandbox-static",
                "needs-login",
                "2026-11-28 15:00 skipped (needs-login)",
                "2026-11-28 14:00",
                "2026-11-28 15:00",
                "—",
                "— (none)",
                "—",
                "—",
                "direct",
                "(configured) zh-CN Asia/Shanghai"));
    assertThat(AccountStatusTable.render(rows)).doesNotContain("s3cr3t");
  }

  @Test
  void aForgottenSessionOnAStaticSurfaceIsLoginRequiredNeverOk() throws Exception {
    Instant slot = Instant.parse("2026-11-28T09:00:00Z");
    sandbox.mall().setTime(slot);
    sandbox.mall().faults().expireSession("mx-guangzhou");
    long before = sandbox.mall().served(Served.SEARCH_PAGES);

    assertThat(launcher.launch("proof", slot).getStatus()).isEqualTo(BatchStatus.COMPLETED);

    assertThat(statuses("sandbox-static", slot, "mx-guangzhou", PROOF_KEYWORDS))
        .containsExactly(
            "login_required/" + NOT_SHOWN, "skipped/needs-login", "skipped/needs-login");
    assertThat(statuses("sandbox-static", slot, "anonymous", PROOF_KEYWORDS))
        .containsExactly("ok/null", "ok/null", "ok/null");
    SlotCounts stored = reports().counts(slot);
    assertThat(stored.samplesByStatus())
        .isEqualTo(Map.of("ok", 3L, "login_required", 1L, "skipped", 2L));
    assertThat(stored.listings())
        .as("20 listings per anonymous sample; none from the account's logged-out page")
        .isEqualTo(60);
    assertThat(sandbox.mall().served(Served.SEARCH_PAGES) - before)
        .as("3 anonymous + 1 mx-guangzhou")
        .isEqualTo(4);
    assertThat(needsLoginAlerts("mx-guangzhou"))
        .contains(
            "账号 mx-guangzhou 需要重新登录 · sandbox-static"
                + " · needs_login|sandbox-static||account:mx-guangzhou");
  }

  @Test
  void aForgottenSessionOnABrowserSurfaceIsLoginRequiredNeverOk() throws Exception {
    Instant slot = Instant.parse("2026-11-28T10:00:00Z");
    sandbox.mall().setTime(slot);
    sandbox.mall().faults().expireSession("mx-guangzhou");

    assertThat(launcher.launch("proof-spa", slot).getStatus()).isEqualTo(BatchStatus.COMPLETED);

    List<String> keywords = PROOF_KEYWORDS.subList(0, 2);
    assertThat(statuses("sandbox-spa", slot, "mx-guangzhou", keywords))
        .containsExactly("login_required/" + NOT_SHOWN, "skipped/needs-login");
    assertThat(statuses("sandbox-spa", slot, "anonymous", keywords))
        .containsExactly("ok/null", "ok/null");
    SlotCounts stored = reports().counts(slot);
    assertThat(stored.samplesByStatus())
        .isEqualTo(Map.of("ok", 2L, "login_required", 1L, "skipped", 1L));
    assertThat(stored.listings()).isEqualTo(40);
    assertThat(needsLoginAlerts("mx-guangzhou"))
        .contains(
            "账号 mx-guangzhou 需要重新登录 · sandbox-spa"
                + " · needs_login|sandbox-spa||account:mx-guangzhou");
  }

  private Reports reports() {
    return new Reports(elasticsearch.client(), elasticsearch.names());
  }

  /** status/marker of each keyword's sample on a surface, in plan order. */
  private List<String> statuses(
      String profile, Instant slot, String vantage, List<String> keywords) {
    Top20Report report = reports().onProfile(profile).top20(slot, vantage, keywords);
    List<String> out = new ArrayList<>();
    for (String keyword : keywords) {
      KeywordTop20 top = report.keyword(keyword).orElseThrow();
      assertThat(top.listings().isEmpty()).isEqualTo(!top.status().equals("ok"));
      out.add(top.status() + "/" + top.sample().marker());
    }
    return out;
  }

  /** status/marker of each core keyword's sample, in plan order. */
  private List<String> statuses(Instant slot, String vantage) {
    return statuses("sandbox-static", slot, vantage, KEYWORDS);
  }

  /** summary · profile · dedupe key of every needs_login alert of an account the receiver got. */
  private static List<String> needsLoginAlerts(String account) throws IOException {
    List<String> summaries = new ArrayList<>();
    for (Receiver.Request request : RECEIVER.requests()) {
      for (JsonNode alert : JSON.readTree(request.body()).path("alerts")) {
        if (alert.path("rule").asText().equals(NeedsLoginRule.ID)
            && alert.path("dedupe_key").asText().endsWith("account:" + account)) {
          summaries.add(
              alert.path("summary").asText()
                  + " · "
                  + alert.path("profile").asText()
                  + " · "
                  + alert.path("dedupe_key").asText());
        }
      }
    }
    return summaries;
  }
}
