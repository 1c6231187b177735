package com.mallrank.batch.changes;

import com.mallrank.index.changes.DetectionSettings;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code batch.changes.*}: how far change detection looks after each slot.
 *
 * @param depth positions compared per sample (the Top-20 .. 60)
 * @param newShopLookback how many earlier ranked samples of the keyword and vantage a shop must be
 *     absent from to be a new shop (1..1000)
 * @param maxGap the oldest the previous ranked sample may be to be compared
 */
@ConfigurationProperties("batch.changes")
public record ChangeProperties(int depth, int newShopLookback, Duration maxGap) {

  /** These settings for the detector (which checks their bounds). */
  public DetectionSettings settings() {
    return new DetectionSettings(depth, newShopLookback, maxGap);
  }
}
