package com.mallrank.crawler.repair;

import com.mallrank.crawler.profile.FieldName;

/**
 * What repair decided for one field.
 *
 * @param field the field
 * @param old the old profile's rule, or {@code null} when it had none
 * @param proposed the rule to write, or {@code null} to leave the field as it is
 * @param agree on how many cards of known listings the chosen rule reads the known value
 * @param total how many cards of known listings have a known value for the field
 * @param reason why the field is left as it is, or {@code null}
 * @param best the best rule found, proposed or not ({@code null} when none read anything)
 */
record FieldOutcome(
    FieldName field,
    RuleSpec old,
    RuleSpec proposed,
    int agree,
    int total,
    String reason,
    RuleSpec best) {

  /** Whether the proposal changes the field's rule. */
  boolean changed() {
    return proposed != null && !proposed.equals(old);
  }
}
