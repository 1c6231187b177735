package com.mallrank.batch.remote;

import java.util.Arrays;
import java.util.Locale;

/** What a {@code mallrank serve} process does ({@code batch.role}). */
public enum Role {
  /** Schedules slots and samples them itself, on local threads: the single process. */
  ALL,
  /** Schedules slots and sends their partitions to the workers through the broker. */
  MANAGER,
  /** Samples the partitions it receives from the broker; schedules nothing. */
  WORKER;

  /** The configuration key. */
  public static final String PROPERTY = "batch.role";

  /**
   * The role named by a configuration value (any case).
   *
   * @throws IllegalArgumentException naming the key and the accepted values
   */
  public static Role parse(String value) {
    if (value == null || value.isBlank()) {
      return ALL;
    }
    return Arrays.stream(values())
        .filter(r -> r.name().equalsIgnoreCase(value.strip()))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    PROPERTY
                        + ": '"
                        + value
                        + "' is not a role; expected one of manager, worker, all"));
  }

  /** The value as written in configuration and on the command line. */
  public String value() {
    return name().toLowerCase(Locale.ROOT);
  }
}
