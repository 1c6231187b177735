package com.mallrank.batch.sample;

import static org.assertj.core.api.Assertions.assertThat;

import com.mallrank.batch.demo.SandboxRuntime;
import com.mallrank.batch.runtime.ElasticsearchRuntime;
import com.mallrank.batch.testing.MallrankIT;
import com.mallrank.crawler.net.RecordingProxy;
import com.mallrank.crawler.sandbox.SandboxMall.Served;
import com.mallrank.index.report.KeywordTop20;
import com.mallrank.index.report.Reports;
import com.mallrank.index.report.Top20Report;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Per-identity network (issue 10 item 2) end to end: a slot sampled by three vantages, each with
 * its own proxy from the plan. Two local recording proxies see exactly their own identity's
 * requests; the third identity's proxy is dead, so its samples are {@code error} with the proxy
 * named, and the mall received nothing for it (every request the mall served came through one of
 * the two proxies: nothing went direct).
 */
@MallrankIT(properties = "batch.threads=1")
class IdentityProxyJobIT {

  private static final Instant SLOT = Instant.parse("2026-11-28T06:00:00Z");
  private static final List<String> KEYWORDS = List.of("加厚羽绒服女长款", "高领毛衣女内搭");
  private static final RecordingProxy PROXY_A = start();
  private static final RecordingProxy PROXY_B = start();
  private static final int DEAD_PORT = deadPort();

  private static RecordingProxy start() {
    try {
      return RecordingProxy.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int deadPort() {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) throws IOException {
    Path plan = Files.createTempFile("idproxy-plan", ".yml");
    plan.toFile().deleteOnExit();
    Files.writeString(
        plan,
        """
        anonymous:
          proxy: %s
        accounts:
          - id: mx-hangzhou
            shop-ids: ["7201283738326735002"]
            proxy: %s
            device: iPhone 13
          - id: mx-yiwu
            shop-ids: ["7276133299620037403"]
            proxy: http://127.0.0.1:%d
        groups:
          - name: core
            profile: sandbox-static
            depth: 20
            vantages: [anonymous, mx-hangzhou, mx-yiwu]
            keywords: [%s]
        """
            .formatted(PROXY_A.url(), PROXY_B.url(), DEAD_PORT, String.join(", ", KEYWORDS)));
    registry.add("batch.plan", plan::toString);
  }

  @Autowired SampleLauncher launcher;
  @Autowired SandboxRuntime sandbox;
  @Autowired ElasticsearchRuntime elasticsearch;

  @AfterAll
  static void stopProxies() {
    PROXY_A.close();
    PROXY_B.close();
  }

  @Test
  void eachIdentityGoesOnlyThroughItsOwnProxyAndADeadProxyIsAnErrorNeverADirectFetch() {
    sandbox.mall().setTime(SLOT);
    long before = sandbox.mall().served(Served.SEARCH_PAGES);

    assertThat(launcher.launch("core", SLOT).getStatus()).isEqualTo(BatchStatus.COMPLETED);

    assertThat(statuses("anonymous")).containsExactly("ok/null", "ok/null");
    assertThat(statuses("mx-hangzhou")).containsExactly("ok/null", "ok/null");
    assertThat(statuses("mx-yiwu")).containsExactly("error/null", "error/null");
    assertThat(details("mx-yiwu"))
        .allSatisfy(
            d -> assertThat(d).contains("proxy http://127.0.0.1:" + DEAD_PORT + " unreachable"));
    assertThat(PROXY_A.log())
        .extracting(e -> e.request() + " " + e.identity())
        .containsExactly("GET /search null", "GET /search null");
    assertThat(PROXY_B.log())
        .extracting(e -> e.request() + " " + e.identity())
        .containsExactly("GET /search mx-hangzhou", "GET /search mx-hangzhou");
    assertThat(sandbox.mall().served(Served.SEARCH_PAGES) - before)
        .as("every request the mall served came through the two live proxies")
        .isEqualTo(4);
  }

  /** The detail of each keyword's sample, in plan order. */
  private List<String> details(String vantage) {
    Top20Report report =
        new Reports(elasticsearch.client(), elasticsearch.names()).top20(SLOT, vantage, KEYWORDS);
    List<String> out = new ArrayList<>();
    for (String keyword : KEYWORDS) {
      out.add(String.valueOf(report.keyword(keyword).orElseThrow().sample().detail()));
    }
    return out;
  }

  /** status/marker of each keyword's sample, in plan order. */
  private List<String> statuses(String vantage) {
    Top20Report report =
        new Reports(elasticsearch.client(), elasticsearch.names()).top20(SLOT, vantage, KEYWORDS);
    List<String> out = new ArrayList<>();
    for (String keyword : KEYWORDS) {
      KeywordTop20 top = report.keyword(keyword).orElseThrow();
      out.add(top.status() + "/" + top.sample().marker());
    }
    return out;
  }
}
