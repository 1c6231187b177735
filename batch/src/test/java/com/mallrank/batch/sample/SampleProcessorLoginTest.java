package com.mallrank.batch.sample;

import static org.assertj.core.api.Assertions.assertThat;

import com.mallrank.batch.config.CrawlerProperties;
import com.mallrank.batch.demo.SandboxRuntime;
import com.mallrank.batch.ops.SampleMetrics;
import com.mallrank.batch.plan.Plan;
import com.mallrank.batch.runtime.AccountCookies;
import com.mallrank.batch.runtime.BrowserRuntime;
import com.mallrank.batch.runtime.JdbcNeedsLoginMarks;
import com.mallrank.batch.runtime.LoginStates;
import com.mallrank.batch.runtime.PlanNetwork;
import com.mallrank.batch.runtime.SamplerFactory;
import com.mallrank.batch.runtime.SandboxCrawler;
import com.mallrank.batch.runtime.SiteProfileRegistry;
import com.mallrank.batch.runtime.Target;
import com.mallrank.batch.runtime.Targets;
import com.mallrank.crawler.sandbox.SandboxMall;
import com.mallrank.index.document.SampleDocument;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A partition whose account's login state could not be used (too open) skips it as needs-login;
 * once the account logs in again within the slot (its state fixed, its mark taken back as {@code
 * accounts login} does) the same partition samples it. Before, the partition kept the first check's
 * trouble for the rest of its keywords and marked the account again at once.
 */
class SampleProcessorLoginTest {

  private static final Instant SLOT = Instant.parse("2026-12-07T06:00:00Z");

  @TempDir Path dir;
  private SandboxRuntime sandbox;
  private BrowserRuntime network;
  private SamplerFactory samplers;
  private SampleProcessor processor;
  private DataSource database;
  private Path state;

  @BeforeEach
  void start() throws Exception {
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
    CrawlerProperties properties = SandboxCrawler.properties();
    sandbox = SandboxCrawler.sandbox();
    state = dir.resolve("mx-a.json");
    Files.writeString(
        state,
        """
        {"cookies":[{"name":"%s","value":"mx-a","domain":"127.0.0.1","path":"/","expires":-1,
          "httpOnly":false,"secure":false,"sameSite":"Lax"}],"origins":[]}
        """
            .formatted(SandboxMall.IDENTITY_COOKIE));
    Files.setPosixFilePermissions(state, PosixFilePermissions.fromString("rw-r--r--"));
    Path planFile = dir.resolve("plan.yml");
    Files.writeString(
        planFile,
        """
        accounts:
          - id: mx-a
            shop-ids: ["7201283738326735002"]
            storage-state: %s
        groups:
          - name: core
            profile: sandbox-static
            vantages: [mx-a]
            keywords: [加厚羽绒服女长款, 白鸭绒羽绒服女短款]
        """
            .formatted(state));
    PlanNetwork wired = PlanNetwork.of(properties, planFile, dir);
    network = wired.network();
    Plan plan = wired.plans().plan();
    database =
        new DriverManagerDataSource(
            "jdbc:h2:file:" + dir.resolve("jobrepo/mallrank") + ";AUTO_SERVER=TRUE", "sa", "");
    samplers = new SamplerFactory(properties, network, database);
    Target target = new Targets(properties, Optional.of(sandbox)).target();
    LoginStates logins = new LoginStates(dir);
    processor =
        new SampleProcessor(
            SLOT,
            samplers.forRun(1, target, SLOT),
            new SiteProfileRegistry(properties)::get,
            target.baseUrl(),
            new AccountCookies(plan, target, logins)::of,
            plan.ownership(),
            new SampleMetrics(new SimpleMeterRegistry()),
            UnaryOperator.identity(),
            null,
            null,
            vantage -> plan.account(vantage).flatMap(a -> logins.unusable(a, Instant.now())));
  }

  @AfterEach
  void stop() {
    samplers.endRun(1);
    network.destroy();
    sandbox.destroy();
  }

  @Test
  void aLoginWithinTheSlotIsSampledByTheSamePartition() throws Exception {
    SampleDocument skipped = sample("加厚羽绒服女长款");
    assertThat(skipped.status() + "/" + skipped.marker()).isEqualTo("skipped/needs-login");
    assertThat(skipped.detail()).contains(state.toString());

    // accounts login: a new state, saved owner-only, then the mark taken back
    Files.setPosixFilePermissions(state, PosixFilePermissions.fromString("rw-------"));
    assertThat(JdbcNeedsLoginMarks.clear(database, "mx-a", Instant.now())).containsExactly(SLOT);

    SampleDocument sampled = sample("白鸭绒羽绒服女短款");
    assertThat(sampled.status()).isEqualTo("ok");
    assertThat(sampled.marker()).isNull();
    assertThat(JdbcNeedsLoginMarks.clear(database, "mx-a", Instant.now()))
        .as("not marked again")
        .isEmpty();
  }

  private SampleDocument sample(String keyword) {
    return processor
        .process(new SampleTask("core", keyword, "mx-a", "sandbox-static", 20, List.of()))
        .sample();
  }
}
