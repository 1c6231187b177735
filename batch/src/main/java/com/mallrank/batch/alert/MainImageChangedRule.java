package com.mallrank.batch.alert;

import com.mallrank.index.document.ChangeKind;

/** A competitor changed its main image (the picture, not just the signed URL). */
public final class MainImageChangedRule extends ChangeRule {

  public static final String ID = "main_image_changed";

  public MainImageChangedRule() {
    super(ID);
  }

  @Override
  Alert evaluate(AlertInput.Change change) {
    if (change.kind() != ChangeKind.MAIN_IMAGE || change.own()) {
      return null;
    }
    return alert(
        Alert.Severity.INFO, change, shop(change) + " 更换主图", "排名 " + rank(change.rankAfter()));
  }
}
