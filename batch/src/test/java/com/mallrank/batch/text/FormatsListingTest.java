package com.mallrank.batch.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FormatsListingTest {

  @Test
  void aListingIsNamedByItsShortenedTitleAndShop() {
    assertThat(Formats.listing("【品牌直营】小个子长款羽绒服女过膝加厚", "杭州雪绒里女装旗舰店", "3671491608615517345"))
        .isEqualTo("【品牌直营】小个子长款… · 杭州雪绒里女装…");
    assertThat(Formats.listing("宽松羽绒服女长款面包服", "北境官方旗舰店", "3671491608615517345"))
        .isEqualTo("宽松羽绒服女长款面包服 · 北境官方旗舰店");
    assertThat(Formats.listing("short title", null, "p1")).isEqualTo("short title");
  }

  @Test
  void theIdOnlyWhenNoTitleIsKnown() {
    assertThat(Formats.listing(null, "北境官方旗舰店", "3671491608615517345"))
        .isEqualTo("3671491608615517345 · 北境官方旗舰店");
    assertThat(Formats.listing(" ", null, "p1")).isEqualTo("p1");
  }
}
