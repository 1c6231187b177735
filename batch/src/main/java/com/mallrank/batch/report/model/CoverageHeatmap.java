package com.mallrank.batch.report.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Objects;

/**
 * Keyword × matrix-account coverage: the best rank each account holds for each keyword. A missing
 * cell is a gap (no listing of that account in the ranked depth); two cells in one row are two
 * accounts fighting over one keyword.
 *
 * @param id a stable machine name
 * @param title the title
 * @param keywords the rows (y axis), top to bottom
 * @param accounts the columns (x axis), left to right
 * @param cells the covered cells
 */
public record CoverageHeatmap(
    String id, String title, List<String> keywords, List<String> accounts, List<Cell> cells)
    implements ChartSpec {

  public CoverageHeatmap {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(title, "title");
    keywords = List.copyOf(keywords);
    accounts = List.copyOf(accounts);
    cells = List.copyOf(cells);
    for (Cell cell : cells) {
      if (!keywords.contains(cell.keyword()) || !accounts.contains(cell.account())) {
        throw new IllegalArgumentException(
            "cell " + cell.keyword() + " x " + cell.account() + " is outside the axes");
      }
    }
  }

  /**
   * One covered cell.
   *
   * @param keyword the keyword
   * @param account the matrix account
   * @param bestRank the account's best position for the keyword (1 = first card)
   */
  public record Cell(String keyword, String account, @JsonProperty("best_rank") int bestRank) {}
}
