package com.mallrank.crawler.parse;

import static org.assertj.core.api.Assertions.assertThat;

import com.mallrank.crawler.profile.NumberUnit;
import org.junit.jupiter.api.Test;

class NumbersTest {

  @Test
  void parsesExactlyAndTakesTheLowEndOfARange() {
    assertThat(Numbers.parse("¥299.00", '.').toPlainString()).isEqualTo("299.00");
    assertThat(Numbers.parse("¥ 1,299.50", '.').toPlainString()).isEqualTo("1299.50");
    assertThat(Numbers.parse("59.9-89", '.').toPlainString()).isEqualTo("59.9");
    assertThat(Numbers.parse("¥59.9 ~ ¥89", '.').toPlainString()).isEqualTo("59.9");
    assertThat(Numbers.parse("1.234,56\u00a0€", ',').toPlainString()).isEqualTo("1234.56");
    assertThat(Numbers.parse("面议", '.')).isNull();
    assertThat(Numbers.parse(null, '.')).isNull();
  }

  @Test
  void convertsFenAndBasisPoints() {
    assertThat(Numbers.parse("29990", '.', NumberUnit.FEN).toPlainString()).isEqualTo("299.90");
    assertThat(Numbers.parse("1250", '.', NumberUnit.BASIS_POINTS).toPlainString())
        .isEqualTo("12.50");
    assertThat(Numbers.parse("12.5%", '.', NumberUnit.PERCENT).toPlainString()).isEqualTo("12.5");
  }
}
