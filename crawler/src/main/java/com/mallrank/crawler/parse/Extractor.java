package com.mallrank.crawler.parse;

import com.mallrank.crawler.fetch.FetchResponse;
import com.mallrank.crawler.model.ResultPage;

/**
 * Turns a fetched page into a {@link ResultPage}. Pure: HTML or JSON in, records out; never touches
 * the network.
 *
 * <p>Contract: never throws for bad page content; a page that is not a result page gets the status
 * that says why (blocked, login required, empty, layout changed, error) and no listings.
 */
public interface Extractor {

  ResultPage extract(FetchResponse response);
}
