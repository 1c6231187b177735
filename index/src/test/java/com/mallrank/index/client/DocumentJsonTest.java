package com.mallrank.index.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mallrank.index.document.ChangeEvent;
import com.mallrank.index.document.DailySummary;
import com.mallrank.index.document.ListingDocument;
import com.mallrank.index.document.SampleDocument;
import com.mallrank.index.document.SlotOutcome;
import com.mallrank.index.schema.IndexTemplates;
import com.mallrank.index.testing.Fixtures;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
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
        Fixtures.listing(SLOT, "羽绒服女", "anonymous", 3)
            .matrixAccount("acct-1")
            .imageHash("00ff00ff00ff00ff")
            .build()
            .withProfile("sandbox-static");

    JsonNode json = mapper.valueToTree(listing);

    assertThat(fieldNames(json)).containsExactlyInAnyOrderElementsOf(mappedFields("listings"));
    assertThat(json.get("slot").asText()).isEqualTo("2026-11-28T14:00:00Z");
    assertThat(json.get("product_id").asText()).isEqualTo("p3");
    assertThat(json.get("sales_label").asText()).isEqualTo("已售1.2万");
    assertThat(json.get("sales_count").asLong()).as("the label as a number").isEqualTo(12_000L);
    assertThat(mapper.treeToValue(json, ListingDocument.class)).isEqualTo(listing);
  }

  @Test
  void sampleFieldsMatchTheSamplesTemplate() throws Exception {
    SampleDocument sample =
        new SampleDocument(
                SLOT,
                "k",
                List.of("g"),
                "anonymous",
                "p",
                "blocked",
                0,
                1234L,
                200,
                "captcha",
                "u",
                "d",
                SLOT,
                null)
            .withEvidencePath("/data/evidence/x.html");

    JsonNode json = mapper.valueToTree(sample);

    assertThat(fieldNames(json)).containsExactlyInAnyOrderElementsOf(mappedFields("samples"));
    assertThat(json.get("duration_ms").asLong()).isEqualTo(1234L);
    assertThat(json.get("evidence_path").asText()).isEqualTo("/data/evidence/x.html");
    assertThat(mapper.treeToValue(json, SampleDocument.class)).isEqualTo(sample);
  }

  @Test
  void aSampleListsEveryGroupItServedAndReadsTheOldSingleGroup() throws Exception {
    SampleDocument sample =
        new SampleDocument(
                SLOT,
                "k",
                List.of("core"),
                "anonymous",
                "p",
                "ok",
                0,
                1L,
                200,
                null,
                "u",
                null,
                SLOT,
                null)
            .servingAlso("burst");

    JsonNode json = mapper.valueToTree(sample);

    assertThat(json.get("group").toString()).isEqualTo("[\"core\",\"burst\"]");
    assertThat(mapper.treeToValue(json, SampleDocument.class)).isEqualTo(sample);
    ((com.fasterxml.jackson.databind.node.ObjectNode) json).put("group", "core");
    assertThat(mapper.treeToValue(json, SampleDocument.class).group()).containsExactly("core");
  }

  @Test
  void aListingWithoutAnImageHashHasNoImageHashField() {
    ListingDocument listing =
        new ListingDocument(
            SLOT,
            "k",
            "g",
            "anonymous",
            1,
            1,
            false,
            "p1",
            "t",
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            SLOT,
            null,
            null);

    assertThat(listing.imageHash()).isNull();
    assertThat(fieldNames(mapper.valueToTree(listing))).doesNotContain("image_hash");
  }

  @Test
  void changeEventFieldsMatchTheChangesTemplate() throws Exception {
    ChangeEvent event =
        new ChangeEvent(
            SLOT,
            SLOT.minusSeconds(3600),
            "羽绒服女",
            "winter",
            "anonymous",
            "price",
            "p3",
            "shop-3",
            "店铺3",
            "acct-1",
            "10003",
            "9900",
            3,
            4,
            3,
            4,
            false,
            SLOT.plusSeconds(120),
            "sandbox-static",
            "加厚长款羽绒服女");

    JsonNode json = mapper.valueToTree(event);

    assertThat(fieldNames(json))
        .containsExactlyInAnyOrderElementsOf(mappedFields(IndexTemplates.CHANGES_RESOURCE));
    assertThat(event.id()).isEqualTo("20261128T1400Z|sandbox-static|anonymous|羽绒服女|price|p3");
    assertThat(json.get("title").asText()).isEqualTo("加厚长款羽绒服女");
    assertThat(mapper.treeToValue(json, ChangeEvent.class)).isEqualTo(event);
  }

  @Test
  void slotOutcomeFieldsMatchTheSlotsTemplate() throws Exception {
    SlotOutcome outcome =
        new SlotOutcome(
            SLOT, "core", "sandbox-static", SlotOutcome.MISSED, SLOT.plusSeconds(3 * 3600));

    JsonNode json = mapper.valueToTree(outcome);

    assertThat(fieldNames(json))
        .containsExactlyInAnyOrderElementsOf(mappedFields(IndexTemplates.SLOTS_RESOURCE));
    assertThat(json.get("judged_at").asText()).isEqualTo("2026-11-28T17:00:00Z");
    assertThat(outcome.id()).isEqualTo("20261128T140000Z|core");
    assertThat(mapper.treeToValue(json, SlotOutcome.class)).isEqualTo(outcome);
    assertThatThrownBy(() -> new SlotOutcome(SLOT, "core", null, "skipped", SLOT))
        .hasMessage("slot outcome 'skipped' is not one of [late, missed, on_time]");
  }

  @Test
  void dailySummaryFieldsMatchTheDailyTemplate() throws Exception {
    DailySummary summary =
        new DailySummary(
            LocalDate.of(2026, 11, 1),
            "k",
            "g",
            "anonymous",
            "p1",
            "acct-1",
            2,
            9,
            4.5,
            24,
            9900L,
            1250,
            "sandbox-static");

    JsonNode json = mapper.valueToTree(summary);

    assertThat(fieldNames(json))
        .containsExactlyInAnyOrderElementsOf(mappedFields(IndexTemplates.DAILY_RESOURCE));
    assertThat(json.get("day").asText()).isEqualTo("2026-11-01");
    assertThat(mapper.treeToValue(json, DailySummary.class)).isEqualTo(summary);
  }

  @Test
  void nullFieldsAreLeftOut() {
    SampleDocument sample =
        new SampleDocument(
            SLOT, "k", null, "anonymous", null, "ok", 0, 0, 0, null, null, null, null, null);

    assertThat(fieldNames(mapper.valueToTree(sample))).doesNotContain("group", "marker", "detail");
  }

  private List<String> mappedFields(String template) throws Exception {
    String resource =
        switch (template) {
          case "listings" -> IndexTemplates.LISTINGS_RESOURCE;
          case "samples" -> IndexTemplates.SAMPLES_RESOURCE;
          default -> template;
        };
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
