package com.mallrank.crawler.bench;

import com.mallrank.crawler.fetch.FetchResponse;
import com.mallrank.crawler.model.Listing;
import com.mallrank.crawler.model.ResultPage;
import com.mallrank.crawler.parse.ExtractOptions;
import com.mallrank.crawler.parse.Extractor;
import com.mallrank.crawler.parse.Extractors;
import com.mallrank.crawler.parse.ProfileTester;
import com.mallrank.crawler.profile.SiteProfile;
import com.mallrank.crawler.profile.SiteProfiles;
import com.mallrank.crawler.repair.KnownListings;
import com.mallrank.crawler.repair.ProfileRepair;
import com.mallrank.crawler.repair.RepairResult;
import com.mallrank.crawler.sandbox.SandboxMall;
import com.mallrank.crawler.testing.ApplicationDefaults;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * What {@code profile repair} costs on a 60-card page: the sandbox's scheduled redesign (html: its
 * result page; json: a capture of its renamed API, 3 answers of 20), repaired from the listings the
 * built-in profile read before the redesign, against the baseline of extracting the same page with
 * the repaired profile. Not a test; run it by hand (docs/benchmarks.md, "Profile repair").
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RepairBenchmark {

  private static final Instant SLOT = Instant.parse("2026-11-28T06:00:00Z");
  private static final String KEYWORD = "加厚羽绒服女长款";

  private final HttpClient http = HttpClient.newHttpClient();
  private SandboxMall mall;
  private Case html;
  private Case json;

  /** One repair: the old profile, its text, what it read before, the redesigned page. */
  private record Case(
      SiteProfile old, String text, List<Listing> known, byte[] page, Extractor repaired) {}

  @Setup
  public void setUp() throws Exception {
    mall = SandboxMall.start();
    mall.setTime(SLOT);
    html = repairCase("sandbox-static", this::page);
    json = repairCase("sandbox-spa", this::capture);
  }

  @TearDown
  public void tearDown() {
    mall.close();
  }

  private interface Source {
    byte[] get() throws Exception;
  }

  private Case repairCase(String id, Source source) throws Exception {
    SiteProfile old = SiteProfiles.builtIn(id);
    String text = SiteProfiles.builtInText(id);
    mall.faults().clearAll();
    byte[] before = source.get();
    ResultPage read =
        Extractors.forProfile(old, new ExtractOptions(60))
            .extract(FetchResponse.ofBytes("file:/old", 200, null, before, Duration.ZERO));
    List<Listing> known = KnownListings.parse("ok.json", ProfileTester.json(read));
    mall.faults().redesignAt(SLOT);
    byte[] page = source.get();
    RepairResult result = repair(old, text, known, page);
    if (result.outcome() != RepairResult.Outcome.REPAIRED) {
      throw new IllegalStateException(id + ": " + result.outcome() + " " + result.unrepaired());
    }
    Extractor repaired =
        Extractors.forProfile(SiteProfiles.parse(id, result.newText()), new ExtractOptions(60));
    return new Case(old, text, known, page, repaired);
  }

  private static RepairResult repair(
      SiteProfile old, String text, List<Listing> known, byte[] page) {
    return ProfileRepair.repair(
        old, text, "file:/new-page", page, known, ApplicationDefaults.repair());
  }

  @Benchmark
  public RepairResult repairHtml60Cards() {
    return repair(html.old(), html.text(), html.known(), html.page());
  }

  @Benchmark
  public ResultPage extractHtml60CardsBaseline() {
    return html.repaired()
        .extract(FetchResponse.ofBytes("file:/new-page", 200, null, html.page(), Duration.ZERO));
  }

  @Benchmark
  public RepairResult repairJson60Cards() {
    return repair(json.old(), json.text(), json.known(), json.page());
  }

  @Benchmark
  public ResultPage extractJson60CardsBaseline() {
    return json.repaired()
        .extract(FetchResponse.ofBytes("file:/new-page", 200, null, json.page(), Duration.ZERO));
  }

  private byte[] page() throws IOException, InterruptedException {
    return get(mall.searchUrl(KEYWORD));
  }

  private byte[] capture() throws IOException, InterruptedException {
    StringBuilder doc =
        new StringBuilder("{\"url\":\"" + mall.spaUrl(KEYWORD) + "\",\"responses\":[");
    String api =
        mall.baseUrl()
            + "/api/search?keyword="
            + URLEncoder.encode(KEYWORD, StandardCharsets.UTF_8);
    for (int cursor = 0; cursor < 60; cursor += 20) {
      doc.append(cursor == 0 ? "" : ",")
          .append(new String(get(api + "&cursor=" + cursor + "&count=20"), StandardCharsets.UTF_8));
    }
    return doc.append("]}").toString().getBytes(StandardCharsets.UTF_8);
  }

  private byte[] get(String url) throws IOException, InterruptedException {
    return http.send(
            HttpRequest.newBuilder(URI.create(url)).build(),
            HttpResponse.BodyHandlers.ofByteArray())
        .body();
  }

  public static void main(String[] args) throws RunnerException {
    new Runner(new OptionsBuilder().include(RepairBenchmark.class.getSimpleName()).build()).run();
  }
}
