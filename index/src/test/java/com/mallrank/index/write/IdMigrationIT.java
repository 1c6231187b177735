package com.mallrank.index.write;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch._types.Refresh;
import com.mallrank.index.document.ChangeEvent;
import com.mallrank.index.document.DocumentIds;
import com.mallrank.index.document.ListingDocument;
import com.mallrank.index.document.SampleDocument;
import com.mallrank.index.report.Reports;
import com.mallrank.index.testing.LocalElasticsearchTest;
import com.mallrank.index.testing.TestIndices;
import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Documents written in the old id format ({@code slot|vantage|keyword[|position]}, listings and
 * events without {@code profile}, in indices whose mapping has no {@code profile} field) are moved
 * to the new ids by {@link IdMigration}, and a second run changes nothing.
 */
@LocalElasticsearchTest
class IdMigrationIT {

  private static final Instant SLOT = Instant.parse("2026-11-28T14:00:00Z");
  private static final String KW = "羽绒服女";

  /** The listings mapping before the profile field: the fields the old documents have. */
  private static final String OLD_LISTINGS =
      """
      {"mappings":{"dynamic":"strict","properties":{
        "slot":{"type":"date"},"keyword":{"type":"keyword"},"group":{"type":"keyword"},
        "vantage":{"type":"keyword"},"position":{"type":"integer"},"product_id":{"type":"keyword"},
        "sponsored":{"type":"boolean"},"sampled_at":{"type":"date"}}}}
      """;

  private static final String OLD_CHANGES =
      """
      {"mappings":{"dynamic":"strict","properties":{
        "slot":{"type":"date"},"previous_slot":{"type":"date"},"keyword":{"type":"keyword"},
        "vantage":{"type":"keyword"},"kind":{"type":"keyword"},"product_id":{"type":"keyword"},
        "sponsored":{"type":"boolean"},"detected_at":{"type":"date"}}}}
      """;

  @Test
  void oldIdsAreRewrittenWithTheSampleProfileAndTheRunIsIdempotent(TestIndices es)
      throws IOException {
    es.bootstrap();
    var client = es.client();
    String listings = es.names().listingsIndex(SLOT);
    String changes = es.names().changesIndex(SLOT);
    client.indices().create(c -> c.index(listings).withJson(new StringReader(OLD_LISTINGS)));
    client.indices().create(c -> c.index(changes).withJson(new StringReader(OLD_CHANGES)));
    // the sample as the old writer stored it: group a string, id without the profile
    client.index(
        i ->
            i.index(es.names().samplesIndex(SLOT))
                .id("20261128T1400Z|anonymous|" + KW)
                .document(
                    Map.of(
                        "slot", SLOT.toString(),
                        "keyword", KW,
                        "group", "core",
                        "vantage", "anonymous",
                        "profile", "sandbox-static",
                        "status", "ok",
                        "result_count", 2))
                .refresh(Refresh.True));
    for (int position = 1; position <= 2; position++) {
      int p = position;
      client.index(
          i ->
              i.index(listings)
                  .id("20261128T1400Z|anonymous|" + KW + "|" + p)
                  .document(
                      Map.of(
                          "slot",
                          SLOT.toString(),
                          "keyword",
                          KW,
                          "group",
                          "core",
                          "vantage",
                          "anonymous",
                          "position",
                          p,
                          "product_id",
                          "p" + p,
                          "sponsored",
                          false))
                  .refresh(Refresh.True));
    }
    client.index(
        i ->
            i.index(changes)
                .id("20261128T1400Z|anonymous|" + KW + "|price|p1")
                .document(
                    Map.of(
                        "slot",
                        SLOT.toString(),
                        "previous_slot",
                        SLOT.minusSeconds(3600).toString(),
                        "keyword",
                        KW,
                        "vantage",
                        "anonymous",
                        "kind",
                        "price",
                        "product_id",
                        "p1",
                        "sponsored",
                        false))
                .refresh(Refresh.True));
    // a listing of a keyword without any sample: its profile cannot be told
    client.index(
        i ->
            i.index(listings)
                .id("20261128T1400Z|anonymous|orphan|1")
                .document(
                    Map.of(
                        "slot",
                        SLOT.toString(),
                        "keyword",
                        "orphan",
                        "vantage",
                        "anonymous",
                        "position",
                        1,
                        "product_id",
                        "x",
                        "sponsored",
                        false))
                .refresh(Refresh.True));

    List<String> lines = new ArrayList<>();
    IdMigration.Result first = new IdMigration(client, es.names(), lines::add).run();
    IdMigration.Result second = new IdMigration(client, es.names(), s -> {}).run();

    assertThat(first).isEqualTo(new IdMigration.Result(5, 4, 1));
    assertThat(second).isEqualTo(new IdMigration.Result(5, 0, 1));
    assertThat(lines).anyMatch(l -> l.startsWith(listings + ": 2 documents rewritten"));
    assertThat(lines.get(lines.size() - 1))
        .isEqualTo(
            "done: 5 documents read, 4 rewritten under new ids, 1 skipped (profile unknown)");
    SampleDocument sample =
        client
            .get(
                g ->
                    g.index(es.names().samplesIndex(SLOT))
                        .id(DocumentIds.sample(SLOT, "sandbox-static", KW, "anonymous")),
                SampleDocument.class)
            .source();
    assertThat(sample.group()).containsExactly("core");
    ListingDocument listing =
        client
            .get(
                g ->
                    g.index(listings)
                        .id(DocumentIds.listing(SLOT, "sandbox-static", KW, "anonymous", 2)),
                ListingDocument.class)
            .source();
    assertThat(listing.profile()).isEqualTo("sandbox-static");
    assertThat(listing.productId()).isEqualTo("p2");
    ChangeEvent event =
        client
            .get(
                g ->
                    g.index(changes)
                        .id(
                            DocumentIds.change(
                                SLOT, "sandbox-static", "anonymous", KW, "price", "p1")),
                ChangeEvent.class)
            .source();
    assertThat(event.profile()).isEqualTo("sandbox-static");
    // the old ids are gone; the reports read the migrated documents per profile
    assertThat(
            client
                .exists(e -> e.index(listings).id("20261128T1400Z|anonymous|" + KW + "|1"))
                .value())
        .isFalse();
    assertThat(
            new Reports(client, es.names())
                .onProfile("sandbox-static")
                .listingCount(SLOT, KW, "anonymous"))
        .isEqualTo(2);
    assertThat(
            new Reports(client, es.names())
                .onProfile("sandbox-static")
                .top20(SLOT, "anonymous", List.of(KW))
                .keywords()
                .get(0)
                .listings())
        .extracting(ListingDocument::productId)
        .containsExactly("p1", "p2");
  }
}
