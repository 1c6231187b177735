package com.mallrank.crawler.fetch.browser;

import static org.assertj.core.api.Assertions.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;

import com.mallrank.crawler.fetch.FetchResponse;
import com.mallrank.crawler.net.CountingConnector;
import com.mallrank.crawler.net.HttpClients;
import com.mallrank.crawler.net.ProxyRoutes;
import com.mallrank.crawler.net.RecordingProxy;
import com.mallrank.crawler.net.UpstreamProxy;
import com.mallrank.crawler.profile.LoginRule;
import com.mallrank.crawler.profile.SiteProfile;
import com.mallrank.crawler.profile.SiteProfiles;
import com.mallrank.crawler.qr.QrCodes;
import com.mallrank.crawler.sandbox.SandboxCard;
import com.mallrank.crawler.testing.ApplicationDefaults;
import com.mallrank.crawler.testing.BrowserFixture;
import com.mallrank.crawler.testing.SharedChromium;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Login by QR code (issue 10 item 1) in the real Chromium against the sandbox's QR login page: the
 * QR code shown in half blocks is read back, "scanned" by calling the sandbox as a phone would, and
 * the saved state (0600, nothing else left in the folder) then searches as that account: its own
 * Top-20. A login nobody scans times out naming the profile file and field; nothing is written.
 */
class QrLoginIT {

  private static final String HANGZHOU = "mx-hangzhou";
  private static final Pattern PRODUCT = Pattern.compile("data-product-id=\"([0-9]+)\"");

  private static SiteProfile profile;

  /** A display nobody reads (the login is left to time out). */
  private static final QrLogin.Display SILENT =
      new QrLogin.Display() {
        @Override
        public void qr(String halfBlocks, String link, Path png) {}

        @Override
        public void countdown(long secondsLeft) {}
      };

  @RegisterExtension
  static final BrowserFixture BROWSER = BrowserFixture.sandboxMallAt(BrowserIT.TIME);

  @BeforeAll
  static void start() {
    profile = SiteProfiles.builtIn("sandbox-static");
  }

