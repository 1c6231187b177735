package com.mallrank.batch.cli;

import com.mallrank.batch.runtime.SamplerFactory;
import com.mallrank.batch.runtime.SandboxRuntime;
import com.mallrank.batch.runtime.SiteProfileRegistry;
import com.mallrank.batch.text.Escaping;
import com.mallrank.crawler.fetch.CookieJar;
import com.mallrank.crawler.fetch.FetchRequest;
import com.mallrank.crawler.fetch.FetchResponse;
import com.mallrank.crawler.fetch.JsoupFetcher;
import com.mallrank.crawler.fetch.har.HarCapture;
import com.mallrank.crawler.model.ResultPage;
import com.mallrank.crawler.parse.ExtractOptions;
import com.mallrank.crawler.parse.Extractors;
import com.mallrank.crawler.parse.ProfileTester;
import com.mallrank.crawler.politeness.AddressGuard;
import com.mallrank.crawler.politeness.Gate;
import com.mallrank.crawler.profile.SiteProfile;
import com.mallrank.crawler.profile.SiteProfiles;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
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
      "Example: mallrank profile test --profile config/profiles/my-site.yml --page saved.html"
    })
public class ProfileTestCommand implements Callable<Integer> {

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
            "A HAR file (mitmproxy, Charles, a browser): the newest search of --keyword among the"
                + " responses matching the profile's capture-url.")
    Path har;

    @Option(names = "--url", description = "A live URL, fetched once with the static fetcher.")
    URI url;

    @Option(
        names = "--keyword",
        description = "Search this keyword with the profile's URL template and crawler.base-url.")
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
      defaultValue = "60",
      description = "Listings to extract, 1..60 (default ${DEFAULT-VALUE}).")
  int depth;

  @Option(names = "--json", description = "Print JSON instead of a table.")
  boolean json;

  @Option(
      names = "--har-keyword",
      description = "With --har: the keyword whose search to read (default: every matching call).")
  String harKeyword;

  private final SiteProfileRegistry profiles;
  private final SandboxRuntime sandbox;
  private final SamplerFactory samplers;

  public ProfileTestCommand(
      SiteProfileRegistry profiles, SandboxRuntime sandbox, SamplerFactory samplers) {
    this.profiles = profiles;
    this.sandbox = sandbox;
    this.samplers = samplers;
  }

  @Override
  public Integer call() throws Exception {
    SiteProfile siteProfile =
        profile.endsWith(".yml")
                || profile.endsWith(".yaml")
                || Files.exists(CallerPaths.resolve(profile))
            ? SiteProfiles.load(CallerPaths.resolve(profile))
            : profiles.get(profile);
    ExtractOptions options = new ExtractOptions(depth);
    ResultPage page;
    if (source.page != null) {
      page = ProfileTester.test(siteProfile, source.page, status, options);
    } else if (source.har != null) {
      if (siteProfile.fetch().captureUrl() == null) {
        throw new picocli.CommandLine.ParameterException(
            new picocli.CommandLine(this),
            "--har needs a profile with fetch.capture-url: " + siteProfile.id());
      }
      String document =
          new HarCapture(siteProfile.fetch().captureUrl())
              .document(source.har, harKeyword, null, null);
      page =
          Extractors.forProfile(siteProfile, options)
              .extract(
                  new FetchResponse(
                      source.har.toUri().toString(),
                      200,
                      "application/json",
                      document,
                      null,
                      java.time.Duration.ZERO));
    } else if (source.url != null) {
      AddressGuard guard = siteProfile.search().guard();
      guard.check(source.url);
      try (JsoupFetcher fetcher = samplers.fetcher()) {
        page =
            Extractors.forProfile(siteProfile, options)
                .extract(fetcher.fetch(FetchRequest.anonymous(source.url, Gate.unpaced(guard))));
      }
    } else {
      page =
          samplers
              .sampler(sandbox.usesSandbox())
              .sample(
                  siteProfile,
                  sandbox.baseUrl(),
                  source.keyword,
                  "anonymous",
                  CookieJar.empty(),
                  depth)
              .page();
    }
    // JSON is Jackson's (control characters escaped); the table may hold text from the page.
    System.out.print(
        json ? ProfileTester.json(page) + "\n" : Escaping.terminalLines(ProfileTester.table(page)));
    return page.status().producesRanks() ? 0 : 3;
  }
}
