package com.mallrank.batch.alert;

import com.mallrank.batch.text.Formats;
import com.mallrank.index.document.ChangeKind;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** A competitor cut its price by at least X percent. */
public final class CompetitorPriceCutRule extends ChangeRule {

  public static final String ID = "competitor_price_cut";

  private final BigDecimal minPercent;

  /**
   * @param minPercent the smallest cut that alerts, in percent (10 = 10 %), above 0
   */
  public CompetitorPriceCutRule(BigDecimal minPercent) {
    super(ID);
    if (minPercent.signum() <= 0) {
      throw new IllegalArgumentException(
          "alerts.rules.competitor-price-cut-percent must be > 0, was " + minPercent);
    }
    this.minPercent = minPercent;
  }

  @Override
  Alert evaluate(AlertInput.Change change) {
    Values values = competitor(change, ChangeKind.PRICE);
    if (values == null || values.before() <= 0 || values.after() >= values.before()) {
      return null;
    }
    long before = values.before();
    long after = values.after();
    BigDecimal cut =
        BigDecimal.valueOf(before - after)
            .multiply(BigDecimal.valueOf(100))
            .divide(BigDecimal.valueOf(before), 1, RoundingMode.HALF_UP);
    if (cut.compareTo(minPercent) < 0) {
      return null;
    }
    return alert(
        Alert.Severity.WARNING,
        change,
        shop(change) + " 降价 " + Formats.percent(Formats.basisPoints(before - after, before)),
        Formats.price(before) + " → " + Formats.price(after) + "，排名 " + rank(change.rankAfter()));
  }
}