  @Test
  void theScannedLoginIsSavedOwnerOnlyAndSearchesAsThatAccount(@TempDir Path root)
      throws Exception {
    Path dir = ownerOnly(root.resolve("accounts"));
    Path state = dir.resolve(HANGZHOU + ".json");
    CompletableFuture<String> shown = new CompletableFuture<>();
    List<Long> countdown = new CopyOnWriteArrayList<>();
    CompletableFuture<Integer> login =
        CompletableFuture.supplyAsync(
            () ->
                QrLogin.run(
                    request(state, Duration.ofSeconds(60)),
                    new QrLogin.Display() {
                      @Override
                      public void qr(String halfBlocks, String link, Path png) {
                        assertThat(png).exists();
                        assertThat(link)
                            .startsWith(BROWSER.mall().baseUrl() + "/login/scan?ticket=");
                        shown.complete(halfBlocks);
                      }

                      @Override
                      public void countdown(long secondsLeft) {
                        countdown.add(secondsLeft);
                      }
                    }));

    String art = shown.get(60, TimeUnit.SECONDS);
    String ticketUrl =
        QrCodes.decode(QrCodes.png(QrCodes.readHalfBlocks(art).orElseThrow(), 4)).orElseThrow();
    assertThat(ticketUrl).startsWith(BROWSER.mall().baseUrl() + "/login/scan?ticket=");
    assertThat(Files.exists(state)).as("nothing saved before the scan").isFalse();
    assertThat(scan(ticketUrl).statusCode()).isEqualTo(200);

    int cookies = login.get(60, TimeUnit.SECONDS);

    assertThat(cookies).isEqualTo(1);
    assertThat(countdown).isNotEmpty().allMatch(s -> s <= 60);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(state)))
        .isEqualTo("rw-------");
    assertThat(names(dir))
        .as("no QR PNG or temporary file left")
        .containsExactly(HANGZHOU + ".json");
    try (PlaywrightFetcher fetcher =
        ApplicationDefaults.playwright(
                BrowserIT.settings(), BrowserIT.domOptions(), StorageStates.inDirectory(dir))
            .withBrowserSource(SharedChromium.source())) {
      FetchResponse page =
          fetcher.fetch(BrowserIT.request(BROWSER.mall().searchUrl(BrowserIT.KEYWORD), HANGZHOU));
      List<String> top20 = productIds(page.body()).subList(0, 20);
      assertThat(top20)
          .isEqualTo(ids(BrowserIT.truth(BROWSER.mall(), BrowserIT.KEYWORD, HANGZHOU, 20)));
      assertThat(top20)
          .as("its own Top-20, not the anonymous one")
          .isNotEqualTo(ids(BrowserIT.truth(BROWSER.mall(), BrowserIT.KEYWORD, null, 20)));
    }
  }

  /**
   * A login whose last step is a redirect (the sandbox's {@code /login?via=redirect}: after the
   * scan the page goes to {@code /login/next}, which answers 302 to {@code /}, where {@code
   * #user-info} shows): the route answers the 302 with an empty page, and the login follows the hop
   * itself. (Before, it waited on the empty page until the timeout.)
   */
  @Test
  void aLoginWhoseLastStepIsARedirectFollowsItAndIsSaved(@TempDir Path root) throws Exception {
    Path dir = ownerOnly(root.resolve("accounts"));
    Path state = dir.resolve(HANGZHOU + ".json");
    CompletableFuture<String> linked = new CompletableFuture<>();
    URI page = URI.create(BROWSER.mall().baseUrl() + "/login?via=redirect");
    CompletableFuture<Integer> login =
        CompletableFuture.supplyAsync(
            () ->
                QrLogin.run(
                    request(page, profile, state, Duration.ofSeconds(20), HttpClients.direct()),
                    links(linked::complete)));
    String ticketUrl = linked.get(60, TimeUnit.SECONDS);
    assertThat(ticketUrl).startsWith(BROWSER.mall().baseUrl() + "/login/scan?ticket=");
    assertThat(scan(ticketUrl).statusCode()).isEqualTo(200);

    assertThat(login.get(60, TimeUnit.SECONDS)).isEqualTo(1);
    assertThat(Files.readString(state))
        .contains("\"name\":\"sandbox_uid\"", "\"value\":\"" + HANGZHOU + "\"");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(state)))
        .isEqualTo("rw-------");
    assertThat(names(dir)).containsExactly(HANGZHOU + ".json");
  }

  @Test
  void aLoginPageWithAUrlOfItsOwnIsDoneWhenThePageLeavesIt(@TempDir Path root) throws Exception {
    // The 百应 stand-in (sandbox-selection): logged in once the URL leaves /account/login (§8).
    SiteProfile selection = SiteProfiles.builtIn("sandbox-selection");
    Path dir = ownerOnly(root.resolve("accounts"));
    Path state = dir.resolve(HANGZHOU + ".json");
    CompletableFuture<String> shown = new CompletableFuture<>();
    CompletableFuture<String> linked = new CompletableFuture<>();
    CompletableFuture<Integer> login =
        CompletableFuture.supplyAsync(
            () ->
                QrLogin.run(
                    request(selection, state, Duration.ofSeconds(60)),
                    new QrLogin.Display() {
                      @Override
                      public void qr(String halfBlocks, String link, Path png) {
                        linked.complete(link);
                        shown.complete(halfBlocks);
                      }

                      @Override
                      public void countdown(long secondsLeft) {}
                    }));
    String ticketUrl =
        QrCodes.decode(
                QrCodes.png(
                    QrCodes.readHalfBlocks(shown.get(60, TimeUnit.SECONDS)).orElseThrow(), 4))
            .orElseThrow();
    assertThat(linked.get(60, TimeUnit.SECONDS))
        .as("the link shown beside the code is what the code says")
        .isEqualTo(ticketUrl)
        .startsWith(BROWSER.mall().baseUrl() + "/login/scan?ticket=");
    scan(ticketUrl);

    assertThat(login.get(60, TimeUnit.SECONDS)).isEqualTo(1);
    assertThat(Files.readString(state)).contains("\"name\":\"sandbox_uid\"");
    assertThat(names(dir)).containsExactly(HANGZHOU + ".json");
  }

  @Test
  void aUrlLoginNobodyScansTimesOutNamingTheField(@TempDir Path root) throws Exception {
    SiteProfile selection = SiteProfiles.builtIn("sandbox-selection");
    Path state = ownerOnly(root.resolve("accounts")).resolve(HANGZHOU + ".json");

    assertThatThrownBy(() -> QrLogin.run(request(selection, state, Duration.ofSeconds(2)), SILENT))
        .isInstanceOf(QrLogin.LoginFailedException.class)
        .hasMessage(
            "no login within 2 s: classpath:mallrank/profiles/sandbox-selection.yml: the page URL"
                + " never left login.logged-in-when-url-leaves '/account/login'; nothing saved to "
                + state);
    assertThat(state).doesNotExist();
  }

  @Test
  void aLoginNobodyScansTimesOutNamingFileAndFieldAndWritesNothing(@TempDir Path root)
      throws Exception {
    Path dir = ownerOnly(root.resolve("accounts"));
    Path state = dir.resolve(HANGZHOU + ".json");
    Files.writeString(state, "{\"cookies\":[],\"origins\":[]}");
    Files.setPosixFilePermissions(state, PosixFilePermissions.fromString("rw-------"));

    assertThatThrownBy(() -> QrLogin.run(request(state, Duration.ofSeconds(2)), SILENT))
        .isInstanceOf(QrLogin.LoginFailedException.class)
        .hasMessage(
            "no login within 2 s: classpath:mallrank/profiles/sandbox-static.yml: login.logged-in"
                + " '#user-info' never appeared; nothing saved to "
                + state);
    assertThat(Files.readString(state)).isEqualTo("{\"cookies\":[],\"origins\":[]}");
    assertThat(names(dir)).containsExactly(HANGZHOU + ".json");
  }

  private static QrLogin.Request request(Path state, Duration timeout) {
    return request(profile, state, timeout);
  }

  private static QrLogin.Request request(SiteProfile profile, Path state, Duration timeout) {
    return request(profile, state, timeout, HttpClients.direct());
  }

  private static QrLogin.Request request(
      SiteProfile profile, Path state, Duration timeout, HttpClients clients) {
    return request(profile.login().url(BROWSER.mall().baseUrl()), profile, state, timeout, clients);
  }

  private static QrLogin.Request request(
      URI page, SiteProfile profile, Path state, Duration timeout, HttpClients clients) {
    LoginRule login = profile.login();
    return new QrLogin.Request(
        page,
        login.qr(),
        login.loggedIn(),
        login.loggedOut(),
        login.urlLeaves(),
        profile.source(),
        state,
        state.resolveSibling(HANGZHOU + ".login-qr.png"),
        timeout,
        Duration.ofSeconds(1),
        false,
        ApplicationDefaults.browser().executable(),
        profile.search().guard(),
        new QrLogin.Network(
            clients,
            HANGZHOU,
            ApplicationDefaults.jsoup().maxRedirects(),
            ApplicationDefaults.bytes("crawler.max-page-size")));
  }

  /**
   * The login page is fetched as the account's pages are: through its proxy, every request of it
   * (the page and its polling), nothing on the direct network. (Before, Chromium fetched the login
   * page itself: no proxy, no guard when it connected.)
   */
  @Test
  void theLoginPageGoesThroughTheAccountsProxy(@TempDir Path root) throws Exception {
    Path dir = ownerOnly(root.resolve("accounts"));
    Path state = dir.resolve(HANGZHOU + ".json");
    CountingConnector direct = new CountingConnector();
    try (RecordingProxy proxy = RecordingProxy.start();
        HttpClients clients =
            new HttpClients(
                direct, ProxyRoutes.of(Map.of(HANGZHOU, UpstreamProxy.parse(proxy.url()))))) {
      assertThatThrownBy(
              () -> QrLogin.run(request(profile, state, Duration.ofSeconds(2), clients), SILENT))
          .isInstanceOf(QrLogin.LoginFailedException.class)
          .hasMessageStartingWith("no login within 2 s");

      String mall = URI.create(BROWSER.mall().baseUrl()).getAuthority();
      List<RecordingProxy.Entry> log = proxy.log();
      assertThat(log).extracting(RecordingProxy.Entry::target).containsOnly(mall);
      assertThat(log.get(0).request()).isEqualTo("GET /login");
      assertThat(log)
          .extracting(RecordingProxy.Entry::request)
          .as("the page's polling too")
          .anyMatch(r -> r.startsWith("GET /login/poll"));
      assertThat(direct.count()).as("connections on the direct network").isZero();
    }
    assertThat(names(dir)).as("nothing saved").isEmpty();
  }

  /**
   * A login page behind a redirect (the 百应 stand-in's page sends a logged-out visitor to its login
   * page): the route answers the redirect, and the login follows it as a navigation of its own
   * (checked against the allow-list), then reads the QR code there.
   */
  @Test
  void aLoginPageBehindARedirectIsFollowed(@TempDir Path root) throws Exception {
    SiteProfile selection = SiteProfiles.builtIn("sandbox-selection");
    Path state = ownerOnly(root.resolve("accounts")).resolve(HANGZHOU + ".json");
    List<String> links = new CopyOnWriteArrayList<>();
    QrLogin.Display display = links(links::add);
    URI page = URI.create(BROWSER.mall().baseUrl() + "/selection");

    assertThatThrownBy(
            () ->
                QrLogin.run(
                    request(page, selection, state, Duration.ofSeconds(2), HttpClients.direct()),
                    display))
        .isInstanceOf(QrLogin.LoginFailedException.class)
        .hasMessageStartingWith("no login within 2 s");
    assertThat(links)
        .singleElement(as(STRING))
        .startsWith(BROWSER.mall().baseUrl() + "/login/scan?ticket=");
    assertThat(state).doesNotExist();
  }

  /** A display that hands on the link each code says, and shows nothing else. */
  private static QrLogin.Display links(Consumer<String> onLink) {
    return new QrLogin.Display() {
      @Override
      public void qr(String halfBlocks, String link, Path png) {
        onLink.accept(link);
      }

      @Override
      public void countdown(long secondsLeft) {}
    };
  }

  /** "Scans" the code's link as {@value #HANGZHOU}, as the phone would. */
  private static HttpResponse<String> scan(String ticketUrl)
      throws IOException, InterruptedException {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(ticketUrl + "&uid=" + HANGZHOU)).build(),
            HttpResponse.BodyHandlers.ofString());
  }

  private static Path ownerOnly(Path dir) throws IOException {
    Files.createDirectories(dir);
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
    return dir;
  }

  private static List<String> names(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).toList();
    }
  }

  private static List<String> productIds(String html) {
    List<String> ids = new ArrayList<>();
    Matcher m = PRODUCT.matcher(html);
    while (m.find()) {
      ids.add(m.group(1));
    }
    return ids;
  }

  private static List<String> ids(List<SandboxCard> cards) {
    return cards.stream().map(SandboxCard::productId).toList();
  }
}
