package com.mallrank.crawler.politeness;

import java.io.IOException;

/**
 * A body exceeded its byte cap; reading stopped there. The fetch is an error, not a page, and is
 * not retried ({@link AttemptOutcome#TOO_LARGE}): a fetcher that refuses a body for its size
 * carries this as the cause of its failure.
 */
public class BodyTooLargeException extends IOException {

  private final long limit;

  public BodyTooLargeException(long limit) {
    this("body larger than the cap of " + limit + " bytes", limit);
  }

  /** With the fetcher's own message (it names what was too large, and by how much). */
  public BodyTooLargeException(String message, long limit) {
    super(message);
    this.limit = limit;
  }

  /** The cap that was exceeded, in bytes. */
  public long limit() {
    return limit;
  }
}
