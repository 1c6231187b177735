package com.mallrank.crawler.repair;

import com.mallrank.crawler.image.ImageKey;
import com.mallrank.crawler.parse.Numbers;
import com.mallrank.crawler.parse.RefusedValueException;
import com.mallrank.crawler.profile.FieldName;
import com.mallrank.crawler.profile.NumberUnit;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a text found on the new page can give a known value: as it is, through a regex with one group
 * (an id inside a link, a title behind a label), or as a number in a unit (yuan or fen, percent or
 * basis points, {@code ,} as decimal separator). Only shapes the profile loader accepts are
 * proposed (no repeated group holding a repeat or an alternation).
 *
 * @param regex the pattern, or {@code null}
 * @param unit the number's unit, or {@code null} for texts
 * @param separator the decimal separator
 * @param cost how much the transform adds to a rule (a regex costs, a plain read does not)
 */
record Transform(String regex, NumberUnit unit, char separator, double cost) {

  /** The longest text searched for a known value (a card's whole text is not a field). */
  static final int MAX_RAW = 4_000;

  private static final Pattern NUMBER = Pattern.compile("[0-9][0-9,]*(?:\\.[0-9]+)?");
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  /** Every way {@code raw} gives {@code known} for the field; empty when it does not hold it. */
  static List<Transform> of(FieldName field, String raw, String known) {
    List<Transform> out = new ArrayList<>();
    if (raw == null || known == null || raw.length() > MAX_RAW) {
      return out;
    }
    switch (field) {
      case PRODUCT_ID, SHOP_ID -> ids(raw.strip(), known, out);
      case PRICE -> numbers(raw, known, NumberUnit.YUAN, NumberUnit.FEN, out);
      case COMMISSION -> numbers(raw, known, NumberUnit.PERCENT, NumberUnit.BASIS_POINTS, out);
      case IMAGE -> {
        ImageKey key = ImageKey.of(known);
        if (key != null && key.equals(ImageKey.of(raw.strip()))) {
          out.add(new Transform(null, null, '.', 0));
        }
      }
      default -> texts(raw.strip(), known, out);
    }
    return out;
  }

  /** An id as the whole text, or as a token inside it (a link, a tracking attribute). */
  private static void ids(String raw, String known, List<Transform> out) {
    if (raw.equals(known)) {
      out.add(new Transform(null, null, '.', 0));
      return;
    }
    String chars =
        known.matches("[0-9]+")
            ? "[0-9]"
            : known.matches("[A-Za-z0-9_-]+") ? "[A-Za-z0-9_-]" : null;
    int at = tokenAt(raw, known, chars);
    if (chars == null || at < 0) {
      return;
    }
    String group = "(" + chars + "+)";
    // an id cut out of a long text (a whole card's) holds less than one out of a link
    double noise = raw.length() > known.length() + 64 ? 1 : 0;
    if (firstGroup(group, raw).equals(known)) {
      out.add(new Transform(group, null, '.', 1.5 + noise));
    }
    // the shortest literal before it that finds it, and the path segment or parameter it is in
    for (int k = 1; k <= Math.min(24, at); k++) {
      String regex = literal(raw.substring(at - k, at)) + group;
      if (firstGroup(regex, raw).equals(known)) {
        out.add(new Transform(regex, null, '.', 2 + noise));
        break;
      }
    }
    int start = at;
    while (start > 0 && at - start < 24 && "/?&#=\"' ".indexOf(raw.charAt(start - 1)) < 0) {
      start--;
    }
    while (start > 0 && at - start < 24 && "/?&#=\"' ".indexOf(raw.charAt(start - 1)) >= 0) {
      start--;
    }
    if (start < at) {
      String regex = literal(raw.substring(start, at)) + group;
      if (firstGroup(regex, raw).equals(known)) {
        // the whole path segment or parameter name reads better and holds longer: preferred
        out.add(new Transform(regex, null, '.', 1.9 + noise));
      }
    }
  }

  /** Where {@code id} stands in {@code raw} between characters that cannot continue it, or -1. */
  private static int tokenAt(String raw, String id, String chars) {
    Pattern part = Pattern.compile(chars == null ? "." : chars);
    for (int at = raw.indexOf(id); at >= 0; at = raw.indexOf(id, at + 1)) {
      int end = at + id.length();
      boolean before = at == 0 || !part.matcher(raw.substring(at - 1, at)).matches();
      boolean after = end == raw.length() || !part.matcher(raw.substring(end, end + 1)).matches();
      if (before && after) {
        return at;
      }
    }
    return -1;
  }

