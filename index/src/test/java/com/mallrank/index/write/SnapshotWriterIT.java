package com.mallrank.index.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.mallrank.index.document.DocumentIds;
import com.mallrank.index.document.ListingDocument;
import com.mallrank.index.report.Reports;
import com.mallrank.index.testing.Fixtures;
import com.mallrank.index.testing.LocalElasticsearchTest;
import com.mallrank.index.testing.TestIndices;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@LocalElasticsearchTest
class SnapshotWriterIT {

  private static final Instant SLOT = Instant.parse("2026-11-28T14:00:00Z");
  private static final String KW = "羽绒服女";
  private static final String ANON = Fixtures.ANONYMOUS;
  private static final String PROFILE = Fixtures.PROFILE;

  private TestIndices es;
  private SnapshotWriter writer;
  private Reports reports;

  @BeforeEach
  void setUp(TestIndices indices) {
    es = indices.bootstrap();
    writer = es.writer();
    reports = new Reports(es.client(), es.names());
  }

  @Test
  void writesTheSampleAndEveryListing() {
    WriteResult result =
        writer.write(
            Fixtures.sample(SLOT, KW, ANON, "ok", 60), Fixtures.listings(SLOT, KW, ANON, 60));

    assertThat(result).isEqualTo(new WriteResult(1, 60, 0));
    assertThat(reports.counts(SLOT).listings()).isEqualTo(60);
    assertThat(reports.counts(SLOT).samples()).isEqualTo(1);
    assertThat(reports.onProfile(PROFILE).listingCount(SLOT, KW, ANON)).isEqualTo(60);
    assertThat(reports.counts(SLOT.plusSeconds(3600)).listings()).isZero();
  }

  @Test
  void rewritingTheSameSlotOverwritesUnderTheSameIds() throws Exception {
    writer.write(Fixtures.sample(SLOT, KW, ANON, "ok", 60), Fixtures.listings(SLOT, KW, ANON, 60));
    List<String> firstIds = listingIds();

    writer.write(Fixtures.sample(SLOT, KW, ANON, "ok", 60), Fixtures.listings(SLOT, KW, ANON, 60));

    assertThat(reports.counts(SLOT).listings()).isEqualTo(60);
    assertThat(reports.counts(SLOT).samples()).isEqualTo(1);
    assertThat(listingIds()).containsExactlyInAnyOrderElementsOf(firstIds).hasSize(60);
    assertThat(firstIds).contains(DocumentIds.listing(SLOT, PROFILE, KW, ANON, 60));
  }

  @Test
  void aRerunWithFewerListingsOrBlockedLeavesNoStaleListings() throws Exception {
    writer.write(Fixtures.sample(SLOT, KW, ANON, "ok", 60), Fixtures.listings(SLOT, KW, ANON, 60));
    writer.write(
        Fixtures.sample(SLOT, "other", ANON, "ok", 5), Fixtures.listings(SLOT, "other", ANON, 5));
    writer.write(
        Fixtures.sample(SLOT, KW, "acct-1", "ok", 5), Fixtures.listings(SLOT, KW, "acct-1", 5));

    WriteResult fewer =
        writer.write(
            Fixtures.sample(SLOT, KW, ANON, "ok", 58), Fixtures.listings(SLOT, KW, ANON, 58));

    assertThat(fewer.staleListingsDeleted()).isEqualTo(2);
    assertThat(reports.onProfile(PROFILE).listingCount(SLOT, KW, ANON)).isEqualTo(58);

    WriteResult blocked = writer.write(Fixtures.sample(SLOT, KW, ANON, "blocked", 0), List.of());

    assertThat(blocked.staleListingsDeleted()).isEqualTo(58);
    assertThat(reports.onProfile(PROFILE).listingCount(SLOT, KW, ANON)).isZero();
    assertThat(reports.counts(SLOT).samples()).isEqualTo(3);
    // other samples of the slot are untouched
    assertThat(reports.onProfile(PROFILE).listingCount(SLOT, "other", ANON)).isEqualTo(5);
    assertThat(reports.onProfile(PROFILE).listingCount(SLOT, KW, "acct-1")).isEqualTo(5);
    var sample =
        es.client()
            .get(
                g ->
                    g.index(es.names().samplesIndex(SLOT))
                        .id(DocumentIds.sample(SLOT, PROFILE, KW, ANON)),
                com.mallrank.index.document.SampleDocument.class)
            .source();
    assertThat(sample.status()).isEqualTo("blocked");
  }

  @Test
  void withoutRefreshAnImmediateRewriteStillDeletesWhatTheFirstRunLeft() throws Exception {
    SnapshotWriter noWait = new SnapshotWriter(es.client(), es.names(), Refresh.False);
    WriteResult first =
        noWait.writeAll(
            List.of(
                Fixtures.snapshot(SLOT, KW, ANON, "ok", 60),
                Fixtures.snapshot(SLOT, "other", ANON, "ok", 5)));
    // at once, before the index's own refresh: the first run is not searchable yet
    WriteResult rewrite =
        noWait.writeAll(
            List.of(
                Fixtures.snapshot(SLOT, KW, ANON, "ok", 57),
                Fixtures.snapshot(SLOT, "new", ANON, "ok", 3)));
    es.client().indices().refresh(r -> r.index(es.names().listingsAlias()));

    assertThat(first).isEqualTo(new WriteResult(2, 65, 0));
    assertThat(rewrite).isEqualTo(new WriteResult(2, 60, 3));
    assertThat(reports.onProfile(PROFILE).listingCount(SLOT, KW, ANON)).isEqualTo(57);
    assertThat(reports.onProfile(PROFILE).listingCount(SLOT, "other", ANON)).isEqualTo(5);
    assertThat(reports.onProfile(PROFILE).listingCount(SLOT, "new", ANON)).isEqualTo(3);
    assertThat(listingIds())
        .doesNotContain(
            DocumentIds.listing(SLOT, PROFILE, KW, ANON, 58),
            DocumentIds.listing(SLOT, PROFILE, KW, ANON, 60))
        .contains(DocumentIds.listing(SLOT, PROFILE, KW, ANON, 57));
  }

