package com.mallrank.crawler.text;

/**
 * The control-character rule: which characters text from a page, a capture or a file may not carry
 * where it goes (document ids, terminals, CSV files, one-line messages), and how such text is shown
 * on one line. The one home of the rule in the crawler (and for the batch, which uses it).
 */
public final class ControlCharacters {

  private ControlCharacters() {}

  /** A C0 or C1 control character ({@code Cc}: NUL, tab, newline, escape, DEL, …). */
  public static boolean isControl(int codePoint) {
    return Character.getType(codePoint) == Character.CONTROL;
  }

  /**
   * Whether an id-like token may not hold this character: a control, a format character ({@code
   * Cf}: zero-width joiners, bidirectional overrides and isolates) or a line or paragraph
   * separator.
   */
  public static boolean breaksAToken(int codePoint) {
    int type = Character.getType(codePoint);
    return type == Character.CONTROL
        || type == Character.FORMAT
        || type == Character.LINE_SEPARATOR
        || type == Character.PARAGRAPH_SEPARATOR;
  }

  /**
   * A bidirectional embedding, override or isolate (U+202A to U+202E, U+2066 to U+2069): it
   * reorders how the text around it is shown.
   */
  public static boolean isBidiControl(int codePoint) {
    return (codePoint >= 0x202A && codePoint <= 0x202E)
        || (codePoint >= 0x2066 && codePoint <= 0x2069);
  }

  /**
   * Whether one line of text (a keyword, a terminal or chat line, a YAML scalar) may not show this
   * character as it is: a control, a line or paragraph separator, or a {@linkplain #isBidiControl
   * bidirectional control}. Other format characters (a zero-width joiner in an emoji) are kept.
   */
  public static boolean breaksALine(int codePoint) {
    return isControl(codePoint)
        || codePoint == 0x2028
        || codePoint == 0x2029
        || isBidiControl(codePoint);
  }

  /** {@code value} with each control character as {@code replacement}. */
  public static String replaceControls(String value, char replacement) {
    StringBuilder sb = new StringBuilder(value.length());
    value.codePoints().forEach(c -> sb.appendCodePoint(isControl(c) ? replacement : c));
    return sb.toString();
  }

  /**
   * {@code value} as a message may show it: one line, control characters as spaces, at most {@code
   * max} characters (code points, never half a character), then {@code …} when cut.
   */
  public static String oneLine(String value, int max) {
    StringBuilder sb = new StringBuilder();
    value.codePoints().limit(max + 1L).forEach(c -> sb.appendCodePoint(isControl(c) ? ' ' : c));
    if (sb.codePointCount(0, sb.length()) > max) {
      sb.setLength(sb.offsetByCodePoints(0, max));
      sb.append('…');
    }
    return sb.toString();
  }
}
