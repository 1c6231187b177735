package com.mallrank.batch.alert;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** Alerts as chat text: a title and one markdown-safe line per alert. */
final class AlertText {

  static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  private static final DateTimeFormatter SLOT = DateTimeFormatter.ofPattern("MM-dd HH:mm");

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

  /** One line: severity, summary, keyword, slot, detail; text from the web made inert. */
  static String markdownLine(Alert alert) {
    StringBuilder line = new StringBuilder();
    line.append("**【").append(label(alert.severity())).append("】").append(safe(alert.summary()));
    line.append("**");
    if (alert.keyword() != null) {
      line.append(" · ").append(safe(alert.keyword()));
    }
    line.append(" · ").append(SLOT.format(alert.slot().atZone(ZONE)));
    if (alert.detail() != null) {
      line.append("  \n> ").append(safe(alert.detail()));
    }
    return line.toString();
  }

  static String plainLine(Alert alert) {
    return "【"
        + label(alert.severity())
        + "】"
        + alert.summary()
        + (alert.keyword() == null ? "" : " · " + alert.keyword())
        + " · "
        + SLOT.format(alert.slot().atZone(ZONE))
        + (alert.detail() == null ? "" : "\n    " + alert.detail());
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

  /**
   * Text from the web inside markdown: the characters that make links, images, HTML or emphasis
   * become their full-width forms, so a title cannot add a link or @-mention. (Headings need a
   * {@code #} at the start of a line, where web text never goes.)
   */
  static String safe(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '[' -> out.append('［');
        case ']' -> out.append('］');
        case '(' -> out.append('（');
        case ')' -> out.append('）');
        case '<' -> out.append('＜');
        case '>' -> out.append('＞');
        case '*' -> out.append('＊');
        case '_' -> out.append('＿');
        case '`' -> out.append('｀');
        case '@' -> out.append('＠');
        case '!' -> out.append('！');
        case '\n', '\r' -> out.append(' ');
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
