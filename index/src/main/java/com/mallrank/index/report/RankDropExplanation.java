package com.mallrank.index.report;

import com.mallrank.index.document.ChangeEvent;
import java.time.Instant;
import java.util.List;

/**
 * An own listing's drop and the competitor changes that may explain it.
 *
 * @param keyword the keyword
 * @param vantage the vantage
 * @param productId the own product
 * @param matrixAccount its matrix account, or {@code null} when unknown
 * @param before the earlier slot
 * @param after the later slot
 * @param rankBefore its position before, or {@code null} when not found
 * @param rankAfter its position after, or {@code null} when not found (beyond the loaded depth)
 * @param competitorChanges competitor events of the keyword and vantage with slots in (before,
 *     after], ordered by position now
 * @param overtakers those of them whose product now ranks above the own listing and did not before
 *     (entered, or moved past it)
 */
public record RankDropExplanation(
    String keyword,
    String vantage,
    String productId,
    String matrixAccount,
    Instant before,
    Instant after,
    Integer rankBefore,
    Integer rankAfter,
    List<ChangeEvent> competitorChanges,
    List<ChangeEvent> overtakers) {

  public RankDropExplanation {
    competitorChanges = List.copyOf(competitorChanges);
    overtakers = List.copyOf(overtakers);
  }
}
