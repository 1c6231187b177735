package com.mallrank.batch.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.mallrank.batch.runtime.SamplerFactory;
import com.mallrank.batch.runtime.SiteProfileRegistry;
import com.mallrank.batch.runtime.Target;
import com.mallrank.batch.runtime.Targets;
import com.mallrank.batch.text.Escaping;
import com.mallrank.crawler.fetch.CookieJar;
import com.mallrank.crawler.fetch.FetchRequest;
import com.mallrank.crawler.fetch.JsoupFetcher;
import com.mallrank.crawler.fetch.har.HarCapture;
import com.mallrank.crawler.fetch.har.HarException;
import com.mallrank.crawler.fetch.har.HarInbox;
import com.mallrank.crawler.fetch.har.HarInboxes;
import com.mallrank.crawler.model.ResultPage;
import com.mallrank.crawler.parse.ExtractOptions;
import com.mallrank.crawler.parse.Extractors;
import com.mallrank.crawler.parse.ProfileTester;
import com.mallrank.crawler.politeness.AddressGuard;
import com.mallrank.crawler.politeness.Gate;
import com.mallrank.crawler.profile.FetchRule;
import com.mallrank.crawler.profile.SiteProfile;
import com.mallrank.crawler.profile.SiteProfiles;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code mallrank profile test}: what a profile extracts from a saved page, a URL or a keyword, so
 * a user can write or fix a profile against a page they saved, without a new release.
 */
@Command(
    name = "test",
    mixinStandardHelpOptions = true,
    description = {
      "Prints what a site profile extracts: the sample status with its evidence, then the"
          + " listings as a table (or JSON).",
      "Example: mallrank profile test --profile config/profiles/my-site.yml --page saved.html",
      "Phone capture: mallrank profile test --profile douyin-mall --har phone.har"
          + " --har-keyword 羽绒服女 --json",
      "Exit code: 0 ranks extracted (ok/partial), 3 no ranks (a block, a changed layout, no"
          + " capture of the keyword), 2 unusable input (bad profile, unreadable file). With"
          + " --json every outcome, errors too, is one JSON object on stdout."
    })
public class ProfileTestCommand implements Callable<Integer> {

  /** Made on first use: a table run never starts Jackson (about 30 ms of CPU at start-up). */
  private static final class Json {
    static final ObjectMapper MAPPER =
        JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
  }

  @Option(
      names = {"-p", "--profile"},
      required = true,
      description =
          "A profile id (built in or in crawler.profiles-dir) or the path of a .yml file.")
  String profile;

  @ArgGroup(multiplicity = "1")
  Source source;

  static class Source {
    @Option(
        names = "--page",
        description =
            "A saved page (HTML or JSON, UTF-8; a streamed body of several JSON documents too).")
    Path page;

    @Option(
        names = "--har",
        description =
            "A HAR file (mitmproxy, Charles, a browser, Insomnia) or a folder of them (its"
                + " processed/ sub-folder too): the newest search of --har-keyword among the"
                + " requests matching the profile's capture-url. Files are only read.")
    Path har;

    @Option(names = "--url", description = "A live URL, fetched once with the static fetcher.")
    URI url;

    @Option(
        names = "--keyword",
        description =
            "Search this keyword live, with the profile's URL template and crawler.base-url"
                + " (for a HAR capture use --har-keyword).")
    String keyword;
  }

  @Option(
      names = "--status",
      defaultValue = "200",
      description =
          "With --page: the HTTP status the page is treated as (default ${DEFAULT-VALUE}).")
  int status;

  @Option(
      names = "--depth",
      description =
          "Listings to extract, 1..60 (default 60). With --har, a capture whose last page says"
              + " there is no more (the profile's has-more-pointer) is ok however short; one the"
              + " phone stopped scrolling is partial below the depth.")
  Integer depth;

  @Option(names = "--json", description = "Print one JSON object instead of a table.")
  boolean json;

  @Option(
      names = "--har-keyword",
      description =
          "With --har: the keyword whose search to read, matched exactly where the profile's"
              + " fetch.capture-keyword says (default: the newest search of any keyword).")
  String harKeyword;

