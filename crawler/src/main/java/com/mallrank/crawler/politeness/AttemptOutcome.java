package com.mallrank.crawler.politeness;

/**
 * How one fetch attempt ended, as far as retrying is concerned. Retrying helps against overload and
 * flakiness; it does not help against a captcha, a login wall or a request the server refuses, and
 * repeating those only deepens the block.
 */
public enum AttemptOutcome {
  /** A usable page (2xx/3xx). */
  SUCCESS(false),
  /** HTTP 429. */
  RATE_LIMITED(true),
  /** HTTP 5xx. */
  SERVER_ERROR(true),
  /** HTTP 408 or a client-side timeout. */
  TIMEOUT(true),
  /** Connection refused or reset before a response. */
  CONNECTION_FAILED(true),
  /** A captcha / 风控 page: the identity must cool down instead (see {@link IdentityCooldown}). */
  BLOCKED(false),
  /** A login wall: the identity's session is gone; retrying cannot fix it. */
  LOGIN_REQUIRED(false),
  /** Any other 4xx: the request itself is wrong. */
  CLIENT_ERROR(false),
  /**
   * The body was over the size bound ({@link BodyTooLargeException}): the same page comes back as
   * large on the next try, so another fetch would only cost the site and us the same bytes again.
   */
  TOO_LARGE(false);

  private final boolean retryable;

  AttemptOutcome(boolean retryable) {
    this.retryable = retryable;
  }

  /** Whether trying again later may succeed. */
  public boolean retryable() {
    return retryable;
  }

  /**
   * The outcome of a fetch that failed before a page was read, from its cause chain: a body over
   * the bound is {@link #TOO_LARGE}, a socket timeout {@link #TIMEOUT}; anything else (refused,
   * reset, unknown host) {@link #CONNECTION_FAILED}, worth another try.
   */
  public static AttemptOutcome ofFailure(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof BodyTooLargeException) {
        return TOO_LARGE;
      }
      if (t instanceof java.net.SocketTimeoutException) {
        return TIMEOUT;
      }
    }
    return CONNECTION_FAILED;
  }

  /**
   * The outcome an HTTP status alone implies. A 200 page can still be a captcha: the extractor's
   * classification refines {@link #SUCCESS} into {@link #BLOCKED} or {@link #LOGIN_REQUIRED}.
   */
  public static AttemptOutcome ofHttpStatus(int status) {
    if (status < 100 || status > 599) {
      throw new IllegalArgumentException("not an HTTP status: " + status);
    }
    if (status == 429) {
      return RATE_LIMITED;
    }
    if (status == 408) {
      return TIMEOUT;
    }
    if (status >= 500) {
      return SERVER_ERROR;
    }
    if (status >= 400) {
      return CLIENT_ERROR;
    }
    return SUCCESS;
  }
}
