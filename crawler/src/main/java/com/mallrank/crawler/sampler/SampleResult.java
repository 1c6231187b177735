package com.mallrank.crawler.sampler;

import com.mallrank.crawler.fetch.FetchResponse;
import com.mallrank.crawler.model.ResultPage;
import java.time.Duration;
import java.time.Instant;

/**
 * One sample as taken: the result page (status, listings, evidence), when it started, how long it
 * took in total and how many fetch attempts it needed.
 *
 * @param seen what the last attempt received (body, and for a failed browser page a screenshot),
 *     kept so a sample without ranks can be kept as evidence; {@code null} when nothing arrived
 */
public record SampleResult(
    ResultPage page, Instant startedAt, Duration elapsed, int attempts, FetchResponse seen) {

  public SampleResult(ResultPage page, Instant startedAt, Duration elapsed, int attempts) {
    this(page, startedAt, elapsed, attempts, null);
  }
}
