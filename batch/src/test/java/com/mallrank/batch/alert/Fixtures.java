package com.mallrank.batch.alert;

import com.mallrank.index.document.ChangeKind;
import java.time.Instant;
import java.util.List;

/** Alert inputs as the coordinator will build them from the index's change events. */
final class Fixtures {

  static final Instant SLOT = Instant.parse("2026-11-28T06:00:00Z");

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
