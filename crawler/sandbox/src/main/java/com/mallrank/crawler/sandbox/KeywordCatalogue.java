package com.mallrank.crawler.sandbox;

import java.util.ArrayList;
import java.util.List;

/**
 * The tracked long-tail keywords (长尾词): each with the category its results come from and where the
 * matrix accounts are placed. The placements are deliberate so reports have something to find:
 * Top-20 coverage, near misses (ranks 21–50), two accounts fighting over one keyword, keywords
 * nobody covers, and one keyword without any result. The list is {@code keywords.tsv} (beside this
 * class), then the keyword without results.
 */
final class KeywordCatalogue {

  /** Where a matrix listing sits in the baseline ranking of a keyword. */
  enum Band {
    /** Organic rank 2–8 at baseline; the race noise keeps it within the Top-20 positions. */
    TOP,
    /** Organic rank 30–40 at baseline; the race noise keeps it within ranks 21–50. */
    NEAR
  }

  /** One matrix account's listing in a keyword. */
  record Placement(String account, Band band) {}

  /**
   * One keyword.
   *
   * @param category where its results come from, {@code null} for a keyword with no results
   */
  record Spec(String keyword, Category category, List<Placement> placements) {}

  /** A keyword the mall has nothing for: always the empty page. */
  static final String NO_RESULTS_KEYWORD = "火星土壤盆栽礼盒";

  /** The keywords of {@code keywords.tsv} in its order, then {@link #NO_RESULTS_KEYWORD}. */
  static final List<Spec> SPECS = read();

  private KeywordCatalogue() {}

  private static List<Spec> read() {
    List<Spec> specs = new ArrayList<>();
    for (TsvTable.Row row : TsvTable.read("keywords.tsv", 3)) {
      Category category;
      try {
        category = Category.valueOf(row.cell(1));
      } catch (IllegalArgumentException e) {
        throw row.error("no such category: " + row.cell(1));
      }
      List<Placement> placements = new ArrayList<>();
      if (!row.cell(2).equals("-")) {
        for (String placement : row.list(2)) {
          placements.add(placement(row, placement));
        }
      }
      specs.add(new Spec(row.cell(0), category, List.copyOf(placements)));
    }
    specs.add(new Spec(NO_RESULTS_KEYWORD, null, List.of()));
    return List.copyOf(specs);
  }

  /** {@code <account>:top} or {@code <account>:near}. */
  private static Placement placement(TsvTable.Row row, String text) {
    String[] parts = text.split(":", -1);
    if (parts.length != 2 || !MatrixAccounts.ACCOUNTS.contains(parts[0])) {
      throw row.error("placement is not <matrix account>:top or :near: " + text);
    }
    return switch (parts[1]) {
      case "top" -> new Placement(parts[0], Band.TOP);
      case "near" -> new Placement(parts[0], Band.NEAR);
      default -> throw row.error("placement is not <matrix account>:top or :near: " + text);
    };
  }
}
