package com.mallrank.crawler.fetch;

/**
 * Fetches one page. A fetcher does not parse: it returns what the server sent, whatever the status.
 *
 * <p>Contract: {@link #fetch} returns a response for every HTTP exchange that completed (including
 * 4xx/5xx), and throws {@link FetchException} only when nothing usable arrived. Implementations
 * never log cookies or other identity secrets.
 */
public interface Fetcher extends AutoCloseable {

  FetchResponse fetch(FetchRequest request) throws FetchException;

  @Override
  default void close() {}
}
