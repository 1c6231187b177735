package com.mallrank.batch.alert;

import com.mallrank.index.document.ChangeKind;

/** A matrix-account listing left the Top-20 (from an ok or partial sample, never a blocked one). */
public final class OwnLeftTop20Rule extends ChangeRule {

  public static final String ID = "own_left_top20";

  public OwnLeftTop20Rule() {
    super(ID);
  }

  @Override
  Alert evaluate(AlertInput.Change change) {
    if (change.kind() != ChangeKind.LEFT_TOP20 || !change.own()) {
      return null;
    }
    return alert(
        Alert.Severity.CRITICAL,
        change,
        change.matrixAccount() + " 的商品跌出前20",
        "排名 " + rank(change.rankBefore()) + " → " + rank(change.rankAfter()));
  }
}
