package com.mallrank.batch.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import com.mallrank.batch.demo.SandboxRuntime;
import com.mallrank.batch.runtime.ElasticsearchRuntime;
import com.mallrank.batch.testing.MallrankIT;
import com.mallrank.crawler.sandbox.SandboxMall.Served;
import com.mallrank.index.document.ListingDocument;
import com.mallrank.index.document.SampleDocument;
import com.mallrank.index.report.KeywordTop20;
import com.mallrank.index.report.Reports;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The overwrite case of issue 8 on the sandbox mall and the real Elasticsearch: (a) two groups with
 * DIFFERENT profiles (sandbox-static and the Chromium-rendered sandbox-spa) sampling the same
 * keyword and vantage in one slot store both results; (b) two groups with the SAME profile share
 * one fetch (counted at the mall) and the stored sample records both groups.
 */
@MallrankIT(properties = "batch.threads=1")
class SurfaceIdentityIT {

  private static final Instant SLOT_A = Instant.parse("2026-11-28T06:00:00Z");
  private static final Instant SLOT_B = Instant.parse("2026-11-28T07:00:00Z");
  private static final String DOWN = "加厚羽绒服女长款";
  private static final String SWEATER = "高领毛衣女内搭";
  private static final String EARPHONES = "无线蓝牙耳机降噪";

  private static final String PLAN =
      """
      accounts: []
      groups:
        - name: static-a
          profile: sandbox-static
          depth: 20
          vantages: [anonymous]
          keywords: [%1$s, %2$s]
        - name: spa-a
          profile: sandbox-spa
          depth: 20
          vantages: [anonymous]
          keywords: [%1$s]
        - name: static-b
          profile: sandbox-static
          depth: 20
          vantages: [anonymous]
          keywords: [%2$s, %3$s]
      """
          .formatted(DOWN, SWEATER, EARPHONES);

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    Path plan;
    try {
      plan = Files.createTempFile("surface-plan", ".yml");
      Files.writeString(plan, PLAN);
      plan.toFile().deleteOnExit();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    registry.add("batch.plan", plan::toString);
  }

  @Autowired SampleLauncher launcher;
  @Autowired SandboxRuntime sandbox;
  @Autowired ElasticsearchRuntime elasticsearch;

  private Reports reports() {
    return new Reports(elasticsearch.client(), elasticsearch.names());
  }

  @Test
  void twoProfilesSamplingTheSameKeywordAndVantageInOneSlotStoreAndReportBoth() {
    sandbox.mall().setTime(SLOT_A);
    int shown = Math.min(20, sandbox.mall().world().results(DOWN, SLOT_A, "anonymous").size());

    assertThat(launcher.launch("static-a", SLOT_A).getStatus()).isEqualTo(BatchStatus.COMPLETED);
    assertThat(launcher.launch("spa-a", SLOT_A).getStatus()).isEqualTo(BatchStatus.COMPLETED);

    // nothing replaced: one sample per profile, each with its own listings
    assertThat(reports().counts(SLOT_A).samples()).isEqualTo(3);
    assertThat(reports().onProfile("sandbox-static").listingCount(SLOT_A, DOWN, "anonymous"))
        .isEqualTo(shown);
    assertThat(reports().onProfile("sandbox-spa").listingCount(SLOT_A, DOWN, "anonymous"))
        .isEqualTo(shown);
    assertThat(reports().counts(SLOT_A).listings()).isEqualTo(3L * shown);
    // and both are reported: the Top-20 has one entry per profile for the keyword
    var report =
        new Reports(elasticsearch.client(), elasticsearch.names())
            .top20(SLOT_A, "anonymous", List.of(DOWN));
    assertThat(report.keywords())
        .extracting(k -> k.sample().profile(), KeywordTop20::status, k -> k.listings().size())
        .containsExactly(tuple("sandbox-spa", "ok", shown), tuple("sandbox-static", "ok", shown));
    List<String> truth =
        sandbox.mall().world().results(DOWN, SLOT_A, "anonymous").stream()
            .filter(c -> c.position() <= 20)
            .map(c -> c.productId())
            .toList();
    for (KeywordTop20 keyword : report.keywords()) {
      assertThat(keyword.listings())
          .extracting(ListingDocument::productId)
          .as(keyword.sample().profile())
          .containsExactlyElementsOf(truth);
    }
  }

  @Test
  void twoGroupsOfTheSameProfileShareOneFetchAndBothSeeIt() throws IOException {
    sandbox.mall().setTime(SLOT_B);
    long before = sandbox.mall().served(Served.SEARCH_PAGES);
    assertThat(launcher.launch("static-a", SLOT_B).getStatus()).isEqualTo(BatchStatus.COMPLETED);
    long firstGroup = sandbox.mall().served(Served.SEARCH_PAGES) - before;
    // static-b: the sweater keyword is served by static-a's fetch, only the earphones are fetched
    assertThat(launcher.launch("static-b", SLOT_B).getStatus()).isEqualTo(BatchStatus.COMPLETED);
    long secondGroup = sandbox.mall().served(Served.SEARCH_PAGES) - before - firstGroup;

    assertThat(firstGroup).isEqualTo(2); // two keywords, one page each at depth 20
    assertThat(secondGroup).isEqualTo(1); // one new keyword; the shared one is not fetched again
    assertThat(reports().counts(SLOT_B).samples()).isEqualTo(3);
    SampleDocument shared =
        elasticsearch
            .client()
            .search(
                s ->
                    s.index(elasticsearch.names().samplesAlias())
                        .query(
                            q ->
                                q.bool(
                                    b ->
                                        b.filter(
                                                f -> f.term(t -> t.field("keyword").value(SWEATER)))
                                            .filter(
                                                f ->
                                                    f.term(
                                                        t ->
                                                            t.field("slot")
                                                                .value(SLOT_B.toString()))))),
                SampleDocument.class)
            .hits()
            .hits()
            .get(0)
            .source();
    assertThat(shared.group()).containsExactly("static-a", "static-b");
    // a report filtering by either group finds it
    for (String group : List.of("static-a", "static-b")) {
      assertThat(samplesOfGroup(group)).as(group).isEqualTo(2);
    }
    var report =
        new Reports(elasticsearch.client(), elasticsearch.names())
            .onProfile("sandbox-static")
            .top20(SLOT_B, "anonymous", List.of(SWEATER, EARPHONES));
    assertThat(report.keywords())
        .extracting(KeywordTop20::keyword, KeywordTop20::status, k -> k.listings().size())
        .containsExactly(tuple(SWEATER, "ok", 20), tuple(EARPHONES, "ok", 20));
  }

  private long samplesOfGroup(String group) {
    Query query =
        Query.of(
            q ->
                q.bool(
                    b ->
                        b.filter(f -> f.term(t -> t.field("group").value(group)))
                            .filter(f -> f.term(t -> t.field("slot").value(SLOT_B.toString())))));
    try {
      return elasticsearch
          .client()
          .count(c -> c.index(elasticsearch.names().samplesAlias()).query(query))
          .count();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
