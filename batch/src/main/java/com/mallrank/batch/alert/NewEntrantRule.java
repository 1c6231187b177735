package com.mallrank.batch.alert;

import com.mallrank.index.document.ChangeKind;

/**
 * A new competitor: a shop not seen before in the keyword's Top-20 ({@code new_shop}), or a
 * competitor listing that entered the Top-20 at position {@code maxRank} or better (entries further
 * down are the hourly ad rotation, not news).
 */
public final class NewEntrantRule extends ChangeRule {

  public static final String ID = "new_entrant";

  private final int maxRank;

  /**
   * @param maxRank entries at this position or better alert; 0 alerts only on new shops
   */
  public NewEntrantRule(int maxRank) {
    super(ID);
    this.maxRank = maxRank;
  }

  @Override
  Alert evaluate(AlertInput.Change change) {
    if (change.own()) {
      return null;
    }
    if (change.kind() == ChangeKind.NEW_SHOP) {
      return alert(
          Alert.Severity.WARNING,
          change,
          "新店铺进入前20：" + shop(change),
          "排名 " + rank(change.rankAfter()));
    }
    if (change.kind() == ChangeKind.ENTERED_TOP20
        && change.rankAfter() != null
        && change.rankAfter() <= maxRank) {
      return alert(
          Alert.Severity.INFO,
          change,
          "竞品进入前" + maxRank + "：" + shop(change),
          "排名 " + rank(change.rankBefore()) + " → " + rank(change.rankAfter()));
    }
    return null;
  }
}
