package com.mallrank.crawler.bench;

import com.mallrank.crawler.fetch.FetchResponse;
import com.mallrank.crawler.model.ResultPage;
import com.mallrank.crawler.parse.ExtractOptions;
import com.mallrank.crawler.parse.Extractor;
import com.mallrank.crawler.parse.Extractors;
import com.mallrank.crawler.profile.ProfileException;
import com.mallrank.crawler.profile.SiteProfile;
import com.mallrank.crawler.profile.SiteProfiles;
import com.mallrank.crawler.testing.SlowProfiles;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * What hostile values cost now that they are bounded: a JSON price or product id {@code
 * 1e999999999} (before: out of memory), a price of 4,000,000 digits as JSON string and as HTML text
 * (before: minutes of {@code BigDecimal} work), a 600-character product id, a field regex that
 * backtracks polynomially on 41-character cards (stopped by the step budget), and the profile
 * loader refusing {@code (.*a){25}x} (before: accepted, then a sample hung). {@link #main} first
 * prints the status and evidence each case gets, then runs JMH. Not a test; see docs/benchmarks.md,
 * "Hostile values", for the command.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class HostileValuesBenchmark {

  private static final String API_PROFILE =
      """
      id: api
      mode: json
      search:
        url-template: "https://api.example.test/s?q={keyword}"
      items: data.list
      fields:
        product-id: product_id
        shop-id: shop_id
        title: title
        price:
          path: price
          unit: fen
      """;

  /** Accepted by the loader (no nested repeat) but O(n^8) backtracking without a match. */
  static final String BACKTRACKING_REGEX = ".*.*.*.*.*.*.*.*(x)y";

  /** Refused by the loader: exponential backtracking. */
  static final String CATASTROPHIC_REGEX = "(.*a){25}x";

  private Extractor api;
  private Extractor slowTitle;
  private Extractor slowProductId;
  private FetchResponse priceExponent;
  private FetchResponse idExponent;
  private FetchResponse jsonHugePrice;
  private FetchResponse htmlHugePrice;
  private FetchResponse longId;
  private FetchResponse backtrackingCards;
  private Extractor sandbox;

  @Setup
  public void setUp() {
    api =
        Extractors.forProfile(SiteProfiles.parse("api.yml", API_PROFILE), ExtractOptions.depth(20));
    sandbox =
        Extractors.forProfile(SiteProfiles.builtIn("sandbox-static"), ExtractOptions.depth(20));
    slowTitle =
        Extractors.forProfile(
            slowProfile(
                "title:\n    select: .title\n    regex: '" + BACKTRACKING_REGEX + "'",
                "product-id: {attr: data-id}"),
            ExtractOptions.depth(20));
    slowProductId =
        Extractors.forProfile(
            slowProfile(
                "product-id:\n    attr: data-title\n    regex: '" + BACKTRACKING_REGEX + "'",
                "title: {select: .title}"),
            ExtractOptions.depth(20));
    priceExponent = json(20, 0, "\"1\"", "1e999999999");
    idExponent = json(20, 19, "1e999999999", "2990");
    jsonHugePrice = json(20, 0, "\"1\"", "\"" + "9".repeat(4_000_000) + "\"");
    longId = json(20, 19, "\"" + "7".repeat(600) + "\"", "2990");
    htmlHugePrice = htmlPrice("9".repeat(4_000_000));
    backtrackingCards = backtrackingCards();
  }

  private static SiteProfile slowProfile(String slowField, String otherField) {
    return SlowProfiles.withFields(slowField, otherField);
  }

  /** 20 cards; card {@code hostile} (0-based) gets the hostile id or price. */
  private static FetchResponse json(int cards, int hostile, String id, String price) {
    StringBuilder body = new StringBuilder("{\"data\":{\"list\":[");
    for (int i = 0; i < cards; i++) {
      body.append(i == 0 ? "" : ",")
          .append("{\"product_id\":")
          .append(i == hostile ? id : "\"" + (3698000000000000000L + i) + "\"")
          .append(",\"shop_id\":\"7\",\"title\":\"t")
          .append(i)
          .append("\",\"price\":")
          .append(i == hostile ? price : "2990")
          .append('}');
    }
    body.append("]}}");
    return new FetchResponse(
        "https://api.example.test/s", 200, null, body.toString(), null, Duration.ZERO);
  }

  private static FetchResponse htmlPrice(String price) {
    StringBuilder html = new StringBuilder("<div id=search-root><ul class=result-grid>");
    for (int i = 0; i < 20; i++) {
      html.append("<li class=goods-card data-product-id=")
          .append(3698000000000000000L + i)
          .append("><div class=goods-title>t</div><div class=goods-price><span class=price-num>")
          .append(i == 0 ? price : "29.90")
          .append("</span></div></li>");
    }
    html.append("</ul></div>");
    return new FetchResponse("http://127.0.0.1/s", 200, null, html.toString(), null, Duration.ZERO);
  }

  /** 20 cards whose title (and data-title) is 41 characters without the regex's "xy". */
  private static FetchResponse backtrackingCards() {
    StringBuilder html = new StringBuilder("<ul>");
    for (int i = 0; i < 20; i++) {
      String title = "a".repeat(40) + i % 10;
      html.append("<li class=card data-id=")
          .append(i + 1)
          .append(" data-title=")
          .append(title)
          .append("><p class=title>")
          .append(title)
          .append("</p></li>");
    }
    html.append("</ul>");
    return new FetchResponse("http://127.0.0.1/s", 200, null, html.toString(), null, Duration.ZERO);
  }

  @Benchmark
  public ResultPage jsonPriceExponent() {
    return api.extract(priceExponent);
  }

  @Benchmark
  public ResultPage jsonProductIdExponent() {
    return api.extract(idExponent);
  }

  @Benchmark
  public ResultPage jsonFourMillionDigitPrice() {
    return api.extract(jsonHugePrice);
  }

  @Benchmark
  public ResultPage htmlFourMillionDigitPrice() {
    return sandbox.extract(htmlHugePrice);
  }

  @Benchmark
  public ResultPage jsonProductId600Chars() {
    return api.extract(longId);
  }

  @Benchmark
  public ResultPage backtrackingTitleRegex20Cards() {
    return slowTitle.extract(backtrackingCards);
  }

  @Benchmark
  public ResultPage backtrackingProductIdRegex20Cards() {
    return slowProductId.extract(backtrackingCards);
  }

  @Benchmark
  public String loaderRefusesCatastrophicRegex() {
    try {
      slowProfile(
          "title:\n    select: .title\n    regex: '" + CATASTROPHIC_REGEX + "'",
          "product-id: {attr: data-id}");
      throw new IllegalStateException("accepted " + CATASTROPHIC_REGEX);
    } catch (ProfileException e) {
      return e.getMessage();
    }
  }

  /** Prints what each case yields, then runs the benchmarks. */
  public static void main(String[] args) throws RunnerException {
    HostileValuesBenchmark b = new HostileValuesBenchmark();
    b.setUp();
    Map<String, Supplier<ResultPage>> cases = new LinkedHashMap<>();
    cases.put("jsonPriceExponent", b::jsonPriceExponent);
    cases.put("jsonProductIdExponent", b::jsonProductIdExponent);
    cases.put("jsonFourMillionDigitPrice", b::jsonFourMillionDigitPrice);
    cases.put("htmlFourMillionDigitPrice", b::htmlFourMillionDigitPrice);
    cases.put("jsonProductId600Chars", b::jsonProductId600Chars);
    cases.put("backtrackingTitleRegex20Cards", b::backtrackingTitleRegex20Cards);
    cases.put("backtrackingProductIdRegex20Cards", b::backtrackingProductIdRegex20Cards);
    for (Map.Entry<String, Supplier<ResultPage>> c : cases.entrySet()) {
      ResultPage page = c.getValue().get();
      System.out.println(
          c.getKey()
              + " -> "
              + page.status().code()
              + ", "
              + page.listings().size()
              + " listings: "
              + page.evidence().detail());
    }
    System.out.println("loaderRefusesCatastrophicRegex -> " + b.loaderRefusesCatastrophicRegex());
    new Runner(new OptionsBuilder().include(HostileValuesBenchmark.class.getSimpleName()).build())
        .run();
  }
}
