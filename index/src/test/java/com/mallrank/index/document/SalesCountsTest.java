package com.mallrank.index.document;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SalesCountsTest {

  @Test
  void labelsAsShownBecomeTheirLowerBound() {
    assertThat(SalesCounts.count("已售1.2万")).isEqualTo(12_000L);
    assertThat(SalesCounts.count("已售10万+")).isEqualTo(100_000L);
    assertThat(SalesCounts.count("已售74")).isEqualTo(74L);
    assertThat(SalesCounts.count("月销3000+")).isEqualTo(3_000L);
    assertThat(SalesCounts.count("已拼578件")).isEqualTo(578L);
    assertThat(SalesCounts.count("已售1.5k")).isEqualTo(1_500L);
    assertThat(SalesCounts.count("已售 2.35w")).isEqualTo(23_500L);
    assertThat(SalesCounts.count("已售1亿+")).isEqualTo(100_000_000L);
  }

  @Test
  void noNumberOrAHostileOneIsNoCount() {
    assertThat(SalesCounts.count(null)).isNull();
    assertThat(SalesCounts.count("已售")).isNull();
    assertThat(SalesCounts.count("热卖中")).isNull();
    assertThat(SalesCounts.count("已售" + "9".repeat(13))).as("over 12 digits").isNull();
    assertThat(SalesCounts.count("已售1.23456万")).as("over 4 decimals").isNull();
    assertThat(SalesCounts.count("已售1".repeat(100))).as("over 200 characters").isNull();
  }
}
