package com.mallrank.batch.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.mallrank.batch.Mallrank;
import com.mallrank.batch.config.ApplicationYaml;
import com.mallrank.batch.config.CrawlerProperties;
import com.mallrank.batch.demo.SandboxProperties;
import com.mallrank.batch.demo.SandboxRuntime;
import com.mallrank.batch.testing.ConsoleCapture;
import com.mallrank.batch.testing.MallrankCli;
import com.mallrank.batch.testing.PostgresTestDatabase;
import com.mallrank.crawler.model.ResultPage;
import com.mallrank.crawler.profile.SiteProfile;
import com.mallrank.crawler.sampler.KeywordSampler;
import com.mallrank.crawler.sandbox.SandboxMall.Served;
import com.mallrank.crawler.testing.BrowserFixture;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * {@code mallrank accounts login}, run as the launcher runs it (the lean context, no Spring Boot
 * auto-configuration), takes back the account's {@code needs-login} mark of the slot once the new
 * login state is saved: the mark lives in the JobRepository database every worker reads (here the
 * real PostgreSQL), and the worker that skipped the account samples it again in the same slot.
 * Another account's mark stays, and a login nobody scans keeps the mark. Before, the mark stayed
 * until the slot ended: the command did not touch it, and a worker that had read it once kept it in
 * memory.
 */
class LoginTakesBackNeedsLoginIT {

  @RegisterExtension static final MallrankCli MALLRANK = MallrankCli.withSandboxPlan();
  @RegisterExtension final ConsoleCapture console = ConsoleCapture.separate();

  private static final Instant SLOT = Instant.parse("2026-12-07T06:00:00Z");
  private static final List<String> KEYWORDS = List.of("加厚羽绒服女长款", "白鸭绒羽绒服女短款", "羽绒服女小个子");

  @TempDir Path dir;
  private SandboxRuntime sandbox;
  private BrowserRuntime network;
  private CrawlerProperties properties;
  private Path accounts;
  private AccountCookies cookies;
  private Target target;
  private SiteProfile profile;

  @BeforeEach
  void start() throws Exception {
    BrowserFixture.assumeChromium();
    PostgresTestDatabase.assumeAvailable();
    properties =
        ApplicationYaml.bind(
            "crawler", CrawlerProperties.class, Map.of("crawler.sandbox.port", "0"));
    sandbox =
        new SandboxRuntime(
            ApplicationYaml.bind(
                "crawler.sandbox", SandboxProperties.class, Map.of("crawler.sandbox.port", "0")));
    Path plan = dir.resolve("plan.yml");
    Files.writeString(
        plan,
        """
        accounts:
          - id: mx-a
            shop-ids: ["7201283738326735002"]
          - id: mx-b
            shop-ids: ["7276133299620037403"]
        groups:
          - name: core
            profile: sandbox-static
            vantages: [mx-a, mx-b]
            keywords: [%s]
        """
            .formatted(String.join(", ", KEYWORDS)));
    accounts = dir.resolve("accounts");
    PlanNetwork wired = PlanNetwork.of(properties, plan, accounts);
    network = wired.network();
    target = new Targets(properties, Optional.of(sandbox)).target();
    // the state accounts login saves is the one sampled with, once it is there
    cookies = new AccountCookies(wired.plans().plan(), target, new LoginStates(accounts));
    profile = new SiteProfileRegistry(properties).get("sandbox-static");
  }

  @AfterEach
  void stop() {
    if (network != null) {
      network.destroy();
    }
    if (sandbox != null) {
      sandbox.destroy();
    }
  }

