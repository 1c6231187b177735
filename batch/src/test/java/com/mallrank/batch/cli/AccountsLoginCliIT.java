package com.mallrank.batch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.mallrank.batch.testing.ConsoleCapture;
import com.mallrank.batch.testing.MallrankCli;
import com.mallrank.crawler.qr.QrCodes;
import com.mallrank.crawler.sandbox.SandboxMall;
import com.mallrank.crawler.testing.BrowserFixture;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mallrank accounts login} as a user runs it, headless, against the sandbox's QR login page:
 * the QR code printed in half blocks is read off the terminal and scanned; the state lands
 * owner-only in batch.accounts-dir with the plan line printed. Unscanned, it fails in one line
 * naming the profile file and field, and writes nothing.
 */
class AccountsLoginCliIT {

  @RegisterExtension static final MallrankCli MALLRANK = MallrankCli.withSandboxPlan();

  @TempDir Path root;

  private SandboxMall mall;
  @RegisterExtension final ConsoleCapture console = ConsoleCapture.separate();

  @BeforeEach
  void start() {
    BrowserFixture.assumeChromium();
    mall = SandboxMall.start();
  }

  @AfterEach
  void stop() {
    if (mall != null) {
      mall.close();
    }
  }

  @Test
  void printsAQrCodeThatLogsTheAccountInAndSavesItsStateOwnerOnly() throws Exception {
    Path accounts = root.resolve("accounts");
    // Its own thread: the common pool has one worker on a 2-core machine, and any task another
    // test left blocked there would starve this run.
    ExecutorService thread = Executors.newSingleThreadExecutor();
    Future<Integer> run = thread.submit(() -> mallrank(accounts, "60s"));
    thread.shutdown();

    String art = waitForQr(run);
    String ticketUrl =
        QrCodes.decode(QrCodes.png(QrCodes.readHalfBlocks(art).orElseThrow(), 4)).orElseThrow();
    HttpResponse<String> scan =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(ticketUrl + "&uid=mx-yiwu")).build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(scan.statusCode()).isEqualTo(200);
    int code = run.get(90, TimeUnit.SECONDS);

