package com.mallrank.batch.alert;

import com.mallrank.batch.text.Escaping;
import com.mallrank.batch.text.Formats;
import java.time.ZoneId;
import java.util.List;

/**
 * Alerts as chat text: a title and one line per alert, text from the web made inert by {@link
 * Escaping} (markdown or plain text).
 */
final class AlertText {

  static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  private AlertText() {}

  static String title(List<Alert> alerts) {
    long critical = alerts.stream().filter(a -> a.severity() == Alert.Severity.CRITICAL).count();
    return "mallrank 排名告警 · "
        + alerts.size()
        + " 条"
        + (critical > 0 ? "（" + critical + " 条严重）" : "");
  }

  static String label(Alert.Severity severity) {
    return switch (severity) {
      case CRITICAL -> "严重";
      case WARNING -> "注意";
      case INFO -> "提示";
    };
  }

  /**
   * One line: severity, summary, keyword, profile (surface), slot, detail; text from the web made
   * inert. The surface is named because the same keyword ranks differently on each: "which one?" is
   * the reader's first question once a plan samples two.
   */
  static String markdownLine(Alert alert) {
    StringBuilder line = new StringBuilder();
    line.append("**【").append(label(alert.severity())).append("】").append(safe(alert.summary()));
    line.append("**");
    if (alert.keyword() != null) {
      line.append(" · ").append(safe(alert.keyword()));
    }
    if (alert.profile() != null) {
      line.append(" · ").append(safe(alert.profile()));
    }
    line.append(" · ").append(Formats.shortTime(alert.slot(), ZONE));
    if (alert.detail() != null) {
      line.append("  \n> ").append(safe(alert.detail()));
    }
    return line.toString();
  }

  static String plainLine(Alert alert) {
    return "【"
        + label(alert.severity())
        + "】"
        + Escaping.chatText(alert.summary())
        + (alert.keyword() == null ? "" : " · " + Escaping.chatText(alert.keyword()))
        + (alert.profile() == null ? "" : " · " + Escaping.chatText(alert.profile()))
        + " · "
        + Formats.shortTime(alert.slot(), ZONE)
        + (alert.detail() == null ? "" : "\n    " + Escaping.chatText(alert.detail()));
  }

  /** The most keywords an alert names; the others are "等" (and so on). */
  static final int MAX_KEYWORDS = 10;

  /**
   * The keywords an alert spans, at most {@value #MAX_KEYWORDS} of them ({@code 关键词：连衣裙、卫衣 等}),
   * then {@code rest}.
   */
  static String keywords(List<String> keywords, String rest) {
    return "关键词："
        + String.join("、", keywords.subList(0, Math.min(MAX_KEYWORDS, keywords.size())))
        + (keywords.size() > MAX_KEYWORDS ? " 等" : "")
        + rest;
  }

  /** The lines of at most {@code max} alerts, and a count of the rest. */
  static List<String> lines(List<Alert> alerts, int max, boolean markdown) {
    List<String> lines =
        new java.util.ArrayList<>(
            alerts.stream()
                .limit(max)
                .map(a -> markdown ? markdownLine(a) : plainLine(a))
                .toList());
    if (alerts.size() > max) {
      lines.add("…另有 " + (alerts.size() - max) + " 条");
    }
    return lines;
  }

  /** Text from the web inside markdown: {@link Escaping#chatMarkdown}. */
  static String safe(String text) {
    return Escaping.chatMarkdown(text);
  }
}
