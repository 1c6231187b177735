package com.mallrank.crawler.fetch;

/**
 * Nothing usable was received: connection refused, timeout, oversized page. The sample is an error.
 */
public class FetchException extends Exception {

  private final String url;

  public FetchException(String url, String message, Throwable cause) {
    super(message + " (" + url + ")", cause);
    this.url = url;
  }

  public FetchException(String url, String message) {
    this(url, message, null);
  }

  public String url() {
    return url;
  }
}
