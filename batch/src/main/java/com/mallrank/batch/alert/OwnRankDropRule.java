package com.mallrank.batch.alert;

import com.mallrank.index.document.ChangeKind;

/** A matrix-account listing dropped by at least N positions (still ranked). */
public final class OwnRankDropRule extends ChangeRule {

  public static final String ID = "own_rank_drop";

  private final int minDrop;

  /**
   * @param minDrop the smallest drop that alerts, at least 1
   */
  public OwnRankDropRule(int minDrop) {
    super(ID);
    if (minDrop < 1) {
      throw new IllegalArgumentException("alerts.rules.own-rank-drop must be >= 1, was " + minDrop);
    }
    this.minDrop = minDrop;
  }

  @Override
  Alert evaluate(AlertInput.Change change) {
    if (change.kind() != ChangeKind.OWN_MOVED
        || change.rankBefore() == null
        || change.rankAfter() == null) {
      return null;
    }
    int drop = change.rankAfter() - change.rankBefore();
    if (drop < minDrop) {
      return null;
    }
    return alert(
        drop >= 2 * minDrop ? Alert.Severity.CRITICAL : Alert.Severity.WARNING,
        change,
        (change.matrixAccount() == null ? "自有商品" : change.matrixAccount() + " 的商品")
            + " 排名下降 "
            + drop
            + " 位",
        "排名 " + rank(change.rankBefore()) + " → " + rank(change.rankAfter()));
  }
}
