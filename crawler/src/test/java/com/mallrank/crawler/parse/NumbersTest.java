package com.mallrank.crawler.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

  @Test
  void refusesTooManyDigitsAndExponentsBeforeBuildingANumber() {
    String thirty = "1".repeat(30);
    assertThat(Numbers.parse("¥" + thirty + "." + thirty, '.').toPlainString())
        .isEqualTo(thirty + "." + thirty);
    assertThatThrownBy(() -> Numbers.parse("¥1" + thirty, '.'))
        .isInstanceOf(RefusedValueException.class)
        .hasMessage("31 digits (max 30)");
    assertThatThrownBy(() -> Numbers.parse("0." + thirty + "1", '.'))
        .hasMessage("32 digits (max 30)");
    assertThatThrownBy(() -> Numbers.parse("1 234 " + "5".repeat(40), ','))
        .hasMessage("44 digits (max 30)");
    assertThatThrownBy(() -> Numbers.parse("1e999999999", '.'))
        .hasMessage("number written with an exponent (e.g. 1e999999999)");
    assertThatThrownBy(() -> Numbers.parse("2.5E-7", '.'))
        .isInstanceOf(RefusedValueException.class);
    assertThat(Numbers.parse("59.9each", '.').toPlainString()).isEqualTo("59.9");
    assertThat(Numbers.parse("NaN", '.')).isNull();
    assertThat(Numbers.parse("Infinity", '.')).isNull();
  }
}
