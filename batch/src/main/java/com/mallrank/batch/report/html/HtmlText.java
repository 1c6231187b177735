package com.mallrank.batch.report.html;

/** Escaping for text put into HTML and for JSON put into a {@code <script>} element. */
public final class HtmlText {

  private HtmlText() {}

  /** Text for an element body or a quoted attribute: {@code & < > " '} escaped. */
  public static String escape(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * JSON made safe inside a {@code <script>} element: {@code < > &} and the JavaScript line
   * separators U+2028/U+2029 as {@code \}{@code uXXXX} escapes. Outside strings JSON never holds
   * these characters, so the result is the same JSON value, and no {@code </script>} or {@code
   * <!--} can end the element early.
   */
  public static String scriptJson(String json) {
    StringBuilder out = new StringBuilder(json.length() + 16);
    for (int i = 0; i < json.length(); i++) {
      char c = json.charAt(i);
      switch (c) {
        case '<' -> out.append("\\u003c");
        case '>' -> out.append("\\u003e");
        case '&' -> out.append("\\u0026");
        case '\u2028' -> out.append("\\u2028");
        case '\u2029' -> out.append("\\u2029");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
