package com.mallrank.index.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IndexNamesTest {

  @Test
  void aliasesTemplatesAndPatternsDeriveFromThePrefix() {
    IndexNames names = new IndexNames("mallrank");

    assertThat(names.listingsAlias()).isEqualTo("mallrank-listings");
    assertThat(names.samplesAlias()).isEqualTo("mallrank-samples");
    assertThat(names.listingsTemplate()).isEqualTo("mallrank-listings");
    assertThat(names.listingsPattern()).isEqualTo("mallrank-listings-*");
    assertThat(names.samplesPattern()).isEqualTo("mallrank-samples-*");
    assertThat(IndexNames.defaults()).isEqualTo(names);
  }

  @Test
  void monthlyIndexComesFromTheSlotInUtc() {
    IndexNames names = new IndexNames("t-x");

    assertThat(names.listingsIndex(Instant.parse("2026-11-28T14:00:00Z")))
        .isEqualTo("t-x-listings-2026.11");
    // 2026-11-30T23:00Z is already December in Beijing, but the month is UTC
    assertThat(names.samplesIndex(Instant.parse("2026-11-30T23:00:00Z")))
        .isEqualTo("t-x-samples-2026.11");
    assertThat(names.listingsIndex(Instant.parse("2027-01-01T00:00:00Z")))
        .isEqualTo("t-x-listings-2027.01");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "Mallrank", "mall rank", "-mallrank", "_x", "a/b", "a*b", "a,b"})
  void rejectsInvalidPrefixesWithAClearMessage(String prefix) {
    assertThatThrownBy(() -> new IndexNames(prefix))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Invalid index prefix '" + prefix + "'")
        .hasMessageContaining("lowercase");
  }

  @Test
  void rejectsNullAndOverlongPrefixes() {
    assertThatThrownBy(() -> new IndexNames(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new IndexNames("a".repeat(101)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void changesAndDailyNamesAndTheMonthOfAListingsIndex() {
    IndexNames names = new IndexNames("mallrank");

    assertThat(names.changesIndex(java.time.Instant.parse("2026-11-28T14:00:00Z")))
        .isEqualTo("mallrank-changes-2026.11");
    assertThat(names.changesPattern()).isEqualTo("mallrank-changes-*");
    assertThat(names.dailyIndex(java.time.LocalDate.of(2026, 11, 28)))
        .isEqualTo("mallrank-daily-2026");
    assertThat(names.listingsIndexMonth("mallrank-listings-2026.09"))
        .isEqualTo(java.time.YearMonth.of(2026, 9));
    assertThat(names.listingsIndexMonth("mallrank-listings-x")).isNull();
    assertThat(names.listingsIndexMonth("mallrank-samples-2026.09")).isNull();
  }

  @Test
  void theConcreteMonthsOfARangeAreEveryMonthFromTheFirstToTheLastInUtc() {
    IndexNames names = new IndexNames("m");

    assertThat(
            names.samplesIndices(
                Instant.parse("2026-11-24T15:59:00Z"), Instant.parse("2027-01-01T00:00:00Z")))
        .containsExactly("m-samples-2026.11", "m-samples-2026.12", "m-samples-2027.01");
    assertThat(
            names.listingsIndices(
                Instant.parse("2026-11-28T06:00:00Z"), Instant.parse("2026-11-28T06:00:00Z")))
        .containsExactly("m-listings-2026.11");
    assertThatThrownBy(
            () ->
                names.listingsIndices(
                    Instant.parse("2026-12-01T00:00:00Z"), Instant.parse("2026-11-01T00:00:00Z")))
        .hasMessage("from 2026-12-01T00:00:00Z is after to 2026-11-01T00:00:00Z");
  }
}
