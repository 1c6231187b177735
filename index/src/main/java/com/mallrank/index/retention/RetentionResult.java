package com.mallrank.index.retention;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What a retention run did.
 *
 * @param cutoff listings with slots before this instant (a UTC midnight) were summarised and
 *     deleted
 * @param daysSummarised the days summarised in this run, oldest first
 * @param summariesWritten daily summary documents written
 * @param indicesDeleted whole monthly listing indices deleted (every slot before the cutoff)
 * @param listingsDeleted listing documents deleted, in whole indices or one by one
 */
public record RetentionResult(
    Instant cutoff,
    List<LocalDate> daysSummarised,
    long summariesWritten,
    List<String> indicesDeleted,
    long listingsDeleted) {

  public RetentionResult {
    daysSummarised = List.copyOf(daysSummarised);
    indicesDeleted = List.copyOf(indicesDeleted);
  }
}