  /** A text as it is, or behind a fixed label or before a fixed suffix (either optional). */
  private static void texts(String raw, String known, List<Transform> out) {
    if (raw.equals(known)) {
      out.add(new Transform(null, null, '.', 0));
      return;
    }
    int at = raw.indexOf(known);
    if (at < 0) {
      return;
    }
    String prefix = raw.substring(0, at);
    String suffix = raw.substring(at + known.length());
    if (prefix.length() + suffix.length() > 32) {
      return;
    }
    String p = literal(prefix);
    String s = literal(suffix);
    out.add(new Transform("^" + p + "(.+?)" + s + "$", null, '.', 2));
    if (!prefix.isEmpty()) {
      out.add(new Transform("^(?:" + p + ")?(.+?)" + s + "$", null, '.', 2.5));
    }
    if (!suffix.isEmpty()) {
      out.add(new Transform("^" + p + "(.+?)(?:" + s + ")?$", null, '.', 2.5));
    }
    if (!prefix.isEmpty() && !suffix.isEmpty()) {
      out.add(new Transform("^(?:" + p + ")?(.+?)(?:" + s + ")?$", null, '.', 3));
    }
  }

  /**
   * A number as the first one in the text (the extractor's rule) in the main unit or in hundredths,
   * with {@code .} or {@code ,} as the decimal separator; or a later one behind a fixed label.
   */
  private static void numbers(
      String raw, String known, NumberUnit main, NumberUnit hundredths, List<Transform> out) {
    if (raw.length() > 200) {
      return;
    }
    BigDecimal value;
    try {
      value = new BigDecimal(known);
    } catch (NumberFormatException e) {
      return;
    }
    BigDecimal scaled = value.multiply(HUNDRED);
    for (char separator : new char[] {'.', ','}) {
      BigDecimal first = parse(raw, separator);
      if (first == null) {
        continue;
      }
      if (first.compareTo(value) == 0) {
        out.add(new Transform(null, main, separator, separator == '.' ? 0 : 0.5));
      } else if (first.compareTo(scaled) == 0 && first.stripTrailingZeros().scale() <= 0) {
        out.add(new Transform(null, hundredths, separator, separator == '.' ? 0.1 : 0.6));
      }
    }
    if (!out.isEmpty()) {
      return;
    }
    Matcher numbers = NUMBER.matcher(raw);
    for (int n = 0; n < 6 && numbers.find(); n++) {
      BigDecimal candidate = parse(numbers.group(), '.');
      if (n == 0 || candidate == null) {
        continue;
      }
      NumberUnit unit =
          candidate.compareTo(value) == 0
              ? main
              : candidate.compareTo(scaled) == 0 ? hundredths : null;
      int start = numbers.start();
      int from = start;
      while (from > 0 && start - from < 8 && !Character.isDigit(raw.charAt(from - 1))) {
        from--;
      }
      String label = raw.substring(from, start).strip();
      if (unit != null && !label.isEmpty()) {
        out.add(new Transform(literal(label) + "\\s*([0-9][0-9,.]*)", unit, '.', 2));
      }
    }
  }

  private static BigDecimal parse(String raw, char separator) {
    try {
      return Numbers.parse(raw, separator);
    } catch (RefusedValueException e) {
      return null;
    }
  }

  /** The group of the first match, or {@code ""}. */
  private static String firstGroup(String regex, String raw) {
    Matcher m = Pattern.compile(regex).matcher(raw);
    return m.find() && m.group(1) != null ? m.group(1) : "";
  }

  /** A regex matching {@code text} literally: ASCII punctuation escaped, the rest as it is. */
  static String literal(String text) {
    StringBuilder out = new StringBuilder(text.length() * 2);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 || Character.isWhitespace(c) && c != ' ') {
        out.append("\\s");
        continue;
      }
      if (c < 0x80 && !Character.isLetterOrDigit(c) && c != '_' && c != ' ') {
        out.append('\\');
      }
      out.append(c);
    }
    return out.toString();
  }
}
