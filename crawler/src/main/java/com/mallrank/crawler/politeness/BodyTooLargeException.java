package com.mallrank.crawler.politeness;

import java.io.IOException;

/** A body exceeded its byte cap; reading stopped there. The fetch is an error, not a page. */
public class BodyTooLargeException extends IOException {

  private final long limit;

  public BodyTooLargeException(long limit) {
    super("body larger than the cap of " + limit + " bytes");
    this.limit = limit;
  }

  /** The cap that was exceeded, in bytes. */
  public long limit() {
    return limit;
  }
}
