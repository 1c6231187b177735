package com.mallrank.batch.alert;

import com.mallrank.index.document.ChangeKind;
import java.time.Instant;
import java.util.List;

/** Alert inputs as the coordinator will build them from the index's change events. */
final class Fixtures {

  static final Instant SLOT = Instant.parse("2026-11-28T06:00:00Z");
  static final String MALL = "douyin-mall";
  static final String BUYIN = "douyin-buyin";

  private Fixtures() {}

  static AlertInput.Change change(
      ChangeKind kind,
      String keyword,
      String product,
      String account,
      String oldValue,
      String newValue,
      Integer before,
      Integer after) {
    return new AlertInput.Change(
        SLOT,
        MALL,
        keyword,
        "anonymous",
        kind,
        product,
        "暖冬旗舰店",
        account,
        oldValue,
        newValue,
        before,
        after);
  }

  /** The same change seen on another profile (surface). */
  static AlertInput.Change on(String profile, AlertInput.Change c) {
    return new AlertInput.Change(
        c.slot(),
        profile,
        c.keyword(),
        c.vantage(),
        c.kind(),
        c.productId(),
        c.shop(),
        c.matrixAccount(),
        c.oldValue(),
        c.newValue(),
        c.rankBefore(),
        c.rankAfter());
  }

  static AlertInput input(AlertInput.Change... changes) {
    return new AlertInput(SLOT, List.of(changes), List.of());
  }

  /** One own listing out of the Top-20: one critical alert. */
  static AlertInput ownLeft() {
    return input(
        change(
            ChangeKind.LEFT_TOP20,
            "加厚羽绒服女长款",
            "3698123456789012345",
            "mx-hangzhou",
            null,
            null,
            8,
            null));
  }
}
