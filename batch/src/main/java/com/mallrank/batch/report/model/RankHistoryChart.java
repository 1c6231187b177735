package com.mallrank.batch.report.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Rank over time for one keyword: one line per listing or matrix account, rank 1 on top.
 *
 * @param id a stable machine name
 * @param title the title, usually the keyword
 * @param slots the x axis, ascending
 * @param series the lines; each has one rank per slot
 * @param blockedSlots slots whose sample produced no ranks (blocked, empty, layout changed...):
 *     shaded, so a gap there reads as "not measured", never as "dropped out"
 */
public record RankHistoryChart(
    String id,
    String title,
    List<Instant> slots,
    List<RankSeries> series,
    @JsonProperty("blocked_slots") List<Instant> blockedSlots)
    implements ChartSpec {

  public RankHistoryChart {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(title, "title");
    slots = List.copyOf(slots);
    series = List.copyOf(series);
    blockedSlots = blockedSlots == null ? List.of() : List.copyOf(blockedSlots);
    for (RankSeries s : series) {
      if (s.ranks().size() != slots.size()) {
        throw new IllegalArgumentException(
            "series "
                + s.name()
                + " has "
                + s.ranks().size()
                + " ranks for "
                + slots.size()
                + " slots");
      }
    }
  }

  /**
   * One line.
   *
   * @param name the legend entry (an account, or a listing)
   * @param ranks the rank per slot; {@code null} where the listing was not in the ranked depth or
   *     the sample produced no ranks
   */
  public record RankSeries(String name, List<Integer> ranks) {
    public RankSeries {
      Objects.requireNonNull(name, "name");
      ranks = Collections.unmodifiableList(new ArrayList<>(ranks));
    }
  }
}
