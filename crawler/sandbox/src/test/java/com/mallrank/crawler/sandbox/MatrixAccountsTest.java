package com.mallrank.crawler.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The placements later reports test on hold in every slot and for every identity: Top-20 coverage,
 * near misses, two accounts on one keyword, keywords with no matrix listing.
 */
class MatrixAccountsTest {

  private static final Instant START = Instant.parse("2026-11-28T00:00:00Z");
  private static final List<String> IDENTITIES =
      Arrays.asList(null, "mx-hangzhou", "mx-yiwu", "mx-guangzhou", "u-42");

  private final SandboxWorld world = SandboxWorld.create();

  @Test
  void threeAccountsWithTwoOrThreeShopsEach() {
    Map<String, Set<String>> accounts = world.matrixAccountShops();
    assertThat(accounts.keySet()).containsExactly("mx-hangzhou", "mx-yiwu", "mx-guangzhou");
    accounts.values().forEach(shops -> assertThat(shops).hasSizeBetween(2, 3));
    assertThat(accounts.values().stream().flatMap(Set::stream))
        .allMatch(world.shops()::containsKey);
  }

  @Test
  void placementsHoldInEverySlotAndForEveryIdentity() {
    for (int h = 0; h < 48; h++) {
      Instant slot = START.plus(Duration.ofHours(h));
      for (String identity : IDENTITIES) {
        Set<String> twoAccountsInTop20 = new HashSet<>();
        Set<String> onlyNearMiss = new HashSet<>();
        Set<String> noMatrix = new HashSet<>();
        for (String keyword : world.keywords()) {
          List<SandboxCard> cards = world.results(keyword, slot, identity);
          if (cards.isEmpty()) {
            continue;
          }
          List<SandboxCard> matrix = cards.stream().filter(c -> c.matrixAccount() != null).toList();
          Set<String> top20Accounts =
              matrix.stream()
                  .filter(c -> c.position() <= 20)
                  .map(SandboxCard::matrixAccount)
                  .collect(Collectors.toSet());
          if (top20Accounts.size() >= 2) {
            twoAccountsInTop20.add(keyword);
          }
          if (!matrix.isEmpty()
              && matrix.stream().allMatch(c -> c.organicRank() > 20 && c.organicRank() <= 50)) {
            onlyNearMiss.add(keyword);
          }
          if (matrix.isEmpty()) {
            noMatrix.add(keyword);
          }
          assertThat(matrix).noneMatch(SandboxCard::sponsored);
        }
        String where = slot + " as " + identity;
        assertThat(twoAccountsInTop20).as(where).contains("加厚羽绒服女长款");
        assertThat(onlyNearMiss).as(where).contains("羽绒服女小个子", "运动蓝牙耳机挂耳式");
        assertThat(noMatrix).as(where).contains("男士冲锋衣三合一", "防水睫毛膏纤长");
        assertThat(noMatrix).as(where).hasSizeGreaterThanOrEqualTo(10);
      }
    }
  }

  @Test
  void everyPlacementStaysInItsBand() {
    for (KeywordCatalogue.Spec spec : KeywordCatalogue.SPECS) {
      for (int h = 0; h < 48; h++) {
        for (String identity : IDENTITIES) {
          List<SandboxCard> matrix =
              world.results(spec.keyword(), START.plus(Duration.ofHours(h)), identity).stream()
                  .filter(c -> c.matrixAccount() != null)
                  .toList();
          assertThat(matrix).hasSameSizeAs(spec.placements());
          for (KeywordCatalogue.Placement p : spec.placements()) {
            SandboxCard card =
                matrix.stream()
                    .filter(c -> c.matrixAccount().equals(p.account()))
                    .findFirst()
                    .orElseThrow();
            if (p.band() == KeywordCatalogue.Band.TOP) {
              assertThat(card.position()).as(spec.keyword()).isLessThanOrEqualTo(20);
            } else {
              assertThat(card.organicRank()).as(spec.keyword()).isBetween(21, 50);
            }
          }
        }
      }
    }
  }
}
