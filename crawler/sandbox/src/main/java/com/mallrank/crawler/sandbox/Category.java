package com.mallrank.crawler.sandbox;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A product category of the sandbox catalogue with the vocabulary its titles and shop names are
 * built from, and its realistic price and commission ranges: one row each of {@code
 * categories.tsv}.
 */
enum Category {
  WOMENS_DOWN,
  MENS_OUTER,
  KNITWEAR,
  SKINCARE,
  MAKEUP,
  SNACKS,
  EARPHONES,
  PHONE_ACCESSORIES,
  HOME_TEXTILE,
  KITCHEN,
  CLEANING,
  SHOES;

  final List<String> cores;
  final List<String> attributes;
  final List<String> tails;
  final List<String> shopWords;
  final List<String> shopSuffixes;
  final int minPrice;
  final int maxPrice;
  final int minCommission;
  final int maxCommission;

  Category() {
    TsvTable.Row row = Table.row(name());
    this.cores = row.list(1);
    this.attributes = row.list(2);
    this.tails = row.list(3);
    this.shopWords = row.list(4);
    this.shopSuffixes = row.list(5);
    this.minPrice = row.number(6);
    this.maxPrice = row.number(7);
    this.minCommission = row.number(8);
    this.maxCommission = row.number(9);
  }

  static {
    Table.requireOnly(values());
  }

  /** The category whose products fill a keyword's pool after its own (related search results). */
  Category sibling() {
    return switch (this) {
      case WOMENS_DOWN -> KNITWEAR;
      case MENS_OUTER -> SHOES;
      case KNITWEAR -> WOMENS_DOWN;
      case SKINCARE -> MAKEUP;
      case MAKEUP -> SKINCARE;
      case SNACKS -> KITCHEN;
      case EARPHONES -> PHONE_ACCESSORIES;
      case PHONE_ACCESSORIES -> EARPHONES;
      case HOME_TEXTILE -> CLEANING;
      case KITCHEN -> CLEANING;
      case CLEANING -> HOME_TEXTILE;
      case SHOES -> MENS_OUTER;
    };
  }

  /** The rows of {@code categories.tsv} by category name (read before the constants are built). */
  private static final class Table {

    static final Map<String, TsvTable.Row> ROWS = new LinkedHashMap<>();

    static {
      for (TsvTable.Row row : TsvTable.read("categories.tsv", 10)) {
        if (ROWS.putIfAbsent(row.cell(0), row) != null) {
          throw row.error("category listed twice: " + row.cell(0));
        }
      }
    }

    static TsvTable.Row row(String category) {
      TsvTable.Row row = ROWS.get(category);
      if (row == null) {
        throw new IllegalStateException("categories.tsv has no row for category " + category);
      }
      return row;
    }

    /** Refuses a row that names no category (a typo would otherwise go unnoticed). */
    static void requireOnly(Category[] categories) {
      Set<String> names = new HashSet<>();
      for (Category c : categories) {
        names.add(c.name());
      }
      for (TsvTable.Row row : ROWS.values()) {
        if (!names.contains(row.cell(0))) {
          throw row.error("no such category: " + row.cell(0));
        }
      }
    }
  }
}
