package com.mallrank.batch.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.mallrank.batch.Mallrank;
import com.mallrank.batch.config.CrawlerProperties;
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
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
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
 * A {@code needs-login} mark is seen by every worker sampling the slot (issue 20 item 5): two
 * {@link SamplerFactory}s, as two worker processes of a remote-partitioned slot have, each on its
 * own connections to the same JobRepository database (an H2 file, and the real PostgreSQL). The
 * first meets the sandbox mall's login wall for mx-a; the second then skips mx-a's keywords of that
 * slot without a request, while mx-b is fetched; the next slot is not affected. Before, the mark
 * lived in the first process's memory and the second fetched mx-a's login wall again for every
 * keyword.
 *
 * <p>And {@code mallrank accounts login}, run as the launcher runs it (the lean context, no Spring
 * Boot auto-configuration), takes the account's mark back once the new login state is saved: the
 * worker that skipped the account samples it again in the same slot; another account's mark stays,
 * and a login nobody scans keeps the mark. Before, the mark stayed until the slot ended: the
 * command did not touch it, and a worker that had read it once kept it in memory.
 */
class SharedNeedsLoginIT {

  @RegisterExtension static final MallrankCli MALLRANK = MallrankCli.withSandboxPlan();
  @RegisterExtension final ConsoleCapture console = ConsoleCapture.separate();

  private static final Instant SLOT = Instant.parse("2026-12-07T06:00:00Z");
  private static final Instant NEXT = SLOT.plusSeconds(3600);
  private static final List<String> KEYWORDS = List.of("加厚羽绒服女长款", "白鸭绒羽绒服女短款", "羽绒服女小个子");

  @TempDir Path dir;
  private SandboxRuntime sandbox;
  private BrowserRuntime network;
  private CrawlerProperties properties;
  private AccountCookies cookies;
  private Target target;
  private SiteProfile profile;

  @BeforeEach
  void start() throws Exception {
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
    properties = SandboxCrawler.properties();
    sandbox = SandboxCrawler.sandbox();
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
    PlanNetwork wired = PlanNetwork.of(properties, plan, dir);
    network = wired.network();
    target = new Targets(properties, Optional.of(sandbox)).target();
    // the folder accounts login saves to: a state there is the one sampled with, once it is there
    cookies = new AccountCookies(wired.plans().plan(), target, new LoginStates(dir));
    profile = new SiteProfileRegistry(properties).get("sandbox-static");
  }

  @AfterEach
  void stop() {
    network.destroy();
    sandbox.destroy();
  }

  @Test
  void aSecondWorkerOnTheSameH2FileSkipsTheAccountAnotherFoundLoggedOut() {
    String url = "jdbc:h2:file:" + dir.resolve("jobrepo/mallrank") + ";AUTO_SERVER=TRUE";
    assertSharedAcrossWorkers(
        new DriverManagerDataSource(url, "sa", ""), new DriverManagerDataSource(url, "sa", ""));
  }

  @Test
  void aSecondWorkerOnTheSamePostgresSkipsTheAccountAnotherFoundLoggedOut() {
    PostgresTestDatabase.assumeAvailable();
    String url = PostgresTestDatabase.urlWithSchema("needs_login_" + System.nanoTime());
    assertSharedAcrossWorkers(postgres(url), postgres(url));
  }

