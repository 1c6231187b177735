package com.mallrank.crawler.parse;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs a profile's field regex with a bound on its work. The profile loader refuses the patterns
 * that backtrack exponentially (nested quantifiers, repeated alternations); what it accepts may
 * still backtrack polynomially ({@code .*.*.*.*x}), so every match also has a step budget and the
 * text it reads is capped. Out of budget, the value is refused ({@link RefusedValueException}) and
 * the field stays empty.
 */
final class BoundedRegex {

  /** The most characters a regex reads per match (each backtracking step reads one). */
  static final long STEP_BUDGET = 1_000_000;

  /** The longest text a regex is applied to; a longer field text is refused. */
  static final int MAX_INPUT = 100_000;

  private BoundedRegex() {}

  /**
   * The pattern's first group in the first match, or {@code null} when it does not match.
   *
   * @throws RefusedValueException when the text is too long or the budget is spent
   */
  static String group1(Pattern pattern, String text) {
    if (text.length() > MAX_INPUT) {
      throw new RefusedValueException(
          "text of " + text.length() + " characters for the regex (max " + MAX_INPUT + ")");
    }
    try {
      Matcher matcher = pattern.matcher(new StepBoundedText(text, STEP_BUDGET));
      return matcher.find() ? matcher.group(1) : null;
    } catch (StepBoundedText.BudgetExceeded e) {
      throw new RefusedValueException(
          "regex gave up after " + STEP_BUDGET + " steps (it backtracks too much)");
    } catch (StackOverflowError e) {
      // java.util.regex recurses once per repetition of a group: a long enough text overflows.
      throw new RefusedValueException(
          "regex recursed too deep on " + text.length() + " characters");
    }
  }
}
