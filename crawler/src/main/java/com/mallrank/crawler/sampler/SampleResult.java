package com.mallrank.crawler.sampler;

import com.mallrank.crawler.model.ResultPage;
import java.time.Duration;
import java.time.Instant;

/**
 * One sample as taken: the result page (status, listings, evidence), when it started, how long it
 * took in total and how many fetch attempts it needed.
 */
public record SampleResult(ResultPage page, Instant startedAt, Duration elapsed, int attempts) {}
