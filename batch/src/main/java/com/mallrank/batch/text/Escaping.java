package com.mallrank.batch.text;

import com.mallrank.crawler.text.ControlCharacters;
import java.util.regex.Pattern;

/**
 * The one place that makes third-party text (titles, shop names, keywords, sample details: all
 * written by sellers or competitors) safe for where it is written. Every writer of mallrank goes
 * through it:
 *
 * <ul>
 *   <li>{@link #html} for HTML element text and quoted attribute values, {@link #scriptJson} for
 *       JSON inside a {@code <script>} element;
 *   <li>{@link #terminal} for a terminal: control characters (C0, DEL, C1: ESC, BEL, CR, backspace,
 *       ...) and bidirectional overrides are shown visibly, never emitted, so a title cannot clear
 *       the screen, set the window title or reorder what a line says;
 *   <li>{@link #spreadsheet} for CSV and XLSX cells: text a spreadsheet would run as a formula gets
 *       a leading apostrophe (OWASP "CSV injection");
 *   <li>{@link #chatMarkdown} and {@link #chatText} for webhook messages (Feishu, DingTalk, WeCom):
 *       a title cannot add a link, an image, an {@code <at>} mention or emphasis;
 *   <li>JSON files are written by Jackson's generator, which escapes quotes, backslashes and every
 *       control character itself: there is no hand-made JSON in mallrank.
 * </ul>
 *
 * <p>All methods accept {@code null} and return {@code ""} for it.
 */
public final class Escaping {

  /** A text cell that is a plain number stays a number: {@code -12}, {@code +3.5}, {@code -5%}. */
  private static final Pattern NUMBER = Pattern.compile("[+-]?\\d{1,30}(\\.\\d{1,30})?%?");

  private Escaping() {}

  // --- HTML ---------------------------------------------------------------------------------

  /**
   * Text for an HTML element body or a quoted ({@code "} or {@code '}) attribute value: {@code & <
   * > " '} as character references. A NUL, which HTML parsers replace or drop, becomes U+FFFD.
   */
  public static String html(String text) {
    return each(
        text,
        (out, c) -> {
          switch (c) {
            case '&' -> out.append("&amp;");
            case '<' -> out.append("&lt;");
            case '>' -> out.append("&gt;");
            case '"' -> out.append("&quot;");
            case '\'' -> out.append("&#39;");
            case '\0' -> out.append('\uFFFD');
            default -> out.append(c);
          }
        });
  }

  /** A quoted attribute value: the same escaping as {@link #html} (both quotes are escaped). */
  public static String htmlAttribute(String text) {
    return html(text);
  }

  /**
   * JSON made safe inside a {@code <script>} element: {@code < > &} and the JavaScript line
   * separators U+2028/U+2029 as {@code \}{@code uXXXX} escapes. Outside strings JSON never holds
   * these characters, so the result is the same JSON value, and no {@code </script>} or {@code
   * <!--} can end the element early.
   */
  public static String scriptJson(String json) {
    return each(
        json,
        (out, c) -> {
          switch (c) {
            case '<' -> out.append("\\u003c");
            case '>' -> out.append("\\u003e");
            case '&' -> out.append("\\u0026");
            case '\u2028' -> out.append("\\u2028");
            case '\u2029' -> out.append("\\u2029");
            default -> out.append(c);
          }
        });
  }

  // --- terminal -----------------------------------------------------------------------------

  /**
   * One value (a table cell, a title in a line) for a terminal: every control character is shown
   * visibly, line breaks and tabs included, so the value stays on its line. C0 controls and DEL
   * become their Unicode control pictures ({@code ESC} → {@code ␛}, {@code BEL} → {@code ␇}, CR →
   * {@code ␍}); C1 controls, bidirectional embeddings, overrides and isolates (U+202A–U+202E,
   * U+2066–U+2069) become {@code <U+XXXX>}.
   */
  public static String terminal(String text) {
    return terminal(text, false);
  }

  /**
   * A block of several lines for a terminal: like {@link #terminal}, but line feeds and tabs are
   * kept (CR is not: it would let a line overwrite what was printed before it).
   */
  public static String terminalLines(String text) {
    return terminal(text, true);
  }

