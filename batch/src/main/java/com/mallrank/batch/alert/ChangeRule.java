package com.mallrank.batch.alert;

import java.util.ArrayList;
import java.util.List;

/** A rule that looks at change events one at a time. */
abstract class ChangeRule implements AlertRule {

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
