package com.mallrank.batch.text;

import static org.assertj.core.api.Assertions.assertThat;

import com.mallrank.batch.text.TextTable.Align;
import org.junit.jupiter.api.Test;

class TextTableTest {

  @Test
  void escapeSequencesInCellsAreShownNotSent() {
    String table =
        new TextTable()
            .column("title", Align.LEFT)
            .column("shop", Align.LEFT)
            .row("\u001b[2J羽绒服\u001b]0;title\u0007", "店\r铺\n\u202E名")
            .render();

    assertThat(table).doesNotContain("\u001b", "\u0007", "\r", "\u202E");
    assertThat(table.split("\n")).hasSize(3);
    assertThat(table).contains("␛[2J羽绒服␛]0;title␇", "店␍铺␊<U+202E>名");
  }

  @Test
  void chineseCharactersTakeTwoColumns() {
    assertThat(TextTable.width("羽绒服")).isEqualTo(6);
    assertThat(TextTable.width("ab羽")).isEqualTo(4);
    assertThat(TextTable.width("¥29.90")).isEqualTo(6);
  }

  @Test
  void alignsMixedWidthCells() {
    String table =
        new TextTable()
            .column("#", Align.RIGHT)
            .column("title", Align.LEFT)
            .column("price", Align.RIGHT)
            .row(1, "羽绒服女", "299.00")
            .row(12, "down jacket", "59.90")
            .render();

    assertThat(table)
        .isEqualTo(
            """
             #  title         price
            --  -----------  ------
             1  羽绒服女     299.00
            12  down jacket   59.90
            """);
  }

  @Test
  void cutsLongCellsByDisplayWidth() {
    assertThat(TextTable.truncate("加厚长款羽绒服女冬季", 9)).isEqualTo("加厚长款…");
    assertThat(TextTable.truncate("short", 9)).isEqualTo("short");
  }
}