  @Test
  void aLoginTakesBackTheSlotsMarkAndTheWorkerSamplesTheAccountAgain() throws Exception {
    String url = PostgresTestDatabase.urlWithSchema("login_marks_" + System.nanoTime());
    DataSource database =
        new DriverManagerDataSource(
            url, PostgresTestDatabase.user(), PostgresTestDatabase.password());
    SamplerFactory worker = new SamplerFactory(properties, network, database);
    KeywordSampler sampler = worker.forRun(1, target, SLOT);
    sandbox.mall().setTime(SLOT);
    sandbox.mall().faults().expireLogin("mx-a", 0);

    // the worker meets mx-a's login wall, then skips its next keyword without a request
    assertThat(sample(sampler, KEYWORDS.get(0), "mx-a").status().code())
        .isEqualTo("login_required");
    long before = sandbox.mall().served(Served.SEARCH_PAGES);
    assertThat(sample(sampler, KEYWORDS.get(1), "mx-a").evidence().marker())
        .isEqualTo("needs-login");
    assertThat(sandbox.mall().served(Served.SEARCH_PAGES)).isEqualTo(before);
    sampler.needsLogin("mx-b", "login state file /nowhere/mx-b.json does not exist");
    List<String> bothMarked = marks(database);
    assertThat(bothMarked)
        .hasSize(2)
        .element(0)
        .asString()
        .matches("1796623200 mx-a login wall at \\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z");
    assertThat(bothMarked.get(1))
        .isEqualTo("1796623200 mx-b login state file /nowhere/mx-b.json does not exist");

    // a login nobody scans saves nothing and keeps the mark
    assertThat(login(url, "2s")).isEqualTo(2);
    assertThat(console.err()).contains("error: no login within 2 s: ");
    assertThat(accounts.resolve("mx-a.json")).doesNotExist();
    assertThat(marks(database)).isEqualTo(bothMarked);
    assertThat(sample(sampler, KEYWORDS.get(1), "mx-a").evidence().marker())
        .isEqualTo("needs-login");
    console.reset();

    // a login scanned: the state is saved, then mx-a's mark (only) is taken back
    ExecutorService thread = Executors.newSingleThreadExecutor();
    Future<Integer> run = thread.submit(() -> login(url, "60s"));
    thread.shutdown();
    String link = console.lineAfter("the code's link: ", run);
    HttpResponse<String> scan =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(link + "&uid=mx-a")).build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(scan.body()).isEqualTo("扫码成功");
    assertThat(run.get(90, TimeUnit.SECONDS)).as(console.err()).isZero();
    assertThat(console.out())
        .as("stderr: %s; marks: %s", console.err(), marks(database))
        .contains(
            "logged in: saved the login state of mx-a (1 cookies) to "
                + accounts.toAbsolutePath().resolve("mx-a.json"))
        .contains(
            "mx-a was marked needs-login in slot 2026-12-07 14:00 (2026-12-07T06:00:00Z):"
                + " taken back, every worker samples it again\n");
    assertThat(marks(database)).containsExactly(bothMarked.get(1));

    // the mall accepts mx-a's new session; the same worker samples it again in the same slot
    sandbox.mall().faults().renewLogin("mx-a");
    long beforeAgain = sandbox.mall().served(Served.SEARCH_PAGES);
    ResultPage again = sample(sampler, KEYWORDS.get(1), "mx-a");
    assertThat(again.status().code()).isEqualTo("ok");
    assertThat(again.listings()).hasSize(20);
    assertThat(sandbox.mall().served(Served.SEARCH_PAGES) - beforeAgain).isEqualTo(1);
    // mx-b is still skipped
    assertThat(sample(sampler, KEYWORDS.get(1), "mx-b").evidence().marker())
        .isEqualTo("needs-login");
    worker.endRun(1);
  }

  /** {@code mallrank accounts login --id mx-a} through the jar's entry point. */
  private int login(String url, String timeout) {
    return Mallrank.run(
        MALLRANK.args(
            "--spring.datasource.url=" + url,
            "--spring.datasource.username=" + PostgresTestDatabase.user(),
            "--spring.datasource.password=" + PostgresTestDatabase.password(),
            "--batch.accounts-dir=" + accounts,
            "--crawler.base-url=" + sandbox.mall().baseUrl(),
            "accounts",
            "login",
            "--id",
            "mx-a",
            "--timeout",
            timeout));
  }

  /** The marks table, one line per mark: slot (epoch second), identity, reason. */
  private static List<String> marks(DataSource database) {
    return new JdbcTemplate(database)
        .queryForList(
            "SELECT slot || ' ' || identity || ' ' || reason FROM "
                + JdbcNeedsLoginMarks.TABLE
                + " ORDER BY identity, slot",
            String.class);
  }

  private ResultPage sample(KeywordSampler sampler, String keyword, String identity) {
    return sampler
        .sample(profile, target.baseUrl(), keyword, identity, cookies.of(identity), 20, SLOT)
        .page();
  }
}
