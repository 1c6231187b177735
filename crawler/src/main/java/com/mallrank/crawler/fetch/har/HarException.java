package com.mallrank.crawler.fetch.har;

/** A HAR file that cannot be used: not a HAR, unreadable, too big. The message names the file. */
public final class HarException extends Exception {

  private static final long serialVersionUID = 1L;

  public HarException(String message, Throwable cause) {
    super(message, cause);
  }

  public HarException(String message) {
    super(message);
  }
}
