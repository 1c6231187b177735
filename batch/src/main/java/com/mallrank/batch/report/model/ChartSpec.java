package com.mallrank.batch.report.model;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * A chart of the HTML report, as data: what to draw, not how. JSON carries it with a {@code type}
 * field ({@code rank_history}, {@code coverage_heatmap}, {@code change_timeline}, {@code
 * vantage_ranks}).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = RankHistoryChart.class, name = "rank_history"),
  @JsonSubTypes.Type(value = CoverageHeatmap.class, name = "coverage_heatmap"),
  @JsonSubTypes.Type(value = ChangeTimeline.class, name = "change_timeline"),
  @JsonSubTypes.Type(value = VantageRanksChart.class, name = "vantage_ranks")
})
public sealed interface ChartSpec
    permits RankHistoryChart, CoverageHeatmap, ChangeTimeline, VantageRanksChart {

  /** A stable machine name, unique in the report ({@code snake_case}). */
  String id();

  /** The title people read. */
  String title();
}
