package com.mallrank.batch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.mallrank.batch.alert.LayoutChangedRule;
import com.mallrank.batch.alert.Receiver;
import com.mallrank.batch.demo.SandboxRuntime;
import com.mallrank.batch.runtime.ElasticsearchRuntime;
import com.mallrank.batch.sample.SampleLauncher;
import com.mallrank.batch.testing.InContextCommand;
import com.mallrank.batch.testing.MallrankIT;
import com.mallrank.crawler.fetch.FetchResponse;
import com.mallrank.crawler.model.Listing;
import com.mallrank.crawler.model.ResultPage;
import com.mallrank.crawler.model.SampleStatus;
import com.mallrank.crawler.parse.ExtractOptions;
import com.mallrank.crawler.parse.Extractors;
import com.mallrank.crawler.profile.SiteProfiles;
import com.mallrank.crawler.sandbox.SandboxCard;
import com.mallrank.index.document.ListingDocument;
import com.mallrank.index.document.SampleDocument;
import com.mallrank.index.report.KeywordTop20;
import com.mallrank.index.report.Reports;
import com.mallrank.index.write.StoredSamples;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue 18 end to end on the sandbox mall, the real Elasticsearch and a webhook receiver: slots
 * sampled ok, then the mall redesigns its page at a set hour; that slot's samples are {@code
 * layout_changed} with their evidence kept, the health report and the alert say a repair proposal
 * is available and give the command; {@code profile repair} run from the store (the failed sample's
 * evidence and the last ok sample's listings) installs the fixed profile, and the next slot is ok
 * with exactly the sandbox world's ranks and values.
 */
@MallrankIT(
    plan = "",
    properties = {"batch.threads=1", "alerts.enabled=true", "alerts.retry.max-attempts=1"})
class LayoutDriftIT {

  private static final Instant BEFORE = Instant.parse("2026-11-25T06:00:00Z");
  private static final Instant REDESIGN = BEFORE.plus(Duration.ofHours(1));
  private static final Instant AFTER = REDESIGN.plus(Duration.ofHours(1));
  private static final List<String> KEYWORDS = List.of("加厚羽绒服女长款", "高领毛衣女内搭");
  private static final List<String> VANTAGES = List.of("anonymous", "mx-hangzhou");
  private static final Receiver RECEIVER = receiver();
  private static final Path DIR = tempDir();

  private static Receiver receiver() {
    try {
      return new Receiver(Receiver.Answer.ok(""));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path tempDir() {
    try {
      return Files.createTempDirectory("mallrank-drift-it");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) throws IOException {
    Path plan = DIR.resolve("plan.yml");
    Files.writeString(
        plan,
        """
        accounts:
          - id: mx-hangzhou
            name: 杭州女装矩阵
            shop-ids: ["7201283738326735002", "7248426065663006050", "7225199411804008832"]
        groups:
          - name: drift
            profile: sandbox-static
            depth: 60
            vantages: [anonymous, mx-hangzhou]
            keywords: [%s]
        """
            .formatted(String.join(", ", KEYWORDS)));
    registry.add("batch.plan", plan::toString);
    registry.add("crawler.evidence.dir", () -> DIR.resolve("evidence").toString());
    registry.add("crawler.profiles-dir", () -> DIR.resolve("profiles").toString());
    registry.add("alerts.webhooks[0].name", () -> "ops");
    registry.add("alerts.webhooks[0].type", () -> "json");
    registry.add("alerts.webhooks[0].url", () -> RECEIVER.url("/hook"));
  }

  @Autowired SampleLauncher launcher;
  @Autowired SandboxRuntime sandbox;
  @Autowired ElasticsearchRuntime elasticsearch;
  @Autowired ApplicationContext context;

  @AfterEach
  void clearFaults() {
    sandbox.mall().faults().clearAll();
  }

  @AfterAll
  static void stopReceiver() {
    RECEIVER.close();
  }

  @Test
  void aRedesignIsRepairedFromTheStoreAndTheNextSlotRanksExactly() throws Exception {
    // ok samples before the redesign
    sample(BEFORE);
    for (String keyword : KEYWORDS) {
      for (String vantage : VANTAGES) {
        assertThat(sample(BEFORE, keyword, vantage).status()).isEqualTo("ok");
      }
    }

    // the mall releases its redesign at a set hour: layout_changed, evidence kept
    sandbox.mall().faults().redesignAt(REDESIGN);
    sample(REDESIGN);
    for (String keyword : KEYWORDS) {
      for (String vantage : VANTAGES) {
        SampleDocument changed = sample(REDESIGN, keyword, vantage);
        assertThat(changed.status()).as(keyword + " @ " + vantage).isEqualTo("layout_changed");
        assertThat(changed.detail())
            .isEqualTo("no cards: '#search-root ul.result-grid > li.goods-card' matched nothing");
        assertThat(Files.readString(Path.of(changed.evidencePath())))
            .contains("<article class=\"pd-card\"");
      }
    }

    // the health report and the alert: a repair proposal is available, with its command
    String health =
        InContextCommand.run(
            context, "report", "health", "--from", BEFORE.toString(), "--to", REDESIGN.toString());
    assertThat(health)
        .contains("版面变化 layout changes (profile repair)")
        .contains(
            "repair proposal available: mallrank profile repair --profile sandbox-static"
                + " --keyword 加厚羽绒服女长款")
        .contains(
            "repair proposal available: mallrank profile repair --profile sandbox-static"
                + " --keyword 高领毛衣女内搭");
    assertThat(layoutAlerts())
        .containsExactly(
            "版面变化：sandbox-static 2 个关键词 layout_changed（4 个样本） · layout_changed|sandbox-static||profile:sandbox-static"
                + " · 关键词：加厚羽绒服女长款、高领毛衣女内搭；可生成修复方案 (repair proposal available)：mallrank profile"
                + " repair --profile sandbox-static --keyword 加厚羽绒服女长款，检查差异后加 --write 安装");

    // the repair, from the store, installed over the built-in
    String repair =
        InContextCommand.run(
            context,
            "profile",
            "repair",
            "--profile",
            "sandbox-static",
            "--keyword",
            "加厚羽绒服女长款",
            "--write");
    Path installed = DIR.resolve("profiles").resolve("sandbox-static.yml");
    assertThat(repair)
        .contains("from: evidence " + DIR.resolve("evidence"))
        .contains("(anonymous, slot 20261125T0700Z), known: the 60 listings of slot 20261125T0600Z")
        .contains(
            "-  select: \"#search-root ul.result-grid > li.goods-card\"\n+  select: .pd-card\n")
        .contains("installed: " + installed + " (overrides the built-in sandbox-static)");
    assertThat(DIR.resolve("sandbox-static.repaired.yml")).doesNotExist();

    // the repaired profile reads the kept evidence exactly as the world was then
    SampleDocument kept = sample(REDESIGN, "高领毛衣女内搭", "mx-hangzhou");
    ResultPage reread =
        Extractors.forProfile(SiteProfiles.load(installed), new ExtractOptions(60))
            .extract(
                FetchResponse.ofBytes(
                    kept.url(),
                    200,
                    null,
                    Files.readAllBytes(Path.of(kept.evidencePath())),
                    Duration.ZERO));
    assertThat(reread.status()).isEqualTo(SampleStatus.OK);
    assertThat(reread.listings())
        .extracting(Listing::productId)
        .containsExactlyElementsOf(ids(truth("高领毛衣女内搭", REDESIGN, "mx-hangzhou")));

    // the next slot is ok, with exactly the world's ranks and values
    sample(AFTER);
    Reports reports =
        new Reports(elasticsearch.client(), elasticsearch.names()).onProfile("sandbox-static");
    for (String vantage : VANTAGES) {
      for (KeywordTop20 top : reports.top20(AFTER, vantage, KEYWORDS).keywords()) {
        assertThat(top.status()).as(top.keyword() + " @ " + vantage).isEqualTo("ok");
        assertThat(reports.listingCount(AFTER, top.keyword(), vantage)).isEqualTo(60);
        List<SandboxCard> truth = truth(top.keyword(), AFTER, vantage).subList(0, 20);
        assertThat(top.listings()).hasSize(20);
        for (int i = 0; i < 20; i++) {
          ListingDocument got = top.listings().get(i);
          SandboxCard want = truth.get(i);
          String card = top.keyword() + " @ " + vantage + " #" + (i + 1);
          assertThat(got.position()).as(card).isEqualTo(want.position());
          assertThat(got.organicRank()).as(card).isEqualTo(want.organicRank());
          assertThat(got.sponsored()).as(card).isEqualTo(want.sponsored());
          assertThat(got.productId()).as(card).isEqualTo(want.productId());
          assertThat(got.title()).as(card).isEqualTo(want.title());
          assertThat(got.shopId()).as(card).isEqualTo(want.shopId());
          assertThat(got.shopName()).as(card).isEqualTo(want.shopName());
          assertThat(got.priceFen())
              .as(card)
              .isEqualTo(want.price().movePointRight(2).longValueExact());
          assertThat(got.commissionBp())
              .as(card)
              .isEqualTo(want.commissionRate().movePointRight(2).intValueExact());
          assertThat(got.salesLabel()).as(card).isEqualTo(want.salesLabel());
          assertThat(got.imageKey())
              .as(card)
              .endsWith("/obj/ecom-shop-material/" + want.imageKey());
          // the plan declares mx-hangzhou only: its listings are marked, every other is a
          // competitor
          assertThat(got.matrixAccount())
              .as(card)
              .isEqualTo("mx-hangzhou".equals(want.matrixAccount()) ? "mx-hangzhou" : null);
        }
      }
    }
  }

  private void sample(Instant slot) {
    sandbox.mall().setTime(slot);
    assertThat(launcher.launch("drift", slot).getStatus()).isEqualTo(BatchStatus.COMPLETED);
  }

  private SampleDocument sample(Instant slot, String keyword, String vantage) {
    return new StoredSamples(elasticsearch.client(), elasticsearch.names())
        .find(slot, "sandbox-static", keyword, vantage)
        .orElseThrow();
  }

  private List<SandboxCard> truth(String keyword, Instant slot, String vantage) {
    return sandbox.mall().world().results(keyword, slot, vantage).subList(0, 60);
  }

  private static List<String> ids(List<SandboxCard> cards) {
    return cards.stream().map(SandboxCard::productId).toList();
  }

  /** summary · dedupe key · detail of every layout_changed alert the receiver got. */
  private static List<String> layoutAlerts() throws IOException {
    List<String> out = new ArrayList<>();
    for (JsonNode alert : RECEIVER.alerts(LayoutChangedRule.ID)) {
      out.add(
          alert.path("summary").asText()
              + " · "
              + alert.path("dedupe_key").asText()
              + " · "
              + alert.path("detail").asText());
    }
    return out;
  }
}
