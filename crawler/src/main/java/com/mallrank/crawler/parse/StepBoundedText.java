package com.mallrank.crawler.parse;

/**
 * A text that counts how often a regex engine reads it and stops the match after a budget: {@link
 * java.util.regex} backtracks without any time bound, so a profile pattern that backtracks heavily
 * would otherwise hang a sample on one card. Every step of the engine reads a character through
 * {@link #charAt}, so the count bounds the work of one match whatever the pattern.
 */
final class StepBoundedText implements CharSequence {

  /** Thrown from {@link #charAt} when the budget is spent; the match is abandoned. */
  static final class BudgetExceeded extends RuntimeException {
    BudgetExceeded() {
      super(null, null, false, false);
    }
  }

  private final String text;
  private long remaining;

  StepBoundedText(String text, long budget) {
    this.text = text;
    this.remaining = budget;
  }

  @Override
  public char charAt(int index) {
    if (--remaining < 0) {
      throw new BudgetExceeded();
    }
    return text.charAt(index);
  }

  @Override
  public int length() {
    return text.length();
  }

  @Override
  public CharSequence subSequence(int start, int end) {
    return text.substring(start, end);
  }

  @Override
  public String toString() {
    return text;
  }
}
