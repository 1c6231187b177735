package com.mallrank.index.changes;

/**
 * What a detection run did.
 *
 * @param compared samples compared with their previous ranked sample
 * @param skipped samples not compared: not ok/partial, or without a previous ranked sample within
 *     the gap
 * @param events change events written (overwriting the same ids on a re-run)
 * @param staleDeleted events of the same samples from an earlier run that this run no longer
 *     produced, deleted
 */
public record DetectionResult(int compared, int skipped, int events, long staleDeleted) {

  DetectionResult plus(DetectionResult other) {
    return new DetectionResult(
        compared + other.compared,
        skipped + other.skipped,
        events + other.events,
        staleDeleted + other.staleDeleted);
  }
}
