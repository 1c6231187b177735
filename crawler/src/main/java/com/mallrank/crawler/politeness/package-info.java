/**
 * Politeness and safety around fetching: per-host pacing, retries with backoff, identity
 * cool-downs, address guarding and body size caps.
 */
package com.mallrank.crawler.politeness;
