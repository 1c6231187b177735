/** Extraction (the parse stage): pure functions from a fetched page to a ranked result page. */
package com.mallrank.crawler.parse;
