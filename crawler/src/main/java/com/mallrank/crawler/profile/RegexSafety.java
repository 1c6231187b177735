package com.mallrank.crawler.profile;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * Finds, in a regex that compiles, the shapes that make {@link java.util.regex} backtrack
 * exponentially: a group that repeats ({@code *}, {@code +}, {@code {2,}}, {@code {25}}) and holds
 * a repeat of variable length ({@code (a+)+}, {@code (\w+\s?)*}, {@code (.*a){25}}) or an
 * alternation ({@code (a|a)*}). Their running time doubles with every character of a card; no step
 * budget makes such a profile useful, so the loader refuses them. Possessive quantifiers ({@code
 * a++}) and atomic groups ({@code (?>…)}) do not backtrack and are allowed.
 *
 * <p>Conservative by design: {@code (?:ab|cd)+} is refused too, although it is harmless. The shapes
 * accepted can still backtrack polynomially ({@code .*.*.*x}); the extractor bounds every match
 * with a step budget for those.
 */
final class RegexSafety {

  private RegexSafety() {}

  /** What a group holds, for the repeat that may follow it. */
  private static final class Group {
    final boolean atomic;
    boolean variable;
    boolean alternation;

    Group(boolean atomic) {
      this.atomic = atomic;
    }
  }

  /**
   * Why the pattern can backtrack exponentially, or empty when it cannot.
   *
   * @param regex a pattern that {@link java.util.regex.Pattern#compile} accepts
   */
  static Optional<String> problem(String regex) {
    Deque<Group> open = new ArrayDeque<>();
    open.push(new Group(false));
    Group closed = null; // the group just closed, when it is what a quantifier would repeat
    int i = 0;
    int n = regex.length();
    while (i < n) {
      char c = regex.charAt(i);
      if (c == '\\') {
        i = afterEscape(regex, i);
        closed = null;
      } else if (c == '[') {
        i = afterClass(regex, i);
        closed = null;
      } else if (c == '(') {
        int body = groupBody(regex, i);
        if (body < 0) { // (?i) and the like: flags, not a group
          i = regex.indexOf(')', i) + 1;
        } else {
          open.push(new Group(regex.startsWith("(?>", i)));
          i = body;
        }
        closed = null;
      } else if (c == ')') {
        Group group = open.pop();
        if (!group.atomic) {
          open.peek().variable |= group.variable;
          open.peek().alternation |= group.alternation;
        }
        closed = group;
        i++;
      } else if (c == '|') {
        open.peek().alternation = true;
        closed = null;
        i++;
      } else if (c == '*' || c == '+' || c == '?' || c == '{') {
        int start = i;
        long min;
        long max;
        if (c == '{') {
          int end = regex.indexOf('}', i);
          String[] bounds = regex.substring(i + 1, end).split(",", -1);
          min = Long.parseLong(bounds[0].strip());
          max =
              bounds.length == 1
                  ? min
                  : bounds[1].isBlank() ? Long.MAX_VALUE : Long.parseLong(bounds[1].strip());
          i = end + 1;
        } else {
          min = c == '+' ? 1 : 0;
          max = c == '?' ? 1 : Long.MAX_VALUE;
          i++;
        }
        boolean possessive = i < n && regex.charAt(i) == '+';
        if (i < n && (regex.charAt(i) == '+' || regex.charAt(i) == '?')) {
          i++;
        }
        if (!possessive) {
          if (closed != null && max > 1 && (closed.variable || closed.alternation)) {
            return Optional.of(
                "the group before '"
                    + regex.substring(start, i)
                    + "' (index "
                    + start
                    + ") repeats and holds "
                    + (closed.variable ? "a repeat of variable length" : "an alternation")
                    + ": it backtracks exponentially on a long enough text; write it without"
                    + " the nesting, or make the inner repeat possessive (a++) or atomic ((?>…))");
          }
          if (min != max) {
            open.peek().variable = true;
          }
        }
        closed = null;
      } else {
        closed = null;
        i++;
      }
    }
    return Optional.empty();
  }

  /** The index after an escape: {@code \Q…\E}, {@code \p{…}}, {@code \k<…>} or one character. */
  private static int afterEscape(String regex, int i) {
    if (i + 1 >= regex.length()) {
      return regex.length();
    }
    char e = regex.charAt(i + 1);
    if (e == 'Q') {
      int end = regex.indexOf("\\E", i + 2);
      return end < 0 ? regex.length() : end + 2;
    }
    if (i + 2 < regex.length()) {
      char open = regex.charAt(i + 2);
      if (open == '{' && "pPxN".indexOf(e) >= 0) {
        return regex.indexOf('}', i + 2) + 1;
      }
      if (open == '<' && e == 'k') {
        return regex.indexOf('>', i + 2) + 1;
      }
    }
    return i + 2;
  }

  /** The index after a character class starting at {@code i}, nested classes included. */
  private static int afterClass(String regex, int i) {
    int depth = 0;
    int j = i;
    while (j < regex.length()) {
      char c = regex.charAt(j);
      if (c == '\\') {
        j = afterEscape(regex, j);
        continue;
      }
      if (c == '[') {
        depth++;
        // a ']' right after '[' or '[^' is a literal
        if (j + 1 < regex.length() && regex.charAt(j + 1) == '^') {
          j++;
        }
        if (j + 1 < regex.length() && regex.charAt(j + 1) == ']') {
          j++;
        }
      } else if (c == ']') {
        depth--;
        if (depth == 0) {
          return j + 1;
        }
      }
      j++;
    }
    return regex.length();
  }

  /**
   * Where the body of the group opening at {@code i} starts, or -1 when {@code (?flags)} only sets
   * flags.
   */
  private static int groupBody(String regex, int i) {
    if (!regex.startsWith("(?", i)) {
      return i + 1;
    }
    int j = i + 2;
    char kind = j < regex.length() ? regex.charAt(j) : ')';
    if (kind == ':' || kind == '>' || kind == '=' || kind == '!') {
      return j + 1;
    }
    if (kind == '<') {
      if (regex.startsWith("<=", j) || regex.startsWith("<!", j)) {
        return j + 2;
      }
      return regex.indexOf('>', j) + 1; // a named group
    }
    while (j < regex.length() && (Character.isLetter(regex.charAt(j)) || regex.charAt(j) == '-')) {
      j++;
    }
    return j < regex.length() && regex.charAt(j) == ':' ? j + 1 : -1;
  }
}
