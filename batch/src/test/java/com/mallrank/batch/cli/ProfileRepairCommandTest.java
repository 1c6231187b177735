package com.mallrank.batch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.mallrank.batch.MallrankApplication;
import com.mallrank.batch.testing.ConsoleCapture;
import com.mallrank.crawler.model.Listing;
import com.mallrank.crawler.model.ResultPage;
import com.mallrank.crawler.model.SampleStatus;
import com.mallrank.crawler.parse.ExtractOptions;
import com.mallrank.crawler.parse.ProfileTester;
import com.mallrank.crawler.profile.SiteProfiles;
import com.mallrank.crawler.sandbox.Fault;
import com.mallrank.crawler.sandbox.SandboxMall;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code profile repair} from files, as a user runs it: OK.json is what {@code profile test --json}
 * printed for the sandbox's page before its redesign, the new page the redesigned one.
 */
class ProfileRepairCommandTest {

  private static final Instant SLOT = Instant.parse("2026-11-28T06:00:00Z");
  private static final String KEYWORD = "高领毛衣女内搭";

  @RegisterExtension final ConsoleCapture console = ConsoleCapture.separate();

  @TempDir Path dir;

  private static SandboxMall mall;

  @BeforeAll
  static void start() {
    mall = SandboxMall.start();
    mall.setTime(SLOT);
  }

  @AfterAll
  static void stop() {
    mall.close();
  }

  private int run(String... args) {
    String[] all = new String[args.length + 1];
    all[0] = "--spring.datasource.url=jdbc:h2:mem:cli-" + System.nanoTime();
    System.arraycopy(args, 0, all, 1, args.length);
    // as main runs it: only what the command needs is started (CommandLineStartup; that every
    // startup answers as the whole application is CommandLineStartupTest's)
    return MallrankApplication.run(all);
  }

  /** The old page and what `profile test --json` prints for it, saved as files. */
  private Path knownFromOldPage() throws Exception {
    Path old = save("old.html");
    int before = console.out().length();
    assertThat(
            run(
                "profile",
                "test",
                "--profile",
                "sandbox-static",
                "--page",
                old.toString(),
                "--json"))
        .isZero();
    Path known = dir.resolve("ok.json");
    Files.writeString(known, console.out().substring(before));
    return known;
  }

  @Test
  void theRedesignedPageIsRepairedWrittenAndReadsEveryCard() throws Exception {
    Path known = knownFromOldPage();
    mall.faults().redesignAt(SLOT);
    Path page;
    try {
      page = save("new.html");
    } finally {
      mall.faults().clearAll();
    }
    Path fixed = dir.resolve("fixed.yml");

    int code =
        run(
            "profile",
            "repair",
            "--profile",
            "sandbox-static",
            "--page",
            page.toString(),
            "--known",
            known.toString(),
            "-o",
            fixed.toString());

    String out = console.out();
    assertThat(code).as(out).isZero();
    assertThat(out)
        .contains("profile repair: sandbox-static (classpath:mallrank/profiles/sandbox-static.yml)")
        .contains("known: 60 listings; on the new page: 60 of them among 60 cards read")
        .contains("--- sandbox-static.yml\n+++ sandbox-static.yml (repaired)\n")
        .contains(
            "-  select: \"#search-root ul.result-grid > li.goods-card\"\n+  select: .pd-card\n")
        .containsPattern(
            "product-id +60/60 +\\(the card\\) @data-product-id +\\.pd-link @href ~\\(\\[0-9\\]\\+\\) +repaired")
        .containsPattern(
            "sponsored +\\d+/\\d+ ads, 0 organic flagged +\\.ad-tag text '广告' +\\.pd-badge text '广告' +repaired")
        .contains("repaired: the proposal is in " + fixed);
    assertThat(Files.readString(fixed)).contains("  select: .pd-card\n").contains("login:\n");
    assertThat(dir.resolve("fixed.partial.yml")).doesNotExist();

    ResultPage read = ProfileTester.test(SiteProfiles.load(fixed), page, new ExtractOptions(60));
    assertThat(read.status()).isEqualTo(SampleStatus.OK);
    assertThat(read.evidence().detail()).isEqualTo("66 cards on the page, 60 kept");
    assertThat(read.listings())
        .extracting(Listing::productId)
        .containsExactlyElementsOf(
            mall.world().results(KEYWORD, SLOT, null).subList(0, 60).stream()
                .map(c -> c.productId())
                .toList());
  }

  @Test
  void aPartialRepairIsWrittenBesideAndExitsThree() throws Exception {
    // what `profile test --json` prints (the first test runs it through the command line)
    Path known = dir.resolve("ok.json");
    Files.writeString(
        known,
        ProfileTester.json(
            ProfileTester.test(
                SiteProfiles.builtIn("sandbox-static"), save("old.html"), new ExtractOptions(60))));
    mall.faults().set(KEYWORD, Fault.LAYOUT_CHANGED);
    Path page;
    try {
      page = save("changed.html");
    } finally {
      mall.faults().clearAll();
    }
    Path copy = dir.resolve("mine.yml");
    Files.writeString(
        copy,
        new String(
            getClass().getResourceAsStream("/mallrank/profiles/sandbox-static.yml").readAllBytes(),
            StandardCharsets.UTF_8));
    String original = Files.readString(copy);

    int code =
        run(
            "profile",
            "repair",
            "--profile",
            copy.toString(),
            "--page",
            page.toString(),
            "--known",
            known.toString(),
            "-o",
            dir.resolve("fixed.yml").toString(),
            "--write");

    assertThat(code).isEqualTo(3);
    assertThat(console.out())
        .contains("not repaired (left as it was):\n  shop-id: no rule reads the known values")
        .contains("  commission: no rule reads the known values")
        .contains(
            "partial: some rules still do not read the new page; the proposal is in "
                + dir.resolve("fixed.partial.yml"));
    assertThat(dir.resolve("fixed.partial.yml")).exists();
    assertThat(dir.resolve("fixed.yml")).doesNotExist();
    assertThat(Files.readString(copy))
        .as("--write never installs a partial repair")
        .isEqualTo(original);
    assertThat(dir.resolve("mine.yml.bak")).doesNotExist();
  }

  private Path save(String name) throws IOException, InterruptedException {
    byte[] body =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(mall.searchUrl(KEYWORD))).build(),
                HttpResponse.BodyHandlers.ofByteArray())
            .body();
    Path file = dir.resolve(name);
    Files.write(file, body);
    return file;
  }
}
