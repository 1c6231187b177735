package com.mallrank.crawler.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The reader of the sandbox's tables: rows, cells, and errors that name the resource and line. */
class TsvTableTest {

  @Test
  void skipsCommentsAndBlankLinesAndKeepsLineNumbers() {
    List<TsvTable.Row> rows = TsvTable.read("tsv-good.tsv", 3);

    assertThat(rows).extracting(TsvTable.Row::line).containsExactly(3, 4);
    assertThat(rows.get(0).cells()).containsExactly("a", "1", "x,y");
    assertThat(rows.get(0).number(1)).isEqualTo(1);
    assertThat(rows.get(0).list(2)).containsExactly("x", "y");
  }

  @Test
  void aRowWithTooFewCellsIsRefusedAtItsLine() {
    assertThatThrownBy(() -> TsvTable.read("tsv-short.tsv", 3))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("tsv-short.tsv:3: 3 tab-separated cells expected, found 2");
  }

  @Test
  void aCellThatIsNotANumberOrAListIsRefusedAtItsLine() {
    TsvTable.Row row = TsvTable.read("tsv-good.tsv", 3).get(1);

    assertThatThrownBy(() -> row.number(1))
        .hasMessage("tsv-good.tsv:4: column 2 is not a whole number: not-a-number");
    TsvTable.Row empty = new TsvTable.Row("t.tsv", 9, List.of("a,,b"));
    assertThatThrownBy(() -> empty.list(0)).hasMessage("t.tsv:9: empty word in column 1: a,,b");
  }

  @Test
  void aMissingTableIsNamed() {
    assertThatThrownBy(() -> TsvTable.read("nope.tsv", 1))
        .hasMessage("sandbox table missing from the classpath: nope.tsv");
  }

  @Test
  void theShippedTablesCoverEveryCategoryAndKeyword() {
    assertThat(TsvTable.read("categories.tsv", 10))
        .extracting(row -> row.cell(0))
        .containsExactlyInAnyOrder(
            Arrays.stream(Category.values()).map(Enum::name).toArray(String[]::new));
    assertThat(KeywordCatalogue.SPECS).hasSize(36);
    assertThat(KeywordCatalogue.SPECS.get(1))
        .isEqualTo(
            new KeywordCatalogue.Spec(
                "白鸭绒羽绒服女短款",
                Category.WOMENS_DOWN,
                List.of(
                    new KeywordCatalogue.Placement("mx-hangzhou", KeywordCatalogue.Band.TOP),
                    new KeywordCatalogue.Placement("mx-guangzhou", KeywordCatalogue.Band.NEAR))));
    assertThat(Category.SHOES.maxPrice).isEqualTo(599);
    assertThat(Category.SNACKS.shopWords).containsExactly("馋嘴", "小食光", "果仁", "麦香", "辣妹子");
  }
}
