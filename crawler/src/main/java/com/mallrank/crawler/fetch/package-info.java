/**
 * Fetching pages (the protocol stage): the {@link com.mallrank.crawler.fetch.Fetcher} SPI and its
 * adapters.
 */
package com.mallrank.crawler.fetch;