  private final SiteProfileRegistry profiles;
  private final Targets targets;
  private final Supplier<SamplerFactory> samplers;

  /**
   * In a Spring context: the samplers made with the command, as every collaborator is (a {@code
   * batch.*} value Spring cannot bind fails it at start-up, naming the key).
   */
  @Autowired
  public ProfileTestCommand(
      SiteProfileRegistry profiles, Targets targets, SamplerFactory samplers) {
    this.profiles = profiles;
    this.targets = targets;
    this.samplers = () -> samplers;
  }

  /**
   * Without Spring ({@link WithoutSpring}): the samplers made for a URL only. A saved page or a
   * capture needs no fetcher, nor {@code batch.*}, whose zone is then never made (that loads the
   * JDK's zone rules, see {@code PlainConfiguration.PendingZone}); {@code batch.*} was read and
   * checked before the command was made, as Spring would at start-up.
   */
  public ProfileTestCommand(
      SiteProfileRegistry profiles, Targets targets, ObjectProvider<SamplerFactory> samplers) {
    this.profiles = profiles;
    this.targets = targets;
    this.samplers = () -> samplers.getObject();
  }

  @Override
  public Integer call() throws Exception {
    try {
      return test();
    } catch (Exception e) {
      if (!json) {
        throw e; // FriendlyErrors: one line on stderr, exit 2
      }
      printError(reason(e), FriendlyErrors.describe(e));
      return 2;
    }
  }

  /** What went wrong, as the {@code reason} of the JSON error object. */
  private static String reason(Exception e) {
    if (e instanceof HarException) {
      return "har-unreadable";
    }
    if (e instanceof com.mallrank.crawler.yaml.ConfigException
        || e instanceof IllegalArgumentException) {
      return "bad-input";
    }
    return "error";
  }

  /** {@code {"status": "error", "reason": …, "detail": …}} on stdout. */
  static void printError(String reason, String detail) {
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("status", "error");
    error.put("reason", reason);
    error.put("detail", detail);
    System.out.print(write(error));
  }

