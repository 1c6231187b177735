package com.mallrank.index.document;

import static org.assertj.core.api.Assertions.assertThat;

import com.mallrank.index.testing.Fixtures;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DocumentIdsTest {

  private static final Instant SLOT = Instant.parse("2026-11-28T14:00:00Z");
  private static final String STATIC = "sandbox-static";

  @Test
  void idsAreReadableAndDeterministic() {
    assertThat(DocumentIds.sample(SLOT, STATIC, "羽绒服女", "anonymous"))
        .isEqualTo("20261128T1400Z|sandbox-static|anonymous|羽绒服女");
    assertThat(DocumentIds.listing(SLOT, STATIC, "羽绒服女", "anonymous", 3))
        .isEqualTo("20261128T1400Z|sandbox-static|anonymous|羽绒服女|3");
    assertThat(DocumentIds.change(SLOT, STATIC, "anonymous", "羽绒服女", "price", "p3"))
        .isEqualTo("20261128T1400Z|sandbox-static|anonymous|羽绒服女|price|p3");
    assertThat(DocumentIds.daily(LocalDate.of(2026, 11, 28), STATIC, "anonymous", "k", "p3"))
        .isEqualTo("2026-11-28|sandbox-static|anonymous|k|p3");
  }

  @Test
  void slotIsFormattedInUtcToTheMinute() {
    assertThat(DocumentIds.sample(Instant.parse("2026-11-28T14:00:59.999Z"), "p", "k", "v"))
        .isEqualTo("20261128T1400Z|p|v|k");
  }

  @Test
  void theProfileIsPartOfEveryId() {
    assertThat(DocumentIds.sample(SLOT, STATIC, "k", "anonymous"))
        .isNotEqualTo(DocumentIds.sample(SLOT, "sandbox-spa", "k", "anonymous"));
    assertThat(DocumentIds.listing(SLOT, STATIC, "k", "anonymous", 1))
        .isNotEqualTo(DocumentIds.listing(SLOT, "sandbox-spa", "k", "anonymous", 1));
    assertThat(DocumentIds.change(SLOT, STATIC, "anonymous", "k", "price", "p"))
        .isNotEqualTo(DocumentIds.change(SLOT, "sandbox-spa", "anonymous", "k", "price", "p"));
    LocalDate day = LocalDate.of(2026, 11, 28);
    assertThat(DocumentIds.daily(day, STATIC, "anonymous", "k", "p"))
        .isNotEqualTo(DocumentIds.daily(day, "sandbox-spa", "anonymous", "k", "p"));
  }

  @Test
  void aSampleOnAnotherProfileIsAnotherDocument() {
    SampleDocument mall =
        Fixtures.sample(SLOT, "k", "anonymous", "ok", 3).withEvidencePath("evidence/x.json");
    SampleDocument buyin = mall.withProfile("douyin-buyin");

    assertThat(buyin.profile()).isEqualTo("douyin-buyin");
    assertThat(buyin.id())
        .isEqualTo(DocumentIds.sample(SLOT, "douyin-buyin", "k", "anonymous"))
        .isNotEqualTo(mall.id());
    assertThat(buyin.withProfile(mall.profile())).isEqualTo(mall);
  }

  @Test
  void differentVantagesAndPositionsGiveDifferentIds() {
    assertThat(DocumentIds.sample(SLOT, STATIC, "k", "anonymous"))
        .isNotEqualTo(DocumentIds.sample(SLOT, STATIC, "k", "acct-1"));
    assertThat(DocumentIds.listing(SLOT, STATIC, "k", "anonymous", 1))
        .isNotEqualTo(DocumentIds.listing(SLOT, STATIC, "k", "anonymous", 11));
  }

  @Test
  void longPartsAreHashedAndIdsStayUnderTheBound() {
    String keyword = "羽".repeat(5_000);
    String productId = "9".repeat(600);
    String id = DocumentIds.change(SLOT, STATIC, "anonymous", keyword, "price", productId);

    assertThat(id)
        .isEqualTo(
            "20261128T1400Z|sandbox-static|anonymous|"
                + DocumentIds.part(keyword)
                + "|price|"
                + DocumentIds.part(productId));
    assertThat(DocumentIds.part(keyword)).matches("h:[0-9a-f]{32}");
    assertThat(DocumentIds.part(productId)).matches("h:[0-9a-f]{32}");
    assertThat(DocumentIds.part(keyword)).isNotEqualTo(DocumentIds.part(keyword + "x"));
    assertThat(id.getBytes(StandardCharsets.UTF_8).length)
        .isLessThanOrEqualTo(DocumentIds.MAX_ID_BYTES);
    // the worst case: every variable part at the longest kept length
    String max = "x".repeat(DocumentIds.MAX_PART_BYTES);
    assertThat(DocumentIds.change(SLOT, max, max, max, max, max).getBytes(StandardCharsets.UTF_8))
        .hasSizeLessThanOrEqualTo(DocumentIds.MAX_ID_BYTES);
  }

  @Test
  void hashIsStableAndPinned() {
    // SHA-256("abc") = ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad
    assertThat(DocumentIds.part("abc|")).isEqualTo(DocumentIds.part("abc|"));
    assertThat(DocumentIds.part("a".repeat(65)))
        .isEqualTo(DocumentIds.part("a".repeat(65)))
        .startsWith("h:")
        .hasSize(34);
  }

  @Test
  void partsThatCouldBeMistakenAreHashed() {
    assertThat(DocumentIds.part("a|b")).startsWith("h:");
    assertThat(DocumentIds.part("h:ffff")).isNotEqualTo("h:ffff").startsWith("h:");
    assertThat(DocumentIds.part("x".repeat(DocumentIds.MAX_PART_BYTES)))
        .isEqualTo("x".repeat(DocumentIds.MAX_PART_BYTES));
    // 22 three-byte characters are 66 bytes
    assertThat(DocumentIds.part("羽".repeat(22))).startsWith("h:");
  }

  @Test
  void recordsUseTheSameIds() {
    SampleDocument sample = Fixtures.sample(SLOT, "k", "anonymous", "ok", 1);
    assertThat(sample.id()).isEqualTo(DocumentIds.sample(SLOT, Fixtures.PROFILE, "k", "anonymous"));
    assertThat(sample.servingAlso("g2").group()).containsExactly(Fixtures.GROUP, "g2");
    assertThat(sample.servingAlso(Fixtures.GROUP).group()).containsExactly(Fixtures.GROUP);
    assertThat(sample.producesRanks()).isTrue();
    assertThat(SampleStatus.producesRanks("partial")).isTrue();
    assertThat(SampleStatus.producesRanks("blocked")).isFalse();
    assertThat(SampleStatus.producesRanks("skipped")).isFalse();
    assertThat(SampleStatus.producesRanks("empty")).isFalse();
  }
}
