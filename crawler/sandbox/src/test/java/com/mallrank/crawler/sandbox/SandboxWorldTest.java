package com.mallrank.crawler.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SandboxWorldTest {

  private static final Instant SLOT = Instant.parse("2026-11-28T14:00:00Z");
  private static final String KEYWORD = "加厚羽绒服女长款";

  private final SandboxWorld world = SandboxWorld.create();

  @Test
  void catalogueIsLargeEnoughWith19DigitIds() {
    assertThat(world.productIds()).hasSizeGreaterThanOrEqualTo(500).doesNotHaveDuplicates();
    assertThat(world.productIds()).allMatch(id -> id.matches("\\d{19}"));
    assertThat(world.shops()).hasSizeGreaterThanOrEqualTo(40);
    assertThat(world.shops().keySet()).allMatch(id -> id.matches("\\d{19}"));
    assertThat(new HashSet<>(world.shops().values())).hasSameSizeAs(world.shops().values());
  }

  @Test
  void everyKeywordButTheEmptyOneHasAPoolAndAFullPage() {
    List<String> withResults =
        world.keywords().stream().filter(k -> !k.equals(world.noResultsKeyword())).toList();
    assertThat(withResults).hasSizeGreaterThanOrEqualTo(30);
    for (String keyword : withResults) {
      assertThat(world.poolSize(keyword)).as(keyword).isGreaterThanOrEqualTo(80);
      assertThat(world.results(keyword, SLOT, null)).as(keyword).hasSizeGreaterThanOrEqualTo(60);
    }
    assertThat(world.results(world.noResultsKeyword(), SLOT, null)).isEmpty();
    assertThat(world.results("没有这个词", SLOT, null)).isEmpty();
  }

  @Test
  void cardsAreNumberedAndValuesLookReal() {
    List<SandboxCard> cards = world.results(KEYWORD, SLOT, null);
    int organic = 0;
    for (int i = 0; i < cards.size(); i++) {
      SandboxCard c = cards.get(i);
      assertThat(c.position()).isEqualTo(i + 1);
      if (c.sponsored()) {
        assertThat(c.organicRank()).isNull();
        assertThat(c.matrixAccount()).isNull();
      } else {
        assertThat(c.organicRank()).isEqualTo(++organic);
      }
      assertThat(c.price().scale()).isEqualTo(2);
      assertThat(c.price().signum()).isPositive();
      assertThat(c.commissionRate())
          .isBetween(java.math.BigDecimal.ONE, new java.math.BigDecimal(40));
      assertThat(c.commissionRate().scale()).isLessThanOrEqualTo(1);
      assertThat(c.imageKey()).matches("[0-9a-f]{32}");
      assertThat(c.salesLabel()).matches("已售\\d+(\\.\\d)?万?");
      assertThat(c.title()).isNotBlank();
    }
    assertThat(cards.get(0).sponsored()).isTrue();
    long ads = cards.stream().filter(SandboxCard::sponsored).count();
    assertThat(ads).isBetween(1L, (long) Ranker.AD_POSITIONS.length);
  }

  @Test
  void sameSlotSameResultsAndStateIsPure() {
    SandboxWorld other = SandboxWorld.create();
    for (String keyword : world.keywords()) {
      assertThat(other.results(keyword, SLOT.plusSeconds(1234), null))
          .isEqualTo(world.results(keyword, SLOT, null));
    }
    String id = world.productIds().get(100);
    assertThat(other.state(id, SLOT.plusSeconds(59 * 60))).isEqualTo(world.state(id, SLOT));
  }

  @Test
  void ranksDriftBetweenSlots() {
    List<String> now = organicIds(world.results(KEYWORD, SLOT, null));
    List<String> next = organicIds(world.results(KEYWORD, SLOT.plus(Duration.ofHours(1)), null));
    assertThat(next).isNotEqualTo(now);
    // Same pool, reshuffled: most of the first page stays on it.
    Set<String> overlap = new HashSet<>(now);
    overlap.retainAll(next);
    assertThat(overlap.size()).isGreaterThan(now.size() / 2);
  }

  @Test
  void identityPerturbsLightly() {
    List<String> anonymous = organicIds(world.results(KEYWORD, SLOT, null));
    assertThat(organicIds(world.results(KEYWORD, SLOT, "anonymous"))).isEqualTo(anonymous);
    List<String> logged = organicIds(world.results(KEYWORD, SLOT, "mx-yiwu"));
    assertThat(logged).isNotEqualTo(anonymous);
    assertThat(organicIds(world.results(KEYWORD, SLOT, "mx-yiwu"))).isEqualTo(logged);
    for (int i = 0; i < logged.size(); i++) {
      int before = anonymous.indexOf(logged.get(i));
      if (before >= 0) {
        assertThat(Math.abs(before - i)).isLessThanOrEqualTo(2 * Ranker.MAX_DISPLACEMENT);
      }
    }
  }

  @Test
  void otherSeedsGiveOtherIdsButTheSameShape() {
    SandboxWorld other = SandboxWorld.create(7);
    assertThat(other.productIds()).doesNotContainAnyElementsOf(world.productIds());
    assertThat(other.keywords()).isEqualTo(world.keywords());
  }

  private static List<String> organicIds(List<SandboxCard> cards) {
    return cards.stream().filter(c -> !c.sponsored()).map(SandboxCard::productId).toList();
  }
}
