package com.mallrank.index.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import co.elastic.clients.elasticsearch._types.Refresh;
import com.mallrank.index.changes.ChangeDetector;
import com.mallrank.index.changes.DetectionResult;
import com.mallrank.index.report.Reports;
import com.mallrank.index.report.Top20Report;
import com.mallrank.index.testing.DetectionDefaults;
import com.mallrank.index.testing.Fixtures;
import com.mallrank.index.testing.LocalElasticsearchTest;
import com.mallrank.index.testing.TestIndices;
import com.mallrank.index.write.Snapshot;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Document identity on the real Elasticsearch: ids never exceed the 512-byte {@code _id} limit
 * whatever the keyword and product ids, and two profiles (surfaces) sampling the same keyword and
 * vantage in one slot never overwrite each other.
 */
@LocalElasticsearchTest
class DocumentIdentityIT {

  private static final String ANON = Fixtures.ANONYMOUS;
  private static final Instant T1 = Instant.parse("2026-11-28T14:00:00Z");
  private static final Instant T2 = Instant.parse("2026-11-28T15:00:00Z");

  @Test
  void aFiveThousandCharacterKeywordAndA600CharacterProductIdAreStoredAndDetectedOnRerun(
      TestIndices es) throws IOException {
    es.bootstrap();
    String keyword = "长".repeat(5_000);
    String longProduct = "7".repeat(600);
    for (Instant slot : List.of(T1, T2)) {
      es.writer()
          .write(
              Fixtures.sample(slot, keyword, ANON, "ok", 2),
              List.of(
                  Fixtures.listing(slot, keyword, ANON, 1)
                      .productId(longProduct)
                      .priceFen(slot.equals(T1) ? 9_900L : 8_800L)
                      .build(),
                  Fixtures.listing(slot, keyword, ANON, 2).productId("p2").build()));
    }
    ChangeDetector detector =
        new ChangeDetector(
            es.client(),
            es.names(),
            DetectionDefaults.settings(),
            Clock.fixed(T2.plusSeconds(600), ZoneOffset.UTC),
            Refresh.True);

    DetectionResult first = detector.detect(T2, Fixtures.PROFILE, keyword, ANON);
    DetectionResult again = detector.detect(T2, Fixtures.PROFILE, keyword, ANON);
    // the slot re-sampled (the writer's rerun) keeps the same two listings, nothing stale
    var rewrite =
        es.writer()
            .write(
                Fixtures.sample(T2, keyword, ANON, "ok", 2),
                List.of(
                    Fixtures.listing(T2, keyword, ANON, 1)
                        .productId(longProduct)
                        .priceFen(8_800L)
                        .build(),
                    Fixtures.listing(T2, keyword, ANON, 2).productId("p2").build()));

    assertThat(first).isEqualTo(new DetectionResult(1, 0, 1, 0));
    assertThat(again).isEqualTo(first);
    assertThat(rewrite.staleListingsDeleted()).isZero();
    assertThat(
            new Reports(es.client(), es.names())
                .onProfile(Fixtures.PROFILE)
                .listingCount(T2, keyword, ANON))
        .isEqualTo(2);
    List<ChangeEvent> events =
        es
            .client()
            .search(
                s -> s.index(es.names().changesAlias()).query(q -> q.matchAll(m -> m)),
                ChangeEvent.class)
            .hits()
            .hits()
            .stream()
            .map(h -> h.source())
            .toList();
    assertThat(events)
        .extracting(
            ChangeEvent::kind, ChangeEvent::productId, ChangeEvent::oldValue, ChangeEvent::newValue)
        .containsExactly(tuple("price", longProduct, "9900", "8800"));
    assertThat(events.get(0).keyword()).isEqualTo(keyword);
    assertThat(events.get(0).id())
        .isEqualTo(
            "20261128T1500Z|sandbox-static|anonymous|"
                + DocumentIds.part(keyword)
                + "|price|"
                + DocumentIds.part(longProduct));
  }

  @Test
  void twoProfilesInOneSlotAreTwoSamplesAndBothAreReported(TestIndices es) {
    es.bootstrap();
    String keyword = "加厚羽绒服女长款";
    SampleDocument spa = Fixtures.sample(T1, keyword, ANON, "ok", 2).withProfile("sandbox-spa");
    es.writer()
        .writeAll(
            List.of(
                new Snapshot(
                    Fixtures.sample(T1, keyword, ANON, "ok", 2),
                    List.of(
                        Fixtures.listing(T1, keyword, ANON, 1).productId("s1").build(),
                        Fixtures.listing(T1, keyword, ANON, 2).productId("s2").build()))));
    // the SPA surface sampled after the static one: its own documents, nothing replaced
    es.writer()
        .writeAll(
            List.of(
                new Snapshot(
                    spa,
                    List.of(
                        Fixtures.listing(T1, keyword, ANON, 1).productId("b1").build(),
                        Fixtures.listing(T1, keyword, ANON, 2).productId("b2").build(),
                        Fixtures.listing(T1, keyword, ANON, 3).productId("b3").build()))));

    Reports reports = new Reports(es.client(), es.names());
    assertThat(reports.counts(T1).samples()).isEqualTo(2);
    assertThat(reports.onProfile("sandbox-static").listingCount(T1, keyword, ANON)).isEqualTo(2);
    assertThat(reports.onProfile("sandbox-spa").listingCount(T1, keyword, ANON)).isEqualTo(3);
    Top20Report both = reports.top20(T1, ANON, List.of(keyword));
    assertThat(both.keywords())
        .extracting(k -> k.sample().profile(), k -> k.listings().size())
        .containsExactly(tuple("sandbox-spa", 3), tuple("sandbox-static", 2));
    Top20Report staticOnly = reports.onProfile("sandbox-static").top20(T1, ANON, List.of(keyword));
    assertThat(staticOnly.keywords().get(0).listings())
        .extracting(l -> l.productId())
        .containsExactly("s1", "s2");
  }
}
