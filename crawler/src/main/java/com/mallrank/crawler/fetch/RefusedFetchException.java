package com.mallrank.crawler.fetch;

/**
 * A request (the first URL, a redirect hop or a request of the page) was refused by the guard, or a
 * redirect chain was longer than allowed. Not worth a retry: the site sent mallrank somewhere it
 * must not go. The sample is an error whose evidence says {@code refused}.
 */
public class RefusedFetchException extends FetchException {

  public RefusedFetchException(String url, String message, Throwable cause) {
    super(url, message, cause);
  }
}
