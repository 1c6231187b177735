package com.mallrank.batch.report.format;

import com.mallrank.batch.report.model.ReportDocument;
import com.mallrank.batch.report.model.ReportTable;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/** A small report with every column type and the awkward cells formats must survive. */
final class FormatFixtures {

  static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  static final Instant SLOT = Instant.parse("2026-11-28T06:00:00Z"); // 14:00 in Beijing

  private FormatFixtures() {}

  static ReportTable top20() {
    return ReportTable.builder("top20", "前20名 Top-20")
        .text("keyword", "关键词")
        .integer("position", "位置")
        .text("title", "标题")
        .moneyFen("price", "价格")
        .percentBp("commission", "佣金")
        .datetime("sampled_at", "采样时间")
        .row("羽绒服女", 1, "加厚长款羽绒服女冬季2026新款", 29900L, 1250, SLOT)
        .row("羽绒服女", 2, "保暖, \"轻薄\"\n两穿", 25990L, 2100, SLOT)
        .row("羽绒服女", 3, "=HYPERLINK(\"http://x\")", null, null, null)
        .build();
  }

  static ReportTable samples() {
    return ReportTable.builder("samples", "采样状态")
        .text("keyword", "关键词")
        .text("status", "状态")
        .row("羽绒服女", "ok")
        .row("洗衣凝珠", "blocked")
        .build();
  }

  static ReportDocument report(String title, ReportTable... tables) {
    return new ReportDocument(
        title,
        SLOT,
        SLOT,
        "anonymous",
        ZONE,
        SLOT.plusSeconds(300),
        List.of(tables),
        List.of(),
        List.of());
  }
}
