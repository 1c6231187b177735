package com.mallrank.batch.alert;

import com.mallrank.batch.text.Formats;
import com.mallrank.index.document.ChangeKind;

/** A competitor raised its commission rate (creators promote whatever pays them best). */
public final class CommissionRaisedRule extends ChangeRule {

  public static final String ID = "commission_raised";

  public CommissionRaisedRule() {
    super(ID);
  }

  @Override
  Alert evaluate(AlertInput.Change change) {
    Values values = competitor(change, ChangeKind.COMMISSION);
    if (values == null || values.after() <= values.before()) {
      return null;
    }
    long before = values.before();
    long after = values.after();
    return alert(
        Alert.Severity.WARNING,
        change,
        shop(change) + " 提高佣金",
        Formats.percent(before)
            + " → "
            + Formats.percent(after)
            + "，排名 "
            + rank(change.rankAfter()));
  }
}
