package com.mallrank.batch.report.model;

import java.util.List;
import java.util.Objects;

/**
 * The seller's own listings' ranks per keyword, one series per vantage, in one slot: where each
 * matrix account (and the anonymous shopper) saw the seller's listings, side by side, rank 1 on
 * top. A vantage whose sample of a keyword produced no ranks (blocked, login required, missing,
 * ...) has an {@link Unranked} mark with its status instead, so it reads as "not measured", never
 * as "no listing there".
 *
 * @param id a stable machine name
 * @param title the title
 * @param keywords the x axis, left to right (a keyword on several site profiles once per profile)
 * @param vantages the series, in order
 * @param ranks the own listings' positions
 * @param unranked the keyword × vantage pairs without ranks, with their status
 */
public record VantageRanksChart(
    String id,
    String title,
    List<String> keywords,
    List<String> vantages,
    List<Rank> ranks,
    List<Unranked> unranked)
    implements ChartSpec {

  public VantageRanksChart {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(title, "title");
    keywords = List.copyOf(keywords);
    vantages = List.copyOf(vantages);
    ranks = List.copyOf(ranks);
    unranked = List.copyOf(unranked);
    for (Rank rank : ranks) {
      check(keywords, vantages, rank.keyword(), rank.vantage());
    }
    for (Unranked mark : unranked) {
      check(keywords, vantages, mark.keyword(), mark.vantage());
    }
  }

  private static void check(
      List<String> keywords, List<String> vantages, String keyword, String vantage) {
    if (!keywords.contains(keyword) || !vantages.contains(vantage)) {
      throw new IllegalArgumentException(keyword + " x " + vantage + " is outside the axes");
    }
  }

  /**
   * One own listing as one vantage saw it.
   *
   * @param keyword the keyword (an x-axis entry)
   * @param vantage who searched
   * @param account the matrix account that owns the listing
   * @param position its position (1 = first card)
   * @param listing the listing as people read it (shortened title and shop)
   */
  public record Rank(String keyword, String vantage, String account, int position, String listing) {
    public Rank {
      Objects.requireNonNull(keyword, "keyword");
      Objects.requireNonNull(vantage, "vantage");
      Objects.requireNonNull(account, "account");
    }
  }

  /**
   * A keyword whose sample from one vantage produced no ranks.
   *
   * @param keyword the keyword (an x-axis entry)
   * @param vantage who searched
   * @param status the sample status ({@code blocked}, {@code login_required}, {@code missing}, ...)
   */
  public record Unranked(String keyword, String vantage, String status) {
    public Unranked {
      Objects.requireNonNull(keyword, "keyword");
      Objects.requireNonNull(vantage, "vantage");
      Objects.requireNonNull(status, "status");
    }
  }
}
