package com.mallrank.batch.report;

import com.mallrank.batch.report.model.ReportDocument;
import com.mallrank.batch.report.model.ReportTable;
import com.mallrank.batch.text.Formats;
import com.mallrank.index.document.ChangeEvent;
import com.mallrank.index.report.RankDropExplanation;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Rank-drop explanations as a {@link ReportDocument}: {@code rank_drops} (one row per drop of an
 * own listing, with who overtook it) and {@code drop_causes} (every competitor change of the same
 * keyword and vantage between the two slots, overtakers marked).
 */
public final class ExplainTables {

  private ExplainTables() {}

  /** Maps the explanations. */
  public static ReportDocument document(
      List<RankDropExplanation> drops, ReportWindow window, Instant generatedAt) {
    return window.document("排名下降原因 rank drops explained", generatedAt, tables(drops), List.of());
  }

  /** The tables. */
  public static List<ReportTable> tables(List<RankDropExplanation> drops) {
    ReportTable.Builder summary =
        ReportTable.builder("rank_drops", "排名下降 rank drops")
            .datetime("slot", "时段 slot")
            .datetime("previous_slot", "上一时段 previous slot")
            .text("keyword", "关键词 keyword")
            .text("vantage", "视角 vantage")
            .text("matrix_account", "矩阵账号 account")
            .text("product_id", "商品ID product id")
            .integer("rank_before", "之前 before")
            .integer("rank_after", "之后 after (empty = out of depth)")
            .integer("competitor_changes", "竞品变更 competitor changes")
            .text("overtaken_by", "超越者 overtaken by");
    ReportTable.Builder causes =
        ReportTable.builder("drop_causes", "同期竞品变更 competitor changes")
            .datetime("slot", "时段 slot")
            .text("keyword", "关键词 keyword")
            .text("vantage", "视角 vantage")
            .text("own_product_id", "自有商品 own product")
            .text("kind", "变更 kind")
            .text("title", "竞品 competitor")
            .text("shop", "店铺 shop")
            .text("old_value", "之前 before")
            .text("new_value", "之后 after")
            .integer("rank_before", "名次前 rank before")
            .integer("rank_after", "名次后 rank after")
            .text("overtook", "超越 overtook")
            .text("product_id", "竞品ID competitor product");
    for (RankDropExplanation d : drops) {
      summary.row(
          d.after(),
          d.before(),
          d.keyword(),
          d.vantage(),
          d.matrixAccount(),
          d.productId(),
          d.rankBefore(),
          d.rankAfter(),
          d.competitorChanges().size(),
          d.overtakers().stream()
              .map(ExplainTables::who)
              .distinct()
              .collect(Collectors.joining(", ")));
      Set<String> overtakers =
          d.overtakers().stream().map(ChangeEvent::productId).collect(Collectors.toSet());
      for (ChangeEvent e : d.competitorChanges()) {
        causes.row(
            e.slot(),
            d.keyword(),
            d.vantage(),
            d.productId(),
            e.kind(),
            e.title(),
            e.shopName() != null ? e.shopName() : e.shopId(),
            ChangeLogTables.value(e.changeKind(), e.oldValue()),
            ChangeLogTables.value(e.changeKind(), e.newValue()),
            e.rankBefore(),
            e.rankAfter(),
            overtakers.contains(e.productId()) ? "yes" : "",
            e.productId());
      }
    }
    return List.of(summary.build(), causes.build());
  }

  private static String who(ChangeEvent e) {
    String shop = e.shopName() != null ? e.shopName() : e.shopId();
    return Formats.listing(e.title(), shop, e.productId()) + " #" + e.rankAfter();
  }
}