  private static String terminal(String text, boolean keepLines) {
    if (text == null) {
      return "";
    }
    if (!needsTerminalEscape(text, keepLines)) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (keepLines && (c == '\n' || c == '\t')) {
        out.append(c);
      } else if (c < 0x20) {
        out.append((char) (0x2400 + c));
      } else if (c == 0x7F) {
        out.append('\u2421');
      } else if (unsafeForTerminal(c)) {
        out.append(String.format("<U+%04X>", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static boolean needsTerminalEscape(String text, boolean keepLines) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean kept = keepLines && (c == '\n' || c == '\t');
      if (!kept && (c < 0x20 || c == 0x7F || unsafeForTerminal(c))) {
        return true;
      }
    }
    return false;
  }

  /** C1 controls and the bidirectional embedding, override and isolate characters. */
  private static boolean unsafeForTerminal(char c) {
    return (c >= 0x80 && ControlCharacters.isControl(c)) || ControlCharacters.isBidiControl(c);
  }

  // --- spreadsheets -------------------------------------------------------------------------

  /**
   * A text cell for CSV or XLSX: text starting with {@code = + - @}, a tab, CR, LF or NUL (which a
   * spreadsheet may run as a formula, or strip to reach one) gets a leading apostrophe, as OWASP's
   * "CSV injection" advice says; so does text whose first visible character is one of {@code = +
   * - @} after leading spaces or controls. A plain number ({@code -12}, {@code +3.5}, {@code -5%})
   * stays as it is: it is a number, not a formula.
   */
  public static String spreadsheet(String text) {
    if (text == null || text.isEmpty()) {
      return text == null ? "" : text;
    }
    if (NUMBER.matcher(text).matches()) {
      return text;
    }
    char first = text.charAt(0);
    if (first == '\t' || first == '\r' || first == '\n' || first == '\0' || isFormulaStart(first)) {
      return "'" + text;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == ' ' || c == '\u3000' || c < 0x20 || c == 0x7F) {
        continue;
      }
      return isFormulaStart(c) ? "'" + text : text;
    }
    return text;
  }

  private static boolean isFormulaStart(char c) {
    return c == '=' || c == '+' || c == '-' || c == '@';
  }

  // --- chat webhooks ------------------------------------------------------------------------

  /**
   * Text from the web inside chat markdown (Feishu {@code lark_md}, DingTalk, WeCom): the
   * characters that make links, images, HTML tags ({@code <at>}, {@code <font>}), entities,
   * emphasis, strike-through, code and mentions become their full-width forms, so a title cannot
   * add a link or an @-mention or re-format the message; controls and line breaks become spaces, so
   * it cannot start a line (a heading, a quote, a table) either.
   */
  public static String chatMarkdown(String text) {
    return chat(text, "[]()<>*_`@!~&\\", "［］（）＜＞＊＿｀＠！～＆＼");
  }

  /**
   * Text from the web inside a plain chat text message (Feishu {@code text} messages still read
   * {@code <at user_id="all">} tags): tag brackets and {@code @} become full-width, controls and
   * line breaks spaces.
   */
  public static String chatText(String text) {
    return chat(text, "<>@", "＜＞＠");
  }

  /**
   * Chat text: each of {@code special} as the full-width character at its index in {@code
   * fullWidth}; controls, C1 controls, bidirectional overrides and line separators as spaces.
   */
  private static String chat(String text, String special, String fullWidth) {
    return each(
        text,
        (out, c) -> {
          int i = special.indexOf(c);
          if (i >= 0) {
            out.append(fullWidth.charAt(i));
          } else if (ControlCharacters.breaksALine(c)) {
            out.append(' ');
          } else {
            out.append(c);
          }
        });
  }

  /** Writes one character of a text, escaped or as it is. */
  @FunctionalInterface
  private interface CharEscape {
    void append(StringBuilder out, char c);
  }

  /** {@code text} with every character written by {@code escape}; {@code ""} for {@code null}. */
  private static String each(String text, CharEscape escape) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      escape.append(out, text.charAt(i));
    }
    return out.toString();
  }
}
