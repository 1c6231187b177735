package com.mallrank.batch.jobs;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * One execution of the sample job, as {@code mallrank jobs} shows it.
 *
 * @param executionId the job execution id
 * @param group the keyword group
 * @param slot the slot
 * @param status the batch status (COMPLETED, FAILED, STARTED, STOPPED, ...)
 * @param late whether the slot was started late
 * @param started when the execution started, or null
 * @param duration how long it ran (so far), or null
 * @param samples samples of the slot stored so far, by status (all executions up to this one)
 */
public record SlotRun(
    long executionId,
    String group,
    Instant slot,
    String status,
    boolean late,
    Instant started,
    Duration duration,
    Map<String, Long> samples) {}