    String printed = console.out();
    Path state = accounts.resolve("mx-yiwu.json");
    assertThat(code).as(console.err()).isZero();
    assertThat(printed)
        .contains("the code's link: " + ticketUrl + "\n")
        .doesNotContain("sandbox mall (no phone)") // a mall of its own: crawler.base-url is set
        .contains("waiting for the scan: ")
        .contains("logged in: saved the login state of mx-yiwu (1 cookies) to " + state)
        .contains("in the plan, under the account 'mx-yiwu':\n  storage-state: " + state)
        .doesNotContain(SandboxMall.IDENTITY_COOKIE);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(state)))
        .isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(accounts)))
        .isEqualTo("rwx------");
    try (var files = Files.list(accounts)) {
      assertThat(files.map(p -> p.getFileName().toString()).sorted().toList())
          .as("the state, and when it was logged in by hand (for accounts status)")
          .containsExactly("mx-yiwu.json", "mx-yiwu.logged-in-at");
    }

    int before = console.out().length();
    assertThat(MALLRANK.exit("--batch.accounts-dir=" + accounts, "accounts", "status")).isZero();
    assertThat(console.out().substring(before).lines().filter(l -> l.startsWith("mx-yiwu ")))
        .singleElement()
        .asString()
        .contains("re-logged in at ", state.toString());
  }

  /**
   * Issue 21 item 5: on the in-process sandbox mall (no crawler.base-url), the command prints what
   * to open to complete the scan, since there is no phone; opening exactly that logs the account
   * in. The QR code's link opened as is shows the accounts to pick, not "二维码已失效".
   */
  @Test
  void onTheSandboxMallItPrintsWhatToOpenToCompleteTheScan() throws Exception {
    Path accounts = root.resolve("accounts");
    ExecutorService thread = Executors.newSingleThreadExecutor();
    Future<Integer> run =
        thread.submit(
            () ->
                MALLRANK.exit(
                    "--batch.accounts-dir=" + accounts,
                    "accounts",
                    "login",
                    "--id",
                    "mx-yiwu",
                    "--timeout",
                    "60s"));
    thread.shutdown();

    waitForQr(run);
    String link = console.lineAfter("the code's link: ", run);
    String open = console.lineAfter("sandbox mall (no phone): to scan it as mx-yiwu, open ", run);
    assertThat(open)
        .isEqualTo(link + "&uid=mx-yiwu while this waits, e.g. curl '" + link + "&uid=mx-yiwu'");
    HttpClient http = HttpClient.newHttpClient();
    HttpResponse<String> asIs =
        http.send(
            HttpRequest.newBuilder(URI.create(link)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(asIs.statusCode()).isEqualTo(200);
    assertThat(asIs.body()).contains("以哪个账号扫码登录", "&amp;uid=mx-yiwu").doesNotContain("二维码已失效");
    HttpResponse<String> scan =
        http.send(
            HttpRequest.newBuilder(URI.create(link + "&uid=mx-yiwu")).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(scan.body()).isEqualTo("扫码成功");

    assertThat(run.get(90, TimeUnit.SECONDS)).as(console.err()).isZero();
    assertThat(console.out())
        .contains(
            "logged in: saved the login state of mx-yiwu (1 cookies) to "
                + accounts.resolve("mx-yiwu.json"));
    assertThat(console.out() + console.err()).contains("sandbox mall serving at http://127.0.0.1:");
  }

  /**
   * A profile on a site of its own (douyin-buyin: no {@code {base}} in its URLs) logs in there, as
   * the sample job samples it ({@code Targets.target(profile)}): with crawler.base-url blank the
   * sandbox mall is not started for it. Here its login page is a private address its guard refuses,
   * so nothing leaves the machine.
   */
  @Test
  void aProfileOnASiteOfItsOwnStartsNoSandboxMall() {
    Path accounts = root.resolve("accounts");

    int code =
        MALLRANK.exit(
            "--batch.accounts-dir=" + accounts,
            "accounts",
            "login",
            "--profile",
            "douyin-buyin",
            "--url",
            "http://127.0.0.1:9/mpa/account/login",
            "--id",
            "mx-yiwu",
            "--timeout",
            "2s");

    assertThat(code).isEqualTo(2);
    assertThat(console.err())
        .contains(
            "error: the login page is refused: refused http://127.0.0.1:9/mpa/account/login: host"
                + " 127.0.0.1 is not on the allow-list [HOST_NOT_ALLOWED]\n");
    assertThat(console.out() + console.err()).doesNotContain("sandbox mall serving at");
    assertThat(accounts.resolve("mx-yiwu.json")).doesNotExist();
  }

  @Test
  void aLoginNobodyScansFailsInOneLineAndWritesNothing() {
    Path accounts = root.resolve("accounts");

    int code = mallrank(accounts, "2s");

    assertThat(code).isEqualTo(2);
    assertThat(console.err())
        .contains(
            "error: no login within 2 s: classpath:mallrank/profiles/sandbox-static.yml:"
                + " login.logged-in '#user-info' never appeared; nothing saved to "
                + accounts.resolve("mx-yiwu.json"));
    assertThat(accounts.resolve("mx-yiwu.json")).doesNotExist();
    assertThat(accounts.resolve("mx-yiwu.login-qr.png")).doesNotExist();
  }

  private int mallrank(Path accounts, String timeout) {
    return MALLRANK.exit(
        "--batch.accounts-dir=" + accounts,
        "--crawler.base-url=" + mall.baseUrl(),
        "accounts",
        "login",
        "--id",
        "mx-yiwu",
        "--timeout",
        timeout);
  }

  /** The half-block lines between the scan prompt and the first countdown line. */
  private String waitForQr(Future<Integer> run) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    while (System.nanoTime() < deadline) {
      if (run.isDone()) {
        throw new AssertionError(
            "the login ended before a QR code was printed (exit "
                + run.get()
                + "): "
                + console.out()
                + console.err());
      }
      List<String> lines = console.out().lines().toList();
      int start = -1;
      for (int i = 0; i < lines.size(); i++) {
        if (lines.get(i).startsWith("scan this QR code with the Douyin app of mx-yiwu")) {
          start = i + 1;
        } else if (start >= 0
            && (lines.get(i).startsWith("the code's link: ")
                || lines.get(i).startsWith("waiting for the scan"))) {
          return String.join("\n", lines.subList(start, i));
        }
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no QR code printed in 90 s: " + console.out() + console.err());
  }
}
