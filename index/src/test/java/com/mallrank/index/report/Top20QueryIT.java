package com.mallrank.index.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.mallrank.index.document.ListingDocument;
import com.mallrank.index.testing.Fixtures;
import com.mallrank.index.testing.LocalElasticsearchTest;
import com.mallrank.index.testing.TestIndices;
import com.mallrank.index.write.Snapshot;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@LocalElasticsearchTest
class Top20QueryIT {

  private static final Instant SLOT = Instant.parse("2026-11-28T14:00:00Z");
  private static final String ANON = Fixtures.ANONYMOUS;

  private Reports query;

  @BeforeEach
  void writeOneSlot(TestIndices es) {
    es.bootstrap();
    es.writer()
        .writeAll(
            List.of(
                Fixtures.snapshot(SLOT, "羽绒服女", ANON, "ok", 30),
                Fixtures.snapshot(SLOT, "加绒卫衣", ANON, "partial", 12),
                Fixtures.snapshot(SLOT, "雪地靴", ANON, "blocked", 0),
                Fixtures.snapshot(SLOT, "围巾", ANON, "empty", 0),
                // another vantage and the next slot must not leak into the report
                new Snapshot(
                    Fixtures.sample(SLOT, "羽绒服女", "acct-1", "ok", 5),
                    List.of(Fixtures.listing(SLOT, "羽绒服女", "acct-1", 1).productId("mine").build())),
                new Snapshot(
                    Fixtures.sample(SLOT.plusSeconds(3600), "羽绒服女", ANON, "ok", 3),
                    Fixtures.listings(SLOT.plusSeconds(3600), "羽绒服女", ANON, 3))));
    query = new Reports(es.client(), es.names());
  }

  @Test
  void anOkSampleGivesExactlyPositionsOneToTwenty() {
    KeywordTop20 top = query.top20(SLOT, ANON, List.of("羽绒服女")).keyword("羽绒服女").orElseThrow();

    assertThat(top.status()).isEqualTo("ok");
    assertThat(top.ranked()).isTrue();
    assertThat(top.listings())
        .extracting(ListingDocument::position)
        .containsExactlyElementsOf(IntStream.rangeClosed(1, 20).boxed().toList());
    assertThat(top.listings())
        .extracting(ListingDocument::productId)
        .containsExactlyElementsOf(IntStream.rangeClosed(1, 20).mapToObj(i -> "p" + i).toList());
    assertThat(top.listings()).allMatch(l -> l.slot().equals(SLOT) && l.vantage().equals(ANON));
  }

  @Test
  void aSampleThatProducesNoRanksGetsItsStatusAndNoRows() {
    Top20Report report = query.top20(SLOT, ANON, List.of("雪地靴", "围巾", "没采过", "加绒卫衣"));

    assertThat(report.keywords())
        .extracting(KeywordTop20::keyword, KeywordTop20::status, k -> k.listings().size())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("雪地靴", "blocked", 0),
            org.assertj.core.groups.Tuple.tuple("围巾", "empty", 0),
            org.assertj.core.groups.Tuple.tuple("没采过", KeywordTop20.STATUS_MISSING, 0),
            org.assertj.core.groups.Tuple.tuple("加绒卫衣", "partial", 12));
    assertThat(report.keyword("雪地靴").orElseThrow().ranked()).isFalse();
  }

  @Test
  void withoutKeywordsEveryKeywordSampledFromTheVantageIsReportedSorted() {
    Top20Report report = query.top20(SLOT, ANON, null);

    assertThat(report.keywords())
        .extracting(KeywordTop20::keyword)
        .containsExactlyElementsOf(List.of("加绒卫衣", "围巾", "羽绒服女", "雪地靴").stream().sorted().toList());
    assertThat(query.top20(SLOT, "acct-1", List.of()).keywords())
        .singleElement()
        .satisfies(
            k ->
                assertThat(k.listings())
                    .extracting(ListingDocument::productId)
                    .containsExactly("mine"));
  }

  @Test
  void aSlotWithoutDataReportsMissingKeywords() {
    Top20Report report = query.top20(SLOT.minusSeconds(3600), ANON, List.of("羽绒服女"));

    assertThat(report.keyword("羽绒服女").orElseThrow().status())
        .isEqualTo(KeywordTop20.STATUS_MISSING);
    assertThat(query.top20(SLOT.minusSeconds(3600), ANON, null).keywords()).isEmpty();
  }

  @Test
  void severalVantagesSideBySideGiveEveryKeywordOneViewPerVantageAndMissingWhereNotSampled() {
    Top20VantagesReport report =
        query.top20Vantages(new Top20VantagesQuery(SLOT, null, null)); // every vantage sampled

    assertThat(report.vantages()).containsExactly(ANON, "acct-1");
    assertThat(report.keywords())
        .extracting(Top20VantagesReport.KeywordVantages::keyword)
        .containsExactlyElementsOf(List.of("加绒卫衣", "围巾", "羽绒服女", "雪地靴").stream().sorted().toList());
    Top20VantagesReport.KeywordVantages both =
        report.keywords().stream().filter(k -> k.keyword().equals("羽绒服女")).findFirst().get();
    assertThat(both.profile()).isEqualTo("sandbox-static");
    assertThat(both.views())
        .extracting(KeywordTop20::status, k -> k.listings().size())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("ok", 20),
            org.assertj.core.groups.Tuple.tuple("ok", 1));
    assertThat(both.views().get(1).listings().get(0).productId()).isEqualTo("mine");
    Top20VantagesReport.KeywordVantages blocked =
        report.keywords().stream().filter(k -> k.keyword().equals("雪地靴")).findFirst().get();
    assertThat(blocked.ranked()).isFalse();
    assertThat(blocked.views())
        .extracting(KeywordTop20::status)
        .containsExactly("blocked", KeywordTop20.STATUS_MISSING);

    // named vantages, in the order given: one never sampled is missing everywhere, never empty
    Top20VantagesReport named =
        query.top20Vantages(
            new Top20VantagesQuery(
                SLOT, List.of("acct-1", "acct-2", "acct-1"), List.of("羽绒服女", "没采过")));
    assertThat(named.vantages()).containsExactly("acct-1", "acct-2");
    assertThat(named.keywords())
        .extracting(
            Top20VantagesReport.KeywordVantages::keyword,
            Top20VantagesReport.KeywordVantages::profile,
            k -> k.views().stream().map(KeywordTop20::status).toList())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "羽绒服女", "sandbox-static", List.of("ok", KeywordTop20.STATUS_MISSING)),
            org.assertj.core.groups.Tuple.tuple(
                "没采过", null, List.of(KeywordTop20.STATUS_MISSING, KeywordTop20.STATUS_MISSING)));
    assertThat(query.vantages(SLOT.plusSeconds(3600))).containsExactly(ANON);
    assertThat(query.vantages(SLOT.minusSeconds(3600))).isEmpty();
  }
}
