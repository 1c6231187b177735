/**
 * Test support shared by the crawler's tests and, through the test-jar, by the batch tests: the
 * real-browser fixture.
 */
package com.mallrank.crawler.testing;
