package com.mallrank.index.schema;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch._types.mapping.DynamicMapping;
import co.elastic.clients.elasticsearch.indices.get_index_template.IndexTemplateItem;
import com.mallrank.index.testing.Fixtures;
import com.mallrank.index.testing.LocalElasticsearchTest;
import com.mallrank.index.testing.TestIndices;
import java.time.Instant;
import org.junit.jupiter.api.Test;

@LocalElasticsearchTest
class IndexBootstrapIT {

  private static final Instant SLOT = Instant.parse("2026-11-28T14:00:00Z");

  @Test
  void applyIsIdempotentAndPutsBothTemplatesWithPatternAndAlias(TestIndices es) throws Exception {
    IndexNames names = es.names();
    IndexBootstrap bootstrap = new IndexBootstrap(es.client(), names);

    bootstrap.apply();
    bootstrap.apply();

    IndexTemplateItem listings =
        es.client()
            .indices()
            .getIndexTemplate(t -> t.name(names.listingsTemplate()))
            .indexTemplates()
            .get(0);
    assertThat(listings.indexTemplate().indexPatterns()).containsExactly(names.listingsPattern());
    assertThat(listings.indexTemplate().template().aliases()).containsKey(names.listingsAlias());
    assertThat(listings.indexTemplate().template().mappings().dynamic())
        .isEqualTo(DynamicMapping.Strict);
    IndexTemplateItem samples =
        es.client()
            .indices()
            .getIndexTemplate(t -> t.name(names.samplesTemplate()))
            .indexTemplates()
            .get(0);
    assertThat(samples.indexTemplate().indexPatterns()).containsExactly(names.samplesPattern());
    assertThat(samples.indexTemplate().template().aliases()).containsKey(names.samplesAlias());
  }

  @Test
  void monthlyIndicesCreatedOnWriteGetTheTemplate(TestIndices es) throws Exception {
    es.bootstrap();

    es.writer()
        .write(
            Fixtures.sample(SLOT, "羽绒服女", "anonymous", "ok", 1),
            Fixtures.listings(SLOT, "羽绒服女", "anonymous", 1));

    String index = es.names().listingsIndex(SLOT);
    var settings = es.client().indices().get(g -> g.index(index)).result().get(index);
    assertThat(settings.aliases()).containsKey(es.names().listingsAlias());
    assertThat(settings.mappings().dynamic()).isEqualTo(DynamicMapping.Strict);
    assertThat(settings.mappings().properties().get("price_fen").isLong()).isTrue();
    assertThat(settings.settings().index().numberOfReplicas()).isEqualTo("0");
    String samplesIndex = es.names().samplesIndex(SLOT);
    assertThat(
            es.client()
                .indices()
                .get(g -> g.index(samplesIndex))
                .result()
                .get(samplesIndex)
                .aliases())
        .containsKey(es.names().samplesAlias());
  }

  @Test
  void anIndexCreatedBeforeTheProfileFieldGetsItAndTakesNewDocuments(TestIndices es)
      throws Exception {
    String index = es.names().listingsIndex(SLOT);

    var mapping = bootstrapOverAnOldIndex(es, index);

    assertThat(mapping.properties().get("profile").isKeyword()).isTrue();
  }

  @Test
  void aSamplesIndexCreatedBeforeEvidencePathsGetsTheField(TestIndices es) throws Exception {
    String index = es.names().samplesIndex(SLOT);

    var mapping = bootstrapOverAnOldIndex(es, index);

    assertThat(mapping.properties().get("evidence_path").isKeyword()).isTrue();
  }

  @Test
  void aChangesIndexCreatedBeforeTitlesGetsTheTitleAndEveryOtherTemplateField(TestIndices es)
      throws Exception {
    String index = es.names().changesIndex(SLOT);

    var mapping = bootstrapOverAnOldIndex(es, index);

    assertThat(mapping.properties().get("title").isText()).isTrue();
    assertThat(mapping.properties().get("title").text().fields().get("raw").isKeyword()).isTrue();
    assertThat(mapping.properties().keySet())
        .as("every field of changes.json")
        .contains("kind", "product_id", "shop_name", "rank_before", "detected_at", "profile");
    String listings = es.names().listingsIndex(SLOT);
    assertThat(bootstrapOverAnOldIndex(es, listings).properties().get("sales_count").isLong())
        .isTrue();
  }

  @Test
  void slotOutcomesGetTheirTemplateAndAlias(TestIndices es) throws Exception {
    es.bootstrap();

    IndexTemplateItem slots =
        es.client()
            .indices()
            .getIndexTemplate(t -> t.name(es.names().slotsTemplate()))
            .indexTemplates()
            .get(0);
    assertThat(slots.indexTemplate().indexPatterns()).containsExactly(es.names().slotsPattern());
    assertThat(slots.indexTemplate().template().aliases()).containsKey(es.names().slotsAlias());
    assertThat(slots.indexTemplate().template().mappings().properties().keySet())
        .containsExactlyInAnyOrder("slot", "group", "profile", "outcome", "judged_at");
  }

  /** Creates {@code index} as an old release did (strict, only a slot), then bootstraps. */
  private static co.elastic.clients.elasticsearch._types.mapping.TypeMapping
      bootstrapOverAnOldIndex(TestIndices es, String index) throws Exception {
    es.client()
        .indices()
        .create(
            c ->
                c.index(index)
                    .withJson(
                        new java.io.StringReader(
                            "{\"mappings\":{\"dynamic\":\"strict\",\"properties\":{"
                                + "\"slot\":{\"type\":\"date\"}}}}")));
    es.bootstrap();
    return es.client().indices().get(g -> g.index(index)).result().get(index).mappings();
  }
}
