package com.mallrank.crawler.bench;

import com.mallrank.crawler.fetch.FetchRequest;
import com.mallrank.crawler.fetch.FetchResponse;
import com.mallrank.crawler.fetch.JsoupFetcher;
import com.mallrank.crawler.politeness.AddressGuard;
import com.mallrank.crawler.politeness.Gate;
import com.mallrank.crawler.testing.ApplicationDefaults;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jsoup.Connection;
import org.jsoup.Jsoup;
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
 * What the guarded way out costs a static fetch: the 60-card golden sandbox page from a loopback
 * server, through {@link JsoupFetcher} (gate, the identity's pooled OkHttp client whose name lookup
 * and sockets the address guard decides, redirects by hand, body bound) against a bare {@code
 * Jsoup.connect} to the same URL (keep-alive, no guard). Not a test; see docs/benchmarks.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class GuardedFetchBenchmark {

  private static final String PAGE = "/pages/sandbox-static/202611/ok-60-ads.html";

  private HttpServer server;
  private String url;
  private JsoupFetcher fetcher;
  private Gate gate;

  @Setup
  public void setUp() throws IOException {
    byte[] html;
    try (InputStream in = GuardedFetchBenchmark.class.getResourceAsStream(PAGE)) {
      html = in.readAllBytes();
    }
    // TCP_NODELAY on the server, as real sites and the sandbox mall have it: without it the JDK
    // server's last small segment waits for the client's delayed ACK (~40 ms a fetch on a
    // kept-alive
    // connection), which measures Nagle, not the fetcher
    System.setProperty("sun.net.httpserver.nodelay", "true");
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        ex -> {
          ex.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
          ex.sendResponseHeaders(200, html.length);
          try (OutputStream out = ex.getResponseBody()) {
            out.write(html);
          }
        });
    server.start();
    url = "http://127.0.0.1:" + server.getAddress().getPort() + "/search?keyword=x";
    fetcher = new JsoupFetcher(ApplicationDefaults.jsoup());
    gate = Gate.unpaced(new AddressGuard(List.of("127.0.0.1"), true));
  }

  @TearDown
  public void tearDown() {
    server.stop(0);
  }

  @Benchmark
  public Connection.Response bareJsoupConnect() throws IOException {
    Connection.Response response = Jsoup.connect(url).ignoreContentType(true).execute();
    response.bodyAsBytes();
    return response;
  }

  @Benchmark
  public FetchResponse guardedFetch() throws Exception {
    return fetcher.fetch(FetchRequest.anonymous(URI.create(url), gate));
  }

  public static void main(String[] args) throws RunnerException {
    new Runner(new OptionsBuilder().include(GuardedFetchBenchmark.class.getSimpleName()).build())
        .run();
  }
}