  private static String write(Map<String, Object> object) {
    try {
      return Json.MAPPER.writeValueAsString(object) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private Integer test() throws Exception {
    SiteProfile siteProfile =
        profile.endsWith(".yml")
                || profile.endsWith(".yaml")
                || Files.exists(CallerPaths.resolve(profile))
            ? SiteProfiles.load(CallerPaths.resolve(profile))
            : profiles.get(profile);
    if (depth != null && (depth < 1 || depth > ExtractOptions.MAX_DEPTH)) {
      throw new IllegalArgumentException(
          "--depth must be 1.." + ExtractOptions.MAX_DEPTH + ", was " + depth);
    }
    int requested = requested();
    ExtractOptions options = new ExtractOptions(requested);
    ResultPage page;
    if (source.page != null) {
      page = ProfileTester.test(siteProfile, source.page, status, options);
    } else if (source.har != null) {
      return har(siteProfile);
    } else if (source.url != null) {
      AddressGuard guard = siteProfile.search().guard();
      guard.check(source.url);
      try (JsoupFetcher fetcher = samplers.get().fetcher()) {
        page =
            Extractors.forProfile(siteProfile, options)
                .extract(fetcher.fetch(FetchRequest.anonymous(source.url, Gate.unpaced(guard))));
      }
    } else {
      Target target = targets.target(siteProfile);
      page =
          samplers
              .get()
              .sampler(target)
              .sample(
                  siteProfile,
                  target.baseUrl(),
                  source.keyword,
                  "anonymous",
                  CookieJar.empty(),
                  requested)
              .page();
    }
    return print(page);
  }

  private int requested() {
    return depth == null ? ExtractOptions.MAX_DEPTH : depth;
  }

  private int print(ResultPage page) {
    // JSON is Jackson's (control characters escaped); the table may hold text from the page.
    System.out.print(
        json ? ProfileTester.json(page) + "\n" : Escaping.terminalLines(ProfileTester.table(page)));
    return page.status().producesRanks() ? 0 : 3;
  }

  /**
   * {@code --har}: a file or a folder, read only (never moved). The keyword's newest search is
   * extracted; without one, the outcome says which of no request, another keyword or an unusable
   * response it was.
   */
  private int har(SiteProfile siteProfile) throws HarException {
    FetchRule rule = siteProfile.fetch();
    if (rule.captureUrl() == null) {
      throw new IllegalArgumentException(
          "--har needs a profile with fetch.capture-url: " + siteProfile.id());
    }
    List<Path> files = harFiles(source.har);
    HarCapture.Outcome outcome =
        new HarCapture(rule.captureUrl(), rule.captureKeyword(), rule.captureDevice())
            .find(files, harKeyword, null, null);
    if (outcome.kind() != HarCapture.Kind.FOUND) {
      if (outcome.badFiles().size() == files.size()) {
        throw new HarException(String.join("; ", outcome.badFiles()));
      }
      String statusCode = outcome.kind().noCapture() ? "skipped" : "error";
      String reason = outcome.kind().code();
      if (json) {
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("status", statusCode);
        object.put("reason", reason);
        object.put("detail", outcome.detail());
        System.out.print(write(object));
      } else {
        System.out.print(
            Escaping.terminalLines(
                "status: "
                    + statusCode
                    + "\nreason: "
                    + reason
                    + "\ndetail: "
                    + outcome.detail()
                    + "\n"));
      }
      return 3;
    }
    // the one depth rule of a phone's capture (ResultAssembler): whole when its last page says
    // there is no more, partial when the phone stopped scrolling before the depth
    return print(
        Extractors.forProfile(siteProfile, new ExtractOptions(requested()))
            .extract(outcome.response(java.time.Duration.ZERO)));
  }

  /** A HAR file, or the HAR files of a folder and of its processed/ sub-folder. */
  private static List<Path> harFiles(Path har) throws HarException {
    if (!Files.isDirectory(har)) {
      if (!Files.isRegularFile(har)) {
        throw new HarException(har + ": no such file or folder");
      }
      return List.of(har);
    }
    List<Path> files = capturesIn(har);
    if (files.isEmpty()) {
      List<String> accounts = accountFoldersWithCaptures(har);
      throw new HarException(
          har
              + ": no .har file in the folder"
              + (accounts.isEmpty()
                  ? ""
                  : "; its account folders hold captures ("
                      + String.join(", ", accounts)
                      + "): one phone's each, e.g. --har "
                      + har.resolve(accounts.get(0))));
    }
    return files;
  }

  /** The HAR files of a folder and of its processed/ sub-folder, sorted by name. */
  private static List<Path> capturesIn(Path folder) throws HarException {
    List<Path> files = new ArrayList<>();
    for (Path dir : List.of(folder, folder.resolve(HarInbox.PROCESSED))) {
      if (!Files.isDirectory(dir)) {
        continue;
      }
      try (Stream<Path> list = Files.list(dir)) {
        list.filter(HarInbox::isHar).filter(Files::isRegularFile).sorted().forEach(files::add);
      } catch (java.io.IOException e) {
        throw new HarException("cannot list " + dir + ": " + e.getMessage(), e);
      }
    }
    return files;
  }

  /**
   * The sub-folders of {@code crawler.har-dir} laid out as accounts' ({@code <har-dir>/<id>/},
   * {@link HarInboxes}) that hold captures: at most five names, plain account ids only (a folder
   * name is printed).
   */
  private static List<String> accountFoldersWithCaptures(Path folder) throws HarException {
    List<Path> subfolders;
    try (Stream<Path> list = Files.list(folder)) {
      subfolders =
          list.filter(Files::isDirectory)
              .filter(d -> !d.getFileName().toString().equals(HarInbox.PROCESSED))
              .filter(d -> HarInboxes.unusableVantage(d.getFileName().toString()).isEmpty())
              .sorted()
              .toList();
    } catch (java.io.IOException e) {
      throw new HarException("cannot list " + folder + ": " + e.getMessage(), e);
    }
    List<String> names = new ArrayList<>();
    for (Path sub : subfolders) {
      if (capturesIn(sub).isEmpty()) {
        continue;
      }
      if (names.size() == 5) {
        names.add("…");
        break;
      }
      names.add(sub.getFileName().toString());
    }
    return names;
  }
}
