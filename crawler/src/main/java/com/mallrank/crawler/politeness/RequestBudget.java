package com.mallrank.crawler.politeness;

/**
 * How many search requests an identity may still send: consulted before each request of a sample
 * (each attempt, retries included), since the platform's risk control counts requests per account
 * and per minute. An identity out of budget has its sample stored {@code skipped} (marker {@code
 * budget}) without a request being sent.
 *
 * <p>Implementations must hold across threads, and across processes where several sample at once
 * (the batch module keeps the counters in the JobRepository's database).
 */
@FunctionalInterface
public interface RequestBudget {

  /** No limit: every request may go. */
  RequestBudget UNLIMITED = identity -> true;

  /**
   * Takes one request from the identity's budget.
   *
   * @param identity {@code anonymous} or a matrix-account id
   * @return whether the request may be sent (then it is counted); {@code false} leaves the counters
   *     as they were
   */
  boolean tryTake(String identity);
}
