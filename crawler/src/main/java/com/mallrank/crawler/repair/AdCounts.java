package com.mallrank.crawler.repair;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How a sponsored rule's flags compare with the known ones, per product and regardless of order: a
 * product shown as an ad and organically (an advertiser also ranks) counts one agreeing ad and one
 * agreeing organic card whichever of its cards comes first. An ad is a placement bought for a time,
 * not a property of the product: listings known from another hour flag other products, so a rule is
 * judged by the share of known ads it flags (recall) and of its flags that are known ads
 * (precision), each at least {@value #MIN_SHARE}, not by the cards it agrees on (a rule flagging
 * nothing agrees on every organic card).
 *
 * @param tp known ads flagged
 * @param fp known organic cards flagged
 * @param fn known ads not flagged
 * @param tn known organic cards not flagged
 */
record AdCounts(int tp, int fp, int fn, int tn) {

  /** The least recall and precision of an accepted rule. */
  static final double MIN_SHARE = 0.5;

  /**
   * Counts over paired cards: {@code ids.get(i)}'s known flag {@code known.get(i)}, read flag
   * {@code read.get(i)}.
   */
  static AdCounts of(List<String> ids, List<Boolean> known, List<Boolean> read) {
    Map<String, int[]> perProduct =
        new HashMap<>(); // known ads, known organic, read ads, read organic
    for (int i = 0; i < ids.size(); i++) {
      int[] c = perProduct.computeIfAbsent(ids.get(i), k -> new int[4]);
      c[known.get(i) ? 0 : 1]++;
      c[read.get(i) ? 2 : 3]++;
    }
    int tp = 0;
    int fp = 0;
    int fn = 0;
    int tn = 0;
    for (int[] c : perProduct.values()) {
      int ads = Math.min(c[0], c[2]);
      int organic = Math.min(c[1], c[3]);
      tp += ads;
      tn += organic;
      fn += c[0] - ads;
      fp += c[1] - organic;
    }
    return new AdCounts(tp, fp, fn, tn);
  }

  int ads() {
    return tp + fn;
  }

  int total() {
    return tp + fp + fn + tn;
  }

  /** Cards whose flag is the known one. */
  int agree() {
    return tp + tn;
  }

  /** Youden's J: the share of ads flagged less the share of organic cards flagged. */
  double j() {
    double recall = ads() == 0 ? 0 : (double) tp / ads();
    int organic = fp + tn;
    return recall - (organic == 0 ? 0 : (double) fp / organic);
  }

  /**
   * Whether a rule with these counts reads the ads: with known ads, at least half of them flagged
   * and at least half of its flags known ads; without, no more than {@code 1 - minAgreement} of the
   * organic cards flagged.
   */
  boolean accepted(double minAgreement) {
    if (ads() == 0) {
      return fp <= (1 - minAgreement) * total();
    }
    return tp >= MIN_SHARE * ads() && tp >= MIN_SHARE * (tp + fp);
  }

  /** {@code 5 of 6 known ads flagged, 1 organic card flagged}. */
  String describe() {
    return tp + " of " + ads() + " known ads flagged, " + fp + " organic flagged";
  }
}
