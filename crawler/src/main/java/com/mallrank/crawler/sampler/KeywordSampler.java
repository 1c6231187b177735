package com.mallrank.crawler.sampler;

import com.mallrank.crawler.fetch.CookieJar;
import com.mallrank.crawler.fetch.FetchException;
import com.mallrank.crawler.fetch.FetchRequest;
import com.mallrank.crawler.fetch.FetchResponse;
import com.mallrank.crawler.fetch.Fetcher;
import com.mallrank.crawler.fetch.RefusedFetchException;
import com.mallrank.crawler.fetch.browser.PlaywrightFetcher;
import com.mallrank.crawler.fetch.browser.RenderOptions;
import com.mallrank.crawler.fetch.har.HarException;
import com.mallrank.crawler.fetch.har.HarFetcher;
import com.mallrank.crawler.fetch.har.HarInboxes;
import com.mallrank.crawler.fetch.har.NoCaptureException;
import com.mallrank.crawler.model.Evidence;
import com.mallrank.crawler.model.ResultPage;
import com.mallrank.crawler.model.SampleStatus;
import com.mallrank.crawler.model.SkipReason;
import com.mallrank.crawler.parse.ExtractOptions;
import com.mallrank.crawler.parse.Extractors;
import com.mallrank.crawler.politeness.AddressGuard;
import com.mallrank.crawler.politeness.AddressRefusedException;
import com.mallrank.crawler.politeness.AttemptOutcome;
import com.mallrank.crawler.politeness.Backoff;
import com.mallrank.crawler.politeness.Gate;
import com.mallrank.crawler.politeness.HostThrottle;
import com.mallrank.crawler.politeness.IdentityCooldown;
import com.mallrank.crawler.politeness.NeedsLogin;
import com.mallrank.crawler.politeness.RequestBudget;
import com.mallrank.crawler.politeness.RetryDecision;
import com.mallrank.crawler.politeness.RetryPolicy;
import com.mallrank.crawler.politeness.TimeSource;
import com.mallrank.crawler.profile.FetchRule;
import com.mallrank.crawler.profile.FieldName;
import com.mallrank.crawler.profile.FieldRule;
import com.mallrank.crawler.profile.JsonPath;
import com.mallrank.crawler.profile.SiteProfile;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes one sample: builds the search URL from the profile, checks the host, fetches (retrying what
 * is worth retrying), and extracts. Every request passes the profile's address guard and the host
 * throttle, each redirect hop again (see {@link Gate}); a refusal ends the sample as an error with
 * the marker {@code refused}, never retried. Never throws for what the site does: every outcome is
 * a {@link ResultPage} with a status and its evidence.
 *
 * <p>An identity that was blocked rests ({@link IdentityCooldown}) while the others go on; its
 * samples during the rest are {@link SampleStatus#SKIPPED} (marker {@code cooldown}) without a
 * request being sent: a rest is not a captcha. A matrix account that got a login wall is marked
 * ({@link NeedsLogin}) and its other samples of the slot are {@link SampleStatus#SKIPPED} (marker
 * {@code needs-login}), not fetched; the anonymous vantage has no login to renew and is never
 * marked. A page taken as a matrix account must prove the login where the profile says how ({@code
 * markers.logged-in}): one that does not is {@code login_required} like a login wall, so an expired
 * session served the logged-out page never stores the anonymous ranking as the account's. Before
 * each request (each attempt) the identity's {@link RequestBudget} is asked: an identity out of
 * budget has its sample {@link SampleStatus#SKIPPED} (marker {@code budget}), not fetched; samples
 * are taken in plan order, so the budget goes to the highest-priority keywords.
 *
 * <p>A phone capture ({@code fetch.with: har}) is read from its vantage's own folder ({@link
 * HarInboxes}) and sends nothing: no budget, no rest, no slot-wide login mark. The phone holds the
 * login, so each capture proves or refuses it on its own: one showing the profile's login refusal
 * is {@code login_required} (its account needs a new login on the phone), the account's other
 * captures of the slot are still read. A profile whose search needs a login ({@code
 * search.requires-login}, Douyin's 2483) is never sampled as the anonymous vantage: skipped, marker
 * {@code no-account}, without a request or a read (for a capture, whatever it held would be some
 * logged-in phone's view, not an anonymous one).
 *
 * <p>Thread-safe when its {@link Fetcher} is.
 */
public final class KeywordSampler {

  private static final Logger log = LoggerFactory.getLogger(KeywordSampler.class);

  private final Fetcher fetcher;
  private final PlaywrightFetcher browser;
  private final HostThrottle throttle;
  private final AddressGuard.Resolver resolver;
  private final RetryPolicy retryPolicy;
  private final IdentityCooldown cooldown;
  private final NeedsLogin needsLogin;
  private final TimeSource time;
  private final HarInboxes harInboxes;
  private final Duration harWindow;
  private final RequestBudget budget;

  /** How long after its slot time a phone capture still belongs to the slot, by default. */
  public static final Duration DEFAULT_HAR_WINDOW = Duration.ofHours(1);

  private KeywordSampler(Builder b) {
    this.fetcher = b.fetcher;
    this.browser = b.browser;
    this.time = b.time;
    this.throttle = b.throttle != null ? b.throttle : throttle(b.settings, b.random, b.time);
    this.resolver = b.resolver;
    this.needsLogin = b.needsLogin != null ? b.needsLogin : new NeedsLogin();
    this.harInboxes =
        b.harInboxes != null ? b.harInboxes : b.harDir == null ? null : new HarInboxes(b.harDir);
    this.harWindow = b.harWindow;
    this.budget = b.budget == null ? RequestBudget.UNLIMITED : b.budget;
    SamplerSettings settings = b.settings;
    this.retryPolicy =
        new RetryPolicy(
            settings.maxAttempts(),
            new Backoff(
                settings.initialBackoff(),
                settings.maxBackoff(),
                settings.backoffMultiplier(),
                settings.backoffJitter(),
                b.random),
            settings.maxRetryAfter());
    this.cooldown = new IdentityCooldown(settings.cooldown(), settings.maxCooldown(), time);
  }

  /**
   * Starts a sampler; every optional collaborator has a default, so {@code builder(fetcher,
   * settings).build()} samples static profiles with the system clock.
   *
   * @param fetcher fetches the pages of static profiles ({@code null} when only browser or HAR
   *     profiles are sampled)
   * @param settings retries, back-off, cool-downs and host pacing
   */
  public static Builder builder(Fetcher fetcher, SamplerSettings settings) {
    return new Builder(fetcher, settings);
  }

  /** The optional collaborators of a {@link KeywordSampler}, each with its default. */
  public static final class Builder {
    private final Fetcher fetcher;
    private final SamplerSettings settings;
    private PlaywrightFetcher browser;
    private HostThrottle throttle;
    private AddressGuard.Resolver resolver = InetAddress::getAllByName;
    private TimeSource time = TimeSource.system();
    private Random random = new Random();
    private NeedsLogin needsLogin;
    private Path harDir;
    private HarInboxes harInboxes;
    private Duration harWindow = DEFAULT_HAR_WINDOW;
    private RequestBudget budget = RequestBudget.UNLIMITED;

    private Builder(Fetcher fetcher, SamplerSettings settings) {
      this.fetcher = fetcher;
      this.settings = settings;
    }

    /**
     * Renders the pages of browser profiles ({@code fetch.with: browser}); default none (those
     * samples are then errors).
     */
    public Builder browser(PlaywrightFetcher browser) {
      this.browser = browser;
      return this;
    }

    /**
     * Paces every request to a host, redirect hops included; share it with whatever else fetches
     * from the same hosts (main images). Default: {@link #throttle(SamplerSettings, Random,
     * TimeSource)} of the settings, this builder's random and time.
     */
    public Builder throttle(HostThrottle throttle) {
      this.throttle = throttle;
      return this;
    }

    /** How host names resolve for the address guard; default the JDK's (tests map names). */
    public Builder resolver(AddressGuard.Resolver resolver) {
      this.resolver = resolver;
      return this;
    }

    /** The clock and sleeper of retries and cool-downs; default the system's. */
    public Builder time(TimeSource time) {
      this.time = time;
      return this;
    }

    /** The randomness of back-off jitter (and of the default throttle); seed it in tests. */
    public Builder random(Random random) {
      this.random = random;
      return this;
    }

    /**
     * The identities found logged out in this slot: share it between the samplers of one slot so an
     * expired login is fetched once per slot, not once per group. Default: this sampler's own.
     */
    public Builder needsLogin(NeedsLogin needsLogin) {
      this.needsLogin = needsLogin;
      return this;
    }

    /**
     * Where HAR files captured on a phone are dropped ({@code crawler.har-dir}: the anonymous
     * vantage's in it, each account's in {@code <dir>/<account-id>/}, see {@link HarInboxes}), for
     * profiles with {@code fetch.with: har}; default none (those samples are then errors). A
     * capture belongs to the slot when it started within {@code [slot, slot + window)}.
     */
    public Builder har(Path dir, Duration window) {
      this.harDir = dir;
      this.harWindow = window;
      return this;
    }

    /**
     * {@link #har(Path, Duration)} with inboxes shared by several samplers (the slots and groups of
     * one process), so each HAR file is read once.
     */
    public Builder har(HarInboxes inboxes, Duration window) {
      this.harInboxes = inboxes;
      this.harWindow = window;
      return this;
    }

    /** The requests each identity may still send, asked before each attempt; default unlimited. */
    public Builder budget(RequestBudget budget) {
      this.budget = budget;
      return this;
    }

    public KeywordSampler build() {
      return new KeywordSampler(this);
    }
  }

  /**
   * Marks a matrix account as needing a new login for the rest of the slot, for a reason found
   * before any fetch (its saved login state cannot be used): its samples are then {@link
   * SampleStatus#SKIPPED} (marker {@code needs-login}, the reason in their detail) without a
   * request. The anonymous vantage is never marked.
   */
  public void needsLogin(String identity, String reason) {
    if (!FetchRequest.ANONYMOUS.equals(identity)) {
      needsLogin.mark(identity, time.now(), reason);
    }
  }

  /** The host pacing of these settings, for a sampler and the image downloads sharing it. */
  public static HostThrottle throttle(SamplerSettings settings, Random random, TimeSource time) {
    return new HostThrottle(
        new HostThrottle.Settings(
            settings.minDelay(), settings.jitter(), settings.maxConcurrentPerHost()),
        random,
        time);
  }

  /**
   * Samples one keyword.
   *
   * @param profile the site profile
   * @param base the value of {@code {base}} in the profile's URL template
   * @param keyword the keyword
   * @param identity {@code anonymous} or a matrix-account id
   * @param cookies the identity's cookies, each sent only where its scope allows (never logged)
   * @param depth how many listings to capture
   */
  public SampleResult sample(
      SiteProfile profile,
      String base,
      String keyword,
      String identity,
      CookieJar cookies,
      int depth) {
    return sample(profile, base, keyword, identity, cookies, depth, null);
  }

  /**
   * Samples one keyword for a slot.
   *
   * @param slot the slot the sample belongs to (a HAR capture is looked up within it); {@code
   *     null}: the time the sample starts
   */
  public SampleResult sample(
      SiteProfile profile,
      String base,
      String keyword,
      String identity,
      CookieJar cookies,
      int depth,
      Instant slot) {
    Instant started = time.now();
    Instant slotTime = slot == null ? started : slot;
    URI url;
    AddressGuard guard = profile.guard().withResolver(resolver);
    try {
      url = profile.search().url(base, keyword);
      if (!profile.fetch().har()) {
        guard.check(url); // a HAR capture is read from disk: nothing is sent, nothing resolved
      }
    } catch (AddressRefusedException | IllegalArgumentException e) {
      return done(refused(String.valueOf(base), "refused: " + e.getMessage()), started, 0);
    }
    boolean anonymous = FetchRequest.ANONYMOUS.equals(identity);
    if (anonymous && profile.search().requiresLogin()) {
      return done(
          skipped(
              url,
              SkipReason.NO_ACCOUNT,
              profile.id()
                  + " searches only with a logged-in account (search.requires-login): sample it as"
                  + " a matrix account"
                  + (profile.fetch().har()
                      ? ", its phone's captures in crawler.har-dir/<account-id>/"
                      : "")),
          started,
          0);
    }
    // A phone capture sends nothing: the slot-wide login mark and rest are for requests sent.
    boolean phone = profile.fetch().har();
    NeedsLogin.Mark loggedOut = phone ? null : needsLogin.of(identity).orElse(null);
    if (loggedOut != null) {
      return done(
          skipped(
              url,
              SkipReason.NEEDS_LOGIN,
              identity + " needs a new login (" + loggedOut.reason() + ")"),
          started,
          0);
    }
    if (!phone && cooldown.isCoolingDown(identity)) {
      Instant until = cooldown.until(identity).orElse(started);
      return done(
          skipped(url, SkipReason.COOLDOWN, identity + " rests until " + until), started, 0);
    }
    // As a matrix account, a page must prove the login where the profile says how.
    var extractor = Extractors.forProfile(profile, new ExtractOptions(depth).asAccount(!anonymous));
    FetchRequest.SampleContext context =
        new FetchRequest.SampleContext(keyword, slotTime, slotTime.plus(harWindow));
    FetchResponse seen = null;
    ResultPage last = null;
    for (int attempt = 1; ; attempt++) {
      // A HAR capture is read from disk: no request is sent, none is counted.
      if (!phone && !budget.tryTake(identity)) {
        log.info("{} is out of request budget: {} not sampled", identity, keyword);
        return last == null
            ? done(
                skipped(url, SkipReason.BUDGET, identity + " used its request budget"), started, 0)
            : done(last, started, attempt - 1, seen);
      }
      ResultPage page;
      AttemptOutcome outcome;
      Duration retryAfter = null;
      try {
        FetchResponse response =
            fetch(
                profile,
                url,
                identity,
                cookies,
                guard,
                depth,
                context,
                r -> !extractor.extract(r).status().producesRanks());
        seen = response;
        page = extractor.extract(response);
        retryAfter = response.retryAfter();
        outcome = outcomeOf(page);
      } catch (RefusedFetchException e) {
        // Not retried: the site sent us somewhere we must not go.
        return done(refused(e.url(), e.getMessage()), started, attempt);
      } catch (NoCaptureException e) {
        // Not fetched on purpose: no phone capture of this keyword in the slot. Never "rank lost".
        return done(
            ResultPage.without(
                SampleStatus.SKIPPED,
                new Evidence(e.url(), 0, SkipReason.NO_CAPTURE.code(), e.detail())),
            started,
            attempt);
      } catch (FetchException e) {
        seen = null;
        page = ResultPage.error(e.url(), 0, e.getMessage());
        outcome =
            // a broken HAR file stays broken: not worth another try
            e.getCause() instanceof HarException
                ? AttemptOutcome.CLIENT_ERROR
                : AttemptOutcome.ofFailure(e.getCause());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return done(ResultPage.error(url.toString(), 0, "interrupted"), started, attempt);
      }
      if (phone) {
        if (page.status() == SampleStatus.LOGIN_REQUIRED && !anonymous) {
          log.warn(
              "{}'s phone capture of {} shows a login refusal: log the phone in",
              identity,
              keyword);
        }
      } else if (page.status() == SampleStatus.BLOCKED) {
        Instant until = cooldown.recordBlocked(identity);
        log.warn("{} was blocked on {}; it rests until {}", identity, url.getHost(), until);
      } else if (page.status() == SampleStatus.LOGIN_REQUIRED && !anonymous) {
        needsLogin.mark(identity, time.now());
        log.warn("{} needs a new login: its other keywords of the slot are skipped", identity);
      } else if (page.status() != SampleStatus.ERROR) {
        cooldown.recordSuccess(identity);
      }
      last = page;
      RetryDecision decision = retryPolicy.decide(attempt, outcome, retryAfter);
      if (!decision.retry()) {
        return done(page, started, attempt, seen);
      }
      log.info("retrying {} for {} in {}: {}", keyword, identity, decision.delay(), page.status());
      try {
        time.sleep(decision.delay());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return done(page, started, attempt, seen);
      }
    }
  }

  /**
   * A static fetch passes the gate (guard and throttle) at every hop itself; a browser page takes
   * the host's turn for its navigation, and the browser guards each of its requests.
   */
  private FetchResponse fetch(
      SiteProfile profile,
      URI url,
      String identity,
      CookieJar cookies,
      AddressGuard guard,
      int depth,
      FetchRequest.SampleContext context,
      Predicate<FetchResponse> failed)
      throws FetchException, InterruptedException {
    FetchRule rule = profile.fetch();
    String keyword = context.keyword();
    if (rule.har()) {
      if (harInboxes == null) {
        throw new FetchException(
            url.toString(),
            "profile " + profile.id() + " reads HAR files; crawler.har-dir is unset");
      }
      return new HarFetcher(
              harInboxes, rule.captureUrl(), rule.captureKeyword(), rule.captureDevice())
          .fetch(new FetchRequest(url, identity, cookies, Gate.unpaced(guard), context));
    }
    if (!rule.browser()) {
      return fetcher.fetch(
          new FetchRequest(url, identity, cookies, new Gate(guard, throttle), context));
    }
    if (browser == null) {
      throw new FetchException(
          url.toString(), "profile " + profile.id() + " needs a browser; none is set up");
    }
    try (HostThrottle.Permit permit = throttle.acquire(url)) {
      return browser.fetch(
          new FetchRequest(url, identity, cookies, Gate.unpaced(guard), context),
          renderOptions(profile, depth)
              .withActions(BrowserActions.forKeyword(rule.actions(), keyword))
              .withCaptureKeyword(rule.captureKeyword(), keyword),
          failed);
    }
  }

  /** What the browser needs from a profile's {@code fetch} section to load {@code depth} cards. */
  static RenderOptions renderOptions(SiteProfile profile, int depth) {
    FetchRule rule = profile.fetch();
    RenderOptions options =
        rule.capture()
            ? RenderOptions.capture(rule.captureUrl(), rule.itemsPointer(), rule.hasMorePointer())
            : RenderOptions.dom(profile.cards().expression());
    return options
        .withTargetCount(depth)
        .withLoadMoreSelector(rule.loadMore())
        .withWaitForSelector(rule.waitFor())
        .withEndSelector(rule.end())
        .withItemIdPointer(rule.capture() && profile.dedupe() ? productIdPointer(profile) : null);
  }

  /**
   * With {@code dedupe: product-id}, the browser counts a capture's listings once per product id (a
   * list whose scrolls send the first screen again would otherwise stop loading early): the
   * product-id path as a JSON pointer, when it is a plain path ({@code product_id}, {@code
   * info.id}); else {@code null} and every item counts.
   */
  private static String productIdPointer(SiteProfile profile) {
    FieldRule id = profile.field(FieldName.PRODUCT_ID);
    JsonPath path = id == null ? null : id.locator().path();
    return path == null ? null : path.pointer().orElse(null);
  }

  private static AttemptOutcome outcomeOf(ResultPage page) {
    return switch (page.status()) {
      case OK, PARTIAL, EMPTY, LAYOUT_CHANGED -> AttemptOutcome.SUCCESS;
      case BLOCKED -> AttemptOutcome.BLOCKED;
      case LOGIN_REQUIRED -> AttemptOutcome.LOGIN_REQUIRED;
      case ERROR -> outcomeOfError(page.evidence().httpStatus());
      case SKIPPED -> throw new IllegalStateException("a fetched page is never skipped");
    };
  }

  /** An error page with a 429/5xx status is worth another try; a broken 200 or a 404 is not. */
  private static AttemptOutcome outcomeOfError(int httpStatus) {
    if (httpStatus == 429 || httpStatus == 408 || httpStatus >= 500 && httpStatus <= 599) {
      return AttemptOutcome.ofHttpStatus(httpStatus);
    }
    return httpStatus == 0 ? AttemptOutcome.CONNECTION_FAILED : AttemptOutcome.CLIENT_ERROR;
  }

  /** A sample the guard refused: status error, marker {@code refused}, the rule in the detail. */
  private static ResultPage refused(String url, String detail) {
    return ResultPage.without(SampleStatus.ERROR, new Evidence(url, 0, "refused", detail));
  }

  /**
   * A sample not fetched on purpose: status skipped, the reason as the marker, a detail that every
   * report shows as "not sampled".
   */
  private static ResultPage skipped(URI url, SkipReason reason, String detail) {
    return ResultPage.without(
        SampleStatus.SKIPPED,
        new Evidence(url.toString(), 0, reason.code(), "not sampled: " + detail));
  }

  private SampleResult done(ResultPage page, Instant started, int attempts) {
    return done(page, started, attempts, null);
  }

  private SampleResult done(ResultPage page, Instant started, int attempts, FetchResponse seen) {
    return new SampleResult(page, started, Duration.between(started, time.now()), attempts, seen);
  }
}