  private void assertSharedAcrossWorkers(DataSource first, DataSource second) {
    SamplerFactory workerOne = new SamplerFactory(properties, network, first);
    SamplerFactory workerTwo = new SamplerFactory(properties, network, second);
    sandbox.mall().setTime(SLOT);
    sandbox.mall().faults().expireLogin("mx-a", 0);
    long before = sandbox.mall().served(Served.SEARCH_PAGES);

    // worker one meets mx-a's login wall on its first keyword
    ResultPage wall = sample(workerOne.forRun(1, target, SLOT), KEYWORDS.get(0), "mx-a", SLOT);
    assertThat(wall.status().code()).isEqualTo("login_required");
    assertThat(sandbox.mall().served(Served.SEARCH_PAGES) - before).isEqualTo(1);

    // worker two, sampling the same slot, skips mx-a without a request; mx-b is fetched
    KeywordSampler two = workerTwo.forRun(2, target, SLOT);
    List<ResultPage> pages =
        List.of(
            sample(two, KEYWORDS.get(1), "mx-a", SLOT),
            sample(two, KEYWORDS.get(2), "mx-a", SLOT),
            sample(two, KEYWORDS.get(1), "mx-b", SLOT));
    assertThat(pages.stream().map(p -> p.status().code() + "/" + p.evidence().marker()))
        .containsExactly("skipped/needs-login", "skipped/needs-login", "ok/null");
    assertThat(pages.get(0).evidence().detail())
        .matches(
            "not sampled: mx-a needs a new login \\(login wall at \\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z\\)");
    assertThat(pages.get(1).evidence().detail()).isEqualTo(pages.get(0).evidence().detail());
    assertThat(pages.get(2).listings()).hasSize(20);
    assertThat(sandbox.mall().served(Served.SEARCH_PAGES) - before)
        .as("1 login wall + 1 mx-b: the skipped keywords are not fetched")
        .isEqualTo(2);

    // the first mark is kept, whichever worker marks again
    two.needsLogin("mx-a", "login state file /nowhere/mx-a.json does not exist");
    assertThat(sample(two, KEYWORDS.get(0), "mx-a", SLOT).evidence().detail())
        .isEqualTo(pages.get(0).evidence().detail());
    assertThat(
            new JdbcTemplate(first)
                .queryForList(
                    "SELECT identity FROM " + JdbcNeedsLoginMarks.TABLE + " ORDER BY slot",
                    String.class))
        .containsExactly("mx-a");

    // a new slot is not affected: after a new login, mx-a is fetched and ok there
    sandbox.mall().faults().renewLogin("mx-a");
    sandbox.mall().setTime(NEXT);
    long beforeNext = sandbox.mall().served(Served.SEARCH_PAGES);
    ResultPage next = sample(workerTwo.forRun(3, target, NEXT), KEYWORDS.get(0), "mx-a", NEXT);
    assertThat(next.status().code()).isEqualTo("ok");
    assertThat(next.listings()).hasSize(20);
    assertThat(sandbox.mall().served(Served.SEARCH_PAGES) - beforeNext).isEqualTo(1);
    // while the marked slot stays marked on the first worker too
    assertThat(
            sample(workerOne.forRun(1, target, SLOT), KEYWORDS.get(1), "mx-a", SLOT)
                .evidence()
                .marker())
        .isEqualTo("needs-login");
    assertThat(sandbox.mall().served(Served.SEARCH_PAGES) - beforeNext).isEqualTo(1);
    workerOne.endRun(1);
    workerTwo.endRun(2);
    workerTwo.endRun(3);
  }

  @Test
  void aLoginTakesBackTheSlotsMarkAndTheWorkerSamplesTheAccountAgain() throws Exception {
    BrowserFixture.assumeChromium();
    PostgresTestDatabase.assumeAvailable();
    String url = PostgresTestDatabase.urlWithSchema("login_marks_" + System.nanoTime());
    DataSource database = postgres(url);
    SamplerFactory worker = new SamplerFactory(properties, network, database);
    KeywordSampler sampler = worker.forRun(1, target, SLOT);
    sandbox.mall().setTime(SLOT);
    sandbox.mall().faults().expireLogin("mx-a", 0);

    // the worker meets mx-a's login wall, then skips its next keyword without a request
    assertThat(sample(sampler, KEYWORDS.get(0), "mx-a", SLOT).status().code())
        .isEqualTo("login_required");
    long before = sandbox.mall().served(Served.SEARCH_PAGES);
    assertThat(sample(sampler, KEYWORDS.get(1), "mx-a", SLOT).evidence().marker())
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
    assertThat(dir.resolve("mx-a.json")).doesNotExist();
    assertThat(marks(database)).isEqualTo(bothMarked);
    assertThat(sample(sampler, KEYWORDS.get(1), "mx-a", SLOT).evidence().marker())
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
                + dir.toAbsolutePath().resolve("mx-a.json"))
        .contains(
            "mx-a was marked needs-login in slot 2026-12-07 14:00 (2026-12-07T06:00:00Z):"
                + " taken back, every worker samples it again\n");
    assertThat(marks(database)).containsExactly(bothMarked.get(1));