  @Test
  void theBodyIsOneNdjsonBufferOfEverySampleThenItsListings() {
    byte[] body =
        writer.requestBody(
            List.of(
                Fixtures.snapshot(SLOT, KW, ANON, "ok", 2),
                Fixtures.snapshot(SLOT, "c", ANON, "blocked", 0)));
    String[] lines = new String(body, java.nio.charset.StandardCharsets.UTF_8).split("\n", -1);

    assertThat(lines).hasSize(9); // 4 documents x 2 lines + the empty string after the last \n
    assertThat(lines[0])
        .isEqualTo(
            "{\"index\":{\"_index\":\""
                + es.names().samplesIndex(SLOT)
                + "\",\"_id\":\""
                + DocumentIds.sample(SLOT, PROFILE, KW, ANON)
                + "\"}}");
    assertThat(lines[1])
        .startsWith("{\"slot\":\"2026-11-28T14:00:00Z\",")
        .contains("\"status\":\"ok\"");
    assertThat(lines[4]).contains(DocumentIds.listing(SLOT, PROFILE, KW, ANON, 2));
    assertThat(lines[5]).contains("\"position\":2,");
    assertThat(lines[6]).contains(DocumentIds.sample(SLOT, PROFILE, "c", ANON));
    assertThat(lines[8]).isEmpty();
  }

  @Test
  void writesABatchOfSamplesAcrossKeywordsVantagesAndMonths() {
    Instant december = Instant.parse("2026-12-01T00:00:00Z");
    WriteResult result =
        writer.writeAll(
            List.of(
                Fixtures.snapshot(SLOT, "a", ANON, "ok", 30),
                Fixtures.snapshot(SLOT, "b", ANON, "partial", 7),
                Fixtures.snapshot(SLOT, "c", ANON, "blocked", 0),
                Fixtures.snapshot(SLOT, "a", "acct-1", "ok", 12),
                Fixtures.snapshot(december, "a", ANON, "ok", 3)));

    assertThat(result).isEqualTo(new WriteResult(5, 52, 0));
    assertThat(reports.counts(SLOT).samples()).isEqualTo(4);
    assertThat(reports.counts(SLOT).listings()).isEqualTo(49);
    assertThat(reports.counts(december).listings()).isEqualTo(3);
    assertThat(reports.onProfile(PROFILE).listingCount(SLOT, "a", "acct-1")).isEqualTo(12);
  }

  @Test
  void aFailedItemRaisesWithItsIdAndReason() throws Exception {
    writer.write(Fixtures.sample(SLOT, KW, ANON, "ok", 2), Fixtures.listings(SLOT, KW, ANON, 2));
    String index = es.names().listingsIndex(SLOT);
    es.client().indices().close(c -> c.index(index));

    assertThatThrownBy(
            () ->
                writer.write(
                    Fixtures.sample(SLOT, KW, ANON, "ok", 2), Fixtures.listings(SLOT, KW, ANON, 2)))
        .isInstanceOfSatisfying(
            BulkWriteException.class,
            e -> {
              assertThat(e.failures())
                  .extracting(BulkWriteException.FailedItem::id)
                  .containsExactlyInAnyOrder(
                      DocumentIds.listing(SLOT, PROFILE, KW, ANON, 1),
                      DocumentIds.listing(SLOT, PROFILE, KW, ANON, 2));
              assertThat(e.failures()).allMatch(f -> f.type().equals("index_closed_exception"));
              assertThat(e.total()).isEqualTo(3);
              assertThat(e.getMessage())
                  .contains("2 of 3 bulk items failed")
                  .contains(DocumentIds.listing(SLOT, PROFILE, KW, ANON, 1))
                  .contains("closed");
            });
  }

  @Test
  void aDocumentViolatingTheStrictMappingIsReportedByItsId() throws Exception {
    es.writer()
        .write(Fixtures.sample(SLOT, KW, ANON, "ok", 1), Fixtures.listings(SLOT, KW, ANON, 1));
    String index = es.names().listingsIndex(SLOT);

    var response =
        es.client()
            .bulk(
                b ->
                    b.refresh(Refresh.True)
                        .operations(
                            o ->
                                o.index(
                                    i ->
                                        i.index(index)
                                            .id("good")
                                            .document(Fixtures.listing(SLOT, KW, ANON, 2).build())))
                        .operations(
                            o ->
                                o.index(
                                    i ->
                                        i.index(index)
                                            .id("bad")
                                            .document(
                                                Map.of(
                                                    "slot",
                                                    SLOT.toString(),
                                                    "keyword",
                                                    KW,
                                                    "favourite_colour",
                                                    "red")))));

    assertThatThrownBy(() -> BulkResponses.requireAllSucceeded(response))
        .isInstanceOf(BulkWriteException.class)
        .hasMessageContaining("1 of 2 bulk items failed")
        .hasMessageContaining("bad in " + index)
        .hasMessageContaining("strict_dynamic_mapping_exception")
        .hasMessageContaining("favourite_colour");
  }

  private List<String> listingIds() throws Exception {
    return es
        .client()
        .search(s -> s.index(es.names().listingsAlias()).size(1000), ListingDocument.class)
        .hits()
        .hits()
        .stream()
        .map(Hit::id)
        .toList();
  }
}
