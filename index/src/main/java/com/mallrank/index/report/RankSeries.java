package com.mallrank.index.report;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * One product's positions in one keyword from one vantage over a window.
 *
 * @param keyword the keyword
 * @param vantage the vantage
 * @param productId the product
 * @param matrixAccount the owning matrix account, {@code null} for a competitor
 * @param title the title the product was last shown with, {@code null} when no raw listing is left
 * @param shopName the shop it was last shown with, or {@code null}
 * @param points the positions, oldest first
 */
public record RankSeries(
    String keyword,
    String vantage,
    String productId,
    String matrixAccount,
    String title,
    String shopName,
    List<Point> points) {

  public RankSeries {
    points = List.copyOf(points);
  }

  /** The best (lowest) position in the window. */
  public Optional<Integer> best() {
    return points.stream().map(Point::position).min(Comparator.naturalOrder());
  }

  /** The worst (highest) position in the window (a daily point counts with its worst). */
  public Optional<Integer> worst() {
    return points.stream().map(Point::worst).max(Comparator.naturalOrder());
  }

  /** The latest point. */
  public Optional<Point> latest() {
    return points.isEmpty() ? Optional.empty() : Optional.of(points.get(points.size() - 1));
  }

  /**
   * One observation.
   *
   * @param slot the slot, or the start of the UTC day for a daily point
   * @param position the best position in the slot (for a daily point: the day's best)
   * @param worst the same as {@code position} for a slot; the day's worst for a daily point
   * @param movement positions gained since the previous ranked sample of the keyword and vantage
   *     (positive = up), or {@code null} when the product was not found there, there is none, or
   *     this is a daily point
   * @param daily whether this point comes from a daily summary (raw listings deleted by retention)
   */
  public record Point(Instant slot, int position, int worst, Integer movement, boolean daily) {}
}
