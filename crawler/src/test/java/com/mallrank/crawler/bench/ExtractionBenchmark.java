package com.mallrank.crawler.bench;

import com.mallrank.crawler.fetch.FetchResponse;
import com.mallrank.crawler.model.ResultPage;
import com.mallrank.crawler.parse.ExtractOptions;
import com.mallrank.crawler.parse.Extractor;
import com.mallrank.crawler.parse.Extractors;
import com.mallrank.crawler.profile.SiteProfiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
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
 * What the profile engine costs on top of parsing: extraction of the 60-card golden sandbox page
 * against a bare {@code Jsoup.parse} of the same page. Not a test; run it by hand:
 *
 * <pre>
 * ./mvnw -pl crawler test-compile
 * java -cp "crawler/target/test-classes:crawler/target/classes:$(cat cp.txt)" \
 *     com.mallrank.crawler.bench.ExtractionBenchmark
 * </pre>
 *
 * (with {@code cp.txt} from {@code ./mvnw -pl crawler dependency:build-classpath
 * -Dmdep.outputFile=../cp.txt}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ExtractionBenchmark {

  private static final String PAGE = "/pages/sandbox-static/202611/ok-60-ads.html";

  private String html;
  private FetchResponse response;
  private Extractor extractor;

  @Setup
  public void setUp() throws IOException {
    try (InputStream in = ExtractionBenchmark.class.getResourceAsStream(PAGE)) {
      if (in == null) {
        throw new IllegalStateException(PAGE + " not on the classpath");
      }
      html = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    response =
        new FetchResponse("http://127.0.0.1/search", 200, "text/html", html, null, Duration.ZERO);
    extractor =
        Extractors.forProfile(SiteProfiles.builtIn("sandbox-static"), ExtractOptions.depth(60));
  }

  @Benchmark
  public Document bareJsoupParse() {
    return Jsoup.parse(html, "http://127.0.0.1/search");
  }

  @Benchmark
  public ResultPage extract60Cards() {
    return extractor.extract(response);
  }

  public static void main(String[] args) throws RunnerException {
    new Runner(new OptionsBuilder().include(ExtractionBenchmark.class.getSimpleName()).build())
        .run();
  }
}
