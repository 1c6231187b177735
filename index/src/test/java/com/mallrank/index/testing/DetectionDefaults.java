package com.mallrank.index.testing;

import com.mallrank.index.changes.DetectionSettings;
import java.time.Duration;

/**
 * The change detection settings of {@code application.yml} ({@code batch.changes.*}, the one home
 * of their defaults) for tests of the index, which reads no configuration: {@code
 * ConfigDefaultsTest} checks that these are the yml's.
 */
public final class DetectionDefaults {

  private DetectionDefaults() {}

  /** 60 positions, new shops against the last 24 ranked samples, previous sample within 7 days. */
  public static DetectionSettings settings() {
    return new DetectionSettings(60, 24, Duration.ofDays(7));
  }
}
