package com.mallrank.batch.alert;

import java.util.List;

/** One alert rule: looks at a slot's changes and samples, says what deserves an alert. */
public interface AlertRule {

  /** The rule id: stable, {@code snake_case}, part of every alert's dedupe key. */
  String id();

  /**
   * The alerts of this input, possibly none. Must not have side effects: dedupe and delivery happen
   * later.
   */
  List<Alert> evaluate(AlertInput input);
}
