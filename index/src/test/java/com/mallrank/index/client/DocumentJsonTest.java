package com.mallrank.index.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mallrank.index.document.ListingDocument;
import com.mallrank.index.document.SampleDocument;
import com.mallrank.index.schema.IndexTemplates;
import com.mallrank.index.testing.Fixtures;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The documents serialise to exactly the fields the strict mappings declare. */
class DocumentJsonTest {

  private static final Instant SLOT = Instant.parse("2026-11-28T14:00:00Z");
  private final ObjectMapper mapper = EsClients.objectMapper();

  @Test
  void listingFieldsMatchTheListingsTemplate() throws Exception {
    ListingDocument listing =
        Fixtures.listing(SLOT, "羽绒服女", "anonymous", 3).matrixAccount("acct-1").build();

    JsonNode json = mapper.valueToTree(listing);

    assertThat(fieldNames(json)).containsExactlyInAnyOrderElementsOf(mappedFields("listings"));
    assertThat(json.get("slot").asText()).isEqualTo("2026-11-28T14:00:00Z");
    assertThat(json.get("product_id").asText()).isEqualTo("p3");
    assertThat(mapper.treeToValue(json, ListingDocument.class)).isEqualTo(listing);
  }

  @Test
  void sampleFieldsMatchTheSamplesTemplate() throws Exception {
    SampleDocument sample =
        new SampleDocument(
            SLOT, "k", "g", "anonymous", "p", "blocked", 0, 1234L, 200, "captcha", "u", "d", SLOT);

    JsonNode json = mapper.valueToTree(sample);

    assertThat(fieldNames(json)).containsExactlyInAnyOrderElementsOf(mappedFields("samples"));
    assertThat(json.get("duration_ms").asLong()).isEqualTo(1234L);
    assertThat(mapper.treeToValue(json, SampleDocument.class)).isEqualTo(sample);
  }

  @Test
  void nullFieldsAreLeftOut() {
    SampleDocument sample =
        new SampleDocument(
            SLOT, "k", null, "anonymous", null, "ok", 0, 0, 0, null, null, null, null);

    assertThat(fieldNames(mapper.valueToTree(sample))).doesNotContain("group", "marker", "detail");
  }

  private List<String> mappedFields(String template) throws Exception {
    String resource =
        template.equals("listings")
            ? IndexTemplates.LISTINGS_RESOURCE
            : IndexTemplates.SAMPLES_RESOURCE;
    try (InputStream in = IndexTemplates.open(resource)) {
      JsonNode mappings = mapper.readTree(in).path("template").path("mappings");
      assertThat(mappings.path("dynamic").asText()).isEqualTo("strict");
      return fieldNames(mappings.path("properties"));
    }
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
