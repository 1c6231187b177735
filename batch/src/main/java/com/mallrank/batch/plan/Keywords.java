package com.mallrank.batch.plan;

import com.mallrank.crawler.text.ControlCharacters;
import java.util.Optional;

/**
 * What a keyword may be, in one place for plan files and CSV keyword lists. A keyword goes into the
 * search URL, into every sample's document id and into reports: a 5,000-character keyword would
 * pass validation and then fail every sample (Elasticsearch refuses ids over 512 bytes), and a
 * control character would corrupt terminals and CSV files. Refused when the plan is read, with
 * file, line and field.
 */
public final class Keywords {

  /**
   * The longest keyword accepted, in characters (code points). Douyin's search box takes fewer;
   * anything longer is a paste mistake, not a search.
   */
  public static final int MAX_LENGTH = 100;

  private Keywords() {}

  /**
   * Why the keyword is refused, or empty when it is fine.
   *
   * @param keyword a stripped, non-blank keyword
   */
  public static Optional<String> problem(String keyword) {
    int length = keyword.codePointCount(0, keyword.length());
    if (length > MAX_LENGTH) {
      return Optional.of(
          "keyword of " + length + " characters; the limit is " + MAX_LENGTH + " characters");
    }
    for (int i = 0; i < keyword.length(); i++) {
      char c = keyword.charAt(i);
      if (ControlCharacters.breaksALine(c)) {
        return Optional.of(
            String.format("keyword contains the control character U+%04X at index %d", (int) c, i));
      }
    }
    return Optional.empty();
  }
}
