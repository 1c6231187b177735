/**
 * Fetching pages (the protocol stage): the {@link com.mallrank.crawler.fetch.Fetcher} SPI and its
 * adapters; the real-browser adapter is in {@link com.mallrank.crawler.fetch.browser}.
 */
package com.mallrank.crawler.fetch;