    // the mall accepts mx-a's new session; the same worker samples it again in the same slot
    sandbox.mall().faults().renewLogin("mx-a");
    long beforeAgain = sandbox.mall().served(Served.SEARCH_PAGES);
    ResultPage again = sample(sampler, KEYWORDS.get(1), "mx-a", SLOT);
    assertThat(again.status().code()).isEqualTo("ok");
    assertThat(again.listings()).hasSize(20);
    assertThat(sandbox.mall().served(Served.SEARCH_PAGES) - beforeAgain).isEqualTo(1);
    // mx-b is still skipped
    assertThat(sample(sampler, KEYWORDS.get(1), "mx-b", SLOT).evidence().marker())
        .isEqualTo("needs-login");
    worker.endRun(1);
  }

  /**
   * {@code accounts import} takes the account's marks back as {@code accounts login} does, once the
   * state is saved; an import that saves nothing keeps them.
   */
  @Test
  void anImportTakesBackTheAccountsMarksAndAFailedOneKeepsThem() throws Exception {
    PostgresTestDatabase.assumeAvailable();
    String url = PostgresTestDatabase.urlWithSchema("import_marks_" + System.nanoTime());
    DataSource database = postgres(url);
    SamplerFactory worker = new SamplerFactory(properties, network, database);
    KeywordSampler sampler = worker.forRun(1, target, SLOT);
    sampler.needsLogin("mx-a", "login state file /nowhere/mx-a.json does not exist");
    sampler.needsLogin("mx-b", "login state file /nowhere/mx-b.json does not exist");
    List<String> bothMarked =
        List.of(
            "1796623200 mx-a login state file /nowhere/mx-a.json does not exist",
            "1796623200 mx-b login state file /nowhere/mx-b.json does not exist");
    assertThat(marks(database)).isEqualTo(bothMarked);
    Path state = dir.resolve("state.json");
    Files.writeString(
        state,
        """
        {"cookies": [{"name": "sandbox_uid", "value": "mx-a", "domain": "127.0.0.1", "path": "/"}]}
        """);

    // a file that is no storage state: nothing saved, the marks stay
    Path notAState = dir.resolve("saved.html");
    Files.writeString(notAState, "<html><body>登录</body></html>");
    assertThat(importState(url, dir, notAState)).isEqualTo(2);
    assertThat(console.err()).contains("error: " + notAState + " is not a storage-state JSON file");
    // an accounts folder that cannot be made (a file is where it goes): the marks stay
    Path blocked = dir.resolve("blocked");
    Files.writeString(blocked, "");
    assertThat(importState(url, blocked, state)).isEqualTo(2);
    assertThat(dir.resolve("mx-a.json")).doesNotExist();
    assertThat(marks(database)).isEqualTo(bothMarked);
    console.reset();

    // a state imported: saved, then mx-a's mark (only) is taken back
    assertThat(importState(url, dir, state)).as(console.err()).isZero();
    Path saved = dir.toAbsolutePath().resolve("mx-a.json");
    assertThat(console.out())
        .isEqualTo(
            "saved the login state of mx-a (1 cookies) to "
                + saved
                + ", owner-only\n"
                + "in the plan, under the account 'mx-a':\n  storage-state: "
                + saved
                + "\n"
                + "mx-a was marked needs-login in slot 2026-12-07 14:00 (2026-12-07T06:00:00Z):"
                + " taken back, every worker samples it again\n");
    assertThat(marks(database)).containsExactly(bothMarked.get(1));
    worker.endRun(1);
  }

  /**
   * {@code mallrank accounts import --id mx-a --storage-state state} through the jar's entry point.
   */
  private int importState(String url, Path accounts, Path state) {
    return accounts(
        url, accounts, "accounts", "import", "--id", "mx-a", "--storage-state", state.toString());
  }

  /** {@code mallrank accounts login --id mx-a} through the jar's entry point. */
  private int login(String url, String timeout) {
    return accounts(
        url,
        dir,
        "--crawler.base-url=" + sandbox.mall().baseUrl(),
        "accounts",
        "login",
        "--id",
        "mx-a",
        "--timeout",
        timeout);
  }

  /**
   * {@code mallrank} through the jar's entry point, its JobRepository the PostgreSQL database at
   * {@code url}, its accounts in {@code accounts}.
   */
  private static int accounts(String url, Path accounts, String... command) {
    List<String> args = new java.util.ArrayList<>();
    args.addAll(
        List.of(
            "--spring.datasource.url=" + url,
            "--spring.datasource.username=" + PostgresTestDatabase.user(),
            "--spring.datasource.password=" + PostgresTestDatabase.password(),
            "--batch.accounts-dir=" + accounts));
    args.addAll(List.of(command));
    return Mallrank.run(MALLRANK.args(args.toArray(String[]::new)));
  }

  private static DataSource postgres(String url) {
    return new DriverManagerDataSource(
        url, PostgresTestDatabase.user(), PostgresTestDatabase.password());
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

  private ResultPage sample(KeywordSampler sampler, String keyword, String identity, Instant slot) {
    return sampler
        .sample(profile, target.baseUrl(), keyword, identity, cookies.of(identity), 20, slot)
        .page();
  }
}
