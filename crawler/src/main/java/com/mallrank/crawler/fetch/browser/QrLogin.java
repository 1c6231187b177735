package com.mallrank.crawler.fetch.browser;

import com.mallrank.crawler.fetch.StorageState;
import com.mallrank.crawler.net.HttpClients;
import com.mallrank.crawler.politeness.AddressGuard;
import com.mallrank.crawler.politeness.AddressRefusedException;
import com.mallrank.crawler.qr.QrCodes;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.PlaywrightException;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Logs a matrix account in by QR code (扫码登录) in Chromium and keeps its login state: opens the login
 * page, decodes the page's QR code from a screenshot of its element, shows it (half blocks and a
 * PNG) through a {@link Display}, waits — bounded, counting down — until the logged-in marker
 * appears (or, for a site whose login page has a URL of its own, until the page URL leaves it, as
 * 百应's does), then saves the storage state owner-only and atomically ({@link
 * LoginStateSaver#write}). On a timeout or any failure nothing is saved and an existing state file
 * is left as it was. Cookies and tokens are never printed or logged; only their count is returned.
 *
 * <p>Every request of the page is checked by the address guard: the login page (and each hop of its
 * redirects) against the profile's allow-list, the resources it pulls in against private addresses
 * ({@link AddressGuard#anyHost()}), so a login page cannot steer the browser into the local
 * network. And every request is fetched as the account's pages are ({@link RequestGuard}, {@link
 * RouteFetch}): on the account's own client ({@link Network}), through its proxy, the guard
 * deciding every address when it connects.
 */
public final class QrLogin {

  /** How long the QR code may take to appear and decode. */
  private static final Duration QR_WAIT = Duration.ofSeconds(30);

  private static final long POLL_MILLIS = 250;

  /** Where the QR code and the countdown go (the terminal). */
  public interface Display {
    /**
     * The QR code to scan.
     *
     * @param halfBlocks the code drawn with Unicode half blocks, one line per two module rows
     * @param link what the code says (the link a phone opens when it scans it): shown like the code
     *     itself, never logged
     * @param png where the code was also saved as a PNG
     */
    void qr(String halfBlocks, String link, Path png);

    /** Called about every {@code countdownStep} while waiting. */
    void countdown(long secondsLeft);
  }

  /**
   * What to do.
   *
   * @param loginUrl the login page
   * @param qr CSS selector of the QR code's element
   * @param loggedIn CSS selector present once logged in; {@code null} with {@code urlLeaves}
   * @param loggedOut CSS selector present on the login page while logged out; {@code null} with
   *     {@code urlLeaves}
   * @param urlLeaves instead of the selectors: logged out while the page URL contains it, logged in
   *     once an http(s) page URL no longer does; {@code null}: the selectors decide
   * @param markerSource where the selectors come from, for errors (the profile file)
   * @param stateFile where to save the login state (its folder must exist, owner-only)
   * @param qrPng where to save the QR code as a PNG (deleted when done)
   * @param timeout how long to wait for the scan
   * @param countdownStep how often to call {@link Display#countdown}
   * @param headed show the browser window
   * @param executable the Chromium to drive
   * @param guard the profile's address guard
   * @param network the account's way out
   */
  public record Request(
      URI loginUrl,
      String qr,
      String loggedIn,
      String loggedOut,
      String urlLeaves,
      String markerSource,
      Path stateFile,
      Path qrPng,
      Duration timeout,
      Duration countdownStep,
      boolean headed,
      Path executable,
      AddressGuard guard,
      Network network) {

    public Request {
      Objects.requireNonNull(loginUrl, "loginUrl");
      Objects.requireNonNull(network, "network");
      Objects.requireNonNull(stateFile, "stateFile");
      Objects.requireNonNull(qrPng, "qrPng");
      if (urlLeaves == null && (loggedIn == null || loggedOut == null)) {
        throw new IllegalArgumentException("a login needs the two selectors or urlLeaves");
      }
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("the login timeout must be positive: " + timeout);
      }
    }
  }

  /**
   * The account's way out, as for its pages: its client on its own proxy.
   *
   * @param clients each identity's client ({@link HttpClients#client})
   * @param identity the account logging in, whose proxy its requests take
   * @param maxRedirects the most redirects the login page, or one of its requests, may take
   * @param maxPageBytes the largest answer read
   */
  public record Network(HttpClients clients, String identity, int maxRedirects, long maxPageBytes) {

    public Network {
      Objects.requireNonNull(clients, "clients");
      Objects.requireNonNull(identity, "identity");
    }
  }

  /** A login that did not complete; nothing was saved. The message names the file and field. */
  public static final class LoginFailedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public LoginFailedException(String message) {
      super(message);
    }
  }

  private QrLogin() {}

  /**
   * Runs the login.
   *
   * @return how many cookies the saved state holds
   * @throws LoginFailedException on a timeout, a refused URL, a page without the markers or QR
   */
  public static int run(Request request, Display display) {
    try {
      request.guard().check(request.loginUrl());
    } catch (AddressRefusedException e) {
      throw new LoginFailedException("the login page is refused: " + e.getMessage());
    }
    AddressGuard resources = request.guard().anyHost();
    try (Playwright playwright =
        Playwright.create(
            new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")))) {
      Browser browser =
          playwright
              .chromium()
              .launch(
                  new BrowserType.LaunchOptions()
                      .setExecutablePath(request.executable())
                      .setHeadless(!request.headed())
                      .setArgs(BrowserSettings.BASE_ARGS));
      BrowserContext context = browser.newContext();
      Network network = request.network();
      RequestGuard requests =
          new RequestGuard(
              false,
              new RouteFetch(
                  network.clients(),
                  network.identity(),
                  context,
                  QR_WAIT,
                  network.maxPageBytes(),
                  network.maxRedirects()));
      requests.use(resources);
      context.route("**/*", requests::handle);
      Page page = context.newPage();
      open(page, requests, request);
      String text = readQr(page, request);
      try {
        LoginStateSaver.write(
            request.qrPng(), QrCodes.png(text, 8)); // owner-only: the ticket logs us in
        display.qr(QrCodes.halfBlocks(text), text, request.qrPng());
        waitForLogin(page, requests, request, display);
        String state = context.storageState();
        byte[] bytes = state.getBytes(StandardCharsets.UTF_8);
        int cookies = StorageState.parse(bytes).cookies().size();
        LoginStateSaver.write(request.stateFile(), bytes);
        return cookies;
      } finally {
        Files.deleteIfExists(request.qrPng());
      }
    } catch (IOException e) {
      throw new LoginFailedException(
          "could not save the login state to "
              + request.stateFile()
              + " ("
              + e.getClass().getSimpleName()
              + "): nothing saved");
    } catch (PlaywrightException e) {
      throw new LoginFailedException(
          "the browser failed during the login at "
              + request.loginUrl()
              + ": "
              + firstLine(e.getMessage())
              + "; nothing saved to "
              + request.stateFile());
    }
  }

  /** Opens the login page, following its redirects ({@link #followRedirect}). */
  private static void open(Page page, RequestGuard requests, Request request) {
    navigate(page, request.loginUrl());
    followRedirect(page, requests, request);
  }

  /**
   * Follows the redirect the last navigation took, if it took one (opening the login page, or the
   * page moving on after the scan). Each hop is a navigation of its own, on the allow-list: the
   * route answered the one before with an empty page (and its cookies) and recorded where it leads.
   */
  private static void followRedirect(Page page, RequestGuard requests, Request request) {
    for (int redirects = 0; ; redirects++) {
      URI next = requests.takeRedirect();
      if (next == null) {
        return;
      }
      if (redirects >= request.network().maxRedirects()) {
        throw new LoginFailedException(
            "the login page "
                + request.loginUrl()
                + " took more than "
                + request.network().maxRedirects()
                + " redirects; nothing saved");
      }
      try {
        request.guard().check(next);
      } catch (AddressRefusedException e) {
        throw new LoginFailedException(
            "the login page redirected to a refused address: " + e.getMessage());
      }
      navigate(page, next);
    }
  }

  private static void navigate(Page page, URI target) {
    page.navigate(target.toString(), new Page.NavigateOptions().setTimeout(QR_WAIT.toMillis()));
  }

  /** Waits for the QR element, checks the logged-out marker, decodes the element's screenshot. */
  private static String readQr(Page page, Request request) {
    long deadline = System.nanoTime() + QR_WAIT.toNanos();
    Locator qr = page.locator(request.qr()).first();
    while (System.nanoTime() < deadline) {
      if (present(page, request.qr()) && loggedOut(page, request)) {
        Optional<String> text = QrCodes.decode(qr.screenshot());
        if (text.isPresent()) {
          return text.get();
        }
      }
      page.waitForTimeout(POLL_MILLIS);
    }
    String missing =
        !loggedOut(page, request)
            ? request.urlLeaves() != null
                ? "the page URL does not contain login.logged-in-when-url-leaves '"
                    + request.urlLeaves()
                    + "'"
                : "login.logged-out '" + request.loggedOut() + "' is not on the page"
            : !present(page, request.qr())
                ? "login.qr '" + request.qr() + "' is not on the page"
                : "login.qr '" + request.qr() + "' shows no readable QR code";
    throw new LoginFailedException(
        request.markerSource()
            + ": "
            + missing
            + " of "
            + request.loginUrl()
            + " after "
            + QR_WAIT.toSeconds()
            + " s; nothing saved to "
            + request.stateFile());
  }

  /**
   * Polls until logged in, following the page's redirects as it moves on (the route leaves a
   * redirected navigation on an empty page).
   */
  private static void waitForLogin(
      Page page, RequestGuard requests, Request request, Display display) {
    long start = System.nanoTime();
    long end = start + request.timeout().toNanos();
    long nextCountdown = start;
    while (true) {
      followRedirect(page, requests, request);
      long now = System.nanoTime();
      if (loggedIn(page, request)) {
        return;
      }
      if (now >= end) {
        break;
      }
      if (now >= nextCountdown) {
        display.countdown(Math.max(0, Duration.ofNanos(end - now).toSeconds()));
        nextCountdown = now + request.countdownStep().toNanos();
      }
      page.waitForTimeout(POLL_MILLIS);
    }
    throw new LoginFailedException(
        "no login within "
            + request.timeout().toSeconds()
            + " s: "
            + request.markerSource()
            + (request.urlLeaves() != null
                ? ": the page URL never left login.logged-in-when-url-leaves '"
                    + request.urlLeaves()
                    + "'"
                : ": login.logged-in '" + request.loggedIn() + "' never appeared")
            + "; nothing saved to "
            + request.stateFile());
  }

  /** The login page, nobody logged in: its URL part, or its logged-out marker. */
  private static boolean loggedOut(Page page, Request request) {
    return request.urlLeaves() != null
        ? page.url().contains(request.urlLeaves())
        : present(page, request.loggedOut());
  }

  /**
   * Logged in: the page URL left the login page's (an http(s) page, not a blank one between
   * documents), or the logged-in marker is there.
   */
  private static boolean loggedIn(Page page, Request request) {
    if (request.urlLeaves() == null) {
      return present(page, request.loggedIn());
    }
    String url = page.url();
    return (url.startsWith("https://") || url.startsWith("http://"))
        && !url.contains(request.urlLeaves());
  }

  /** Whether a selector matches now; false while the page is between documents. */
  private static boolean present(Page page, String selector) {
    try {
      return page.locator(selector).count() > 0;
    } catch (PlaywrightException e) {
      return false;
    }
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "";
    }
    int newline = message.indexOf('\n');
    String line = newline < 0 ? message : message.substring(0, newline);
    return line.length() > 200 ? line.substring(0, 200) : line;
  }
}
