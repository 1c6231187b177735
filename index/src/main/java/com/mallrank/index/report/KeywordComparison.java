package com.mallrank.index.report;

import java.util.List;

/**
 * What changed for one keyword on one site profile (surface) between two slots. Only when both
 * samples produced ranks is the keyword {@linkplain #comparable() comparable}; otherwise all lists
 * are empty and the statuses say why (a blocked page is not "everyone left the Top-20").
 *
 * @param keyword the keyword
 * @param profile the site profile (surface) both samples are of; {@code null} only when the report
 *     covers every profile and the keyword has no sample in either slot
 * @param statusBefore the earlier sample's status, or {@value KeywordTop20#STATUS_MISSING}
 * @param statusAfter the later sample's status, or {@value KeywordTop20#STATUS_MISSING}
 * @param comparable whether both samples were ok or partial
 * @param own matrix-account listings that moved, entered or left the Top-N, by later position
 * @param competitors competitor listings that entered or left the Top-N
 * @param changes competitor price, commission, image and title changes
 */
public record KeywordComparison(
    String keyword,
    String profile,
    String statusBefore,
    String statusAfter,
    boolean comparable,
    List<RankChange> own,
    List<RankChange> competitors,
    List<FieldChange> changes) {

  public KeywordComparison {
    own = List.copyOf(own);
    competitors = List.copyOf(competitors);
    changes = List.copyOf(changes);
  }

  static KeywordComparison notComparable(
      String keyword, String profile, String before, String after) {
    return new KeywordComparison(
        keyword, profile, before, after, false, List.of(), List.of(), List.of());
  }

  /** Whether anything changed (always false when not comparable). */
  public boolean hasChanges() {
    return !own.isEmpty() || !competitors.isEmpty() || !changes.isEmpty();
  }
}
