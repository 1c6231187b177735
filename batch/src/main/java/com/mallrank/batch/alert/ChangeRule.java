package com.mallrank.batch.alert;

import com.mallrank.index.document.ChangeKind;
import java.util.ArrayList;
import java.util.List;

/** A rule that looks at change events one at a time. */
abstract class ChangeRule extends IdentifiedRule {

  ChangeRule(String id) {
    super(id);
  }

  @Override
  public final List<Alert> evaluate(AlertInput input) {
    List<Alert> alerts = new ArrayList<>();
    for (AlertInput.Change change : input.changes()) {
      Alert alert = evaluate(change);
      if (alert != null) {
        alerts.add(alert);
      }
    }
    return alerts;
  }

  /** The alert of one change, or {@code null}. */
  abstract Alert evaluate(AlertInput.Change change);

  Alert alert(Alert.Severity severity, AlertInput.Change change, String summary, String detail) {
    return new Alert(
        id(),
        severity,
        change.slot(),
        change.profile(),
        change.keyword(),
        change.productId(),
        change.vantage(),
        change.matrixAccount(),
        summary,
        detail);
  }

  static String rank(Integer rank) {
    return rank == null ? "-" : "#" + rank;
  }

  static String shop(AlertInput.Change change) {
    return change.shop() == null ? "商品 " + change.productId() : change.shop();
  }

  /**
   * The earlier and later value of a competitor's change of {@code kind} as numbers (fen, basis
   * points), or {@code null} when the change is of another kind, is the own listing's, or either
   * value is missing or not a number.
   */
  static Values competitor(AlertInput.Change change, ChangeKind kind) {
    Long before = number(change.oldValue());
    Long after = number(change.newValue());
    if (change.kind() != kind || change.own() || before == null || after == null) {
      return null;
    }
    return new Values(before, after);
  }

  /** The two numbers of a change: before and after. */
  record Values(long before, long after) {}

  static Long number(String value) {
    if (value == null) {
      return null;
    }
    try {
      return Long.parseLong(value.strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
