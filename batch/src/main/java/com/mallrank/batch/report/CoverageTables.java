package com.mallrank.batch.report;

import com.mallrank.batch.report.model.ChartSpec;
import com.mallrank.batch.report.model.CoverageHeatmap;
import com.mallrank.batch.report.model.ReportDocument;
import com.mallrank.batch.report.model.ReportTable;
import com.mallrank.index.report.CoverageReport;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The coverage report (the matrix-account manager's view) as a {@link ReportDocument}: tables
 * {@code coverage_grid} (best rank and samples in the Top-20 per keyword × account), {@code
 * coverage_share} (each account's share of the Top-20 positions observed), {@code cannibalisation}
 * (keywords where two or more own accounts shared a Top-20), {@code coverage_gaps} (keywords no
 * account covers, with the suggested account), {@code near_misses} (ranks 21–50) and {@code
 * unranked} (keywords with only unranked samples: no evidence, not a gap), and a keyword × account
 * heatmap of the best ranks.
 */
public final class CoverageTables {

  /** The id of the heatmap chart. */
  public static final String HEATMAP_ID = "coverage_heatmap";

  private CoverageTables() {}

  /**
   * Maps the report.
   *
   * @param report the index report
   * @param window the window it was run over (zone, vantages, plan accounts)
   * @param generatedAt when the report is made
   */
  public static ReportDocument document(
      CoverageReport report, ReportWindow window, Instant generatedAt) {
    CoverageHeatmap heatmap = heatmap(report, window.accounts());
    return window.document(
        "覆盖报告 coverage report",
        generatedAt,
        tables(report),
        heatmap == null ? List.<ChartSpec>of() : List.of(heatmap));
  }

  /** The tables, in reading order. */
  public static List<ReportTable> tables(CoverageReport report) {
    return List.of(
        grid(report),
        shares(report),
        cannibalisation(report),
        gaps(report),
        nearMisses(report),
        unranked(report));
  }

  static ReportTable grid(CoverageReport report) {
    ReportTable.Builder table =
        ReportTable.builder("coverage_grid", "覆盖 coverage grid")
            .text("keyword", "关键词 keyword")
            .text("matrix_account", "矩阵账号 account")
            .integer("best_rank", "最佳名次 best rank")
            .integer("samples_in_top20", "进前20次数 samples in Top-20 (slot×vantage)");
    for (CoverageReport.Cell cell : report.cells()) {
      table.row(cell.keyword(), cell.account(), cell.bestRank(), cell.samplesInTop20());
    }
    return table.build();
  }

  static ReportTable shares(CoverageReport report) {
    ReportTable.Builder table =
        ReportTable.builder("coverage_share", "前20占位 Top-20 share")
            .text("matrix_account", "矩阵账号 account")
            .integer("held_positions", "占位数 positions held")
            .integer("top20_positions", "前20总位数 Top-20 positions observed")
            .percentBp("share", "占比 share");
    for (CoverageReport.Share share : report.shares()) {
      table.row(
          share.account(),
          share.heldPositions(),
          report.top20Positions(),
          Math.round(share.share() * 10_000));
    }
    return table.build();
  }

  static ReportTable cannibalisation(CoverageReport report) {
    ReportTable.Builder table =
        ReportTable.builder("cannibalisation", "自相竞争 cannibalisation")
            .text("keyword", "关键词 keyword")
            .text("accounts", "矩阵账号 accounts")
            .integer("samples", "次数 samples (slot×vantage)")
            .datetime("last_slot", "最近 last slot");
    for (CoverageReport.Cannibalisation c : report.cannibalisation()) {
      table.row(c.keyword(), String.join(", ", c.accounts()), c.samples(), c.lastSlot());
    }
    return table.build();
  }

  static ReportTable gaps(CoverageReport report) {
    ReportTable.Builder table =
        ReportTable.builder("coverage_gaps", "未覆盖 gaps")
            .text("keyword", "关键词 keyword")
            .text("suggested_account", "建议账号 suggested account")
            .text("basis", "依据 basis")
            .integer("best_near_miss", "最接近名次 best near miss");
    for (CoverageReport.Gap gap : report.gaps()) {
      table.row(gap.keyword(), gap.suggestedAccount(), basis(gap.basis()), gap.bestNearMiss());
    }
    return table.build();
  }

  static ReportTable nearMisses(CoverageReport report) {
    ReportTable.Builder table =
        ReportTable.builder("near_misses", "差一点 near misses (21-50)")
            .text("keyword", "关键词 keyword")
            .text("matrix_account", "矩阵账号 account")
            .integer("best_position", "最佳位置 best position")
            .integer("observations", "次数 observations")
            .text("title", "标题 title")
            .text("product_id", "商品ID product id");
    for (CoverageReport.NearMiss miss : report.nearMisses()) {
      table.row(
          miss.keyword(),
          miss.account(),
          miss.bestPosition(),
          miss.observations(),
          miss.title(),
          miss.productId());
    }
    return table.build();
  }

  static ReportTable unranked(CoverageReport report) {
    ReportTable.Builder table =
        ReportTable.builder("unranked", "未测得 unranked (not a gap)")
            .text("keyword", "关键词 keyword")
            .text("note", "说明 note");
    for (String keyword : report.unranked()) {
      table.row(
          keyword,
          "only unranked samples (blocked/empty/layout changed/error) in the window: no evidence,"
              + " not a gap");
    }
    return table.build();
  }

  /**
   * The keyword × account heatmap of best ranks, or {@code null} when no keyword was ranked. Rows:
   * every keyword with a ranked sample (covered or a gap; unranked keywords are left out, as they
   * are no evidence); columns: the plan's accounts, then any other account seen.
   */
  public static CoverageHeatmap heatmap(CoverageReport report, List<String> planAccounts) {
    Set<String> keywords = new TreeSet<>();
    report.cells().forEach(c -> keywords.add(c.keyword()));
    report.gaps().forEach(g -> keywords.add(g.keyword()));
    if (keywords.isEmpty()) {
      return null;
    }
    Set<String> accounts = new LinkedHashSet<>(planAccounts);
    Set<String> seen = new TreeSet<>();
    report.cells().forEach(c -> seen.add(c.account()));
    report.shares().forEach(s -> seen.add(s.account()));
    accounts.addAll(seen);
    List<CoverageHeatmap.Cell> cells = new ArrayList<>();
    for (CoverageReport.Cell cell : report.cells()) {
      cells.add(new CoverageHeatmap.Cell(cell.keyword(), cell.account(), cell.bestRank()));
    }
    return new CoverageHeatmap(
        HEATMAP_ID,
        "关键词 × 矩阵账号覆盖 (最佳名次) coverage",
        List.copyOf(keywords),
        List.copyOf(accounts),
        cells);
  }

  private static String basis(CoverageReport.Basis basis) {
    return switch (basis) {
      case NEAR_MISS -> "near_miss: best rank 21-50";
      case PRESENCE -> "presence: most listings in the results";
      case NONE -> "none: no account appears in the results";
    };
  }
}
