/**
 * Captures from HAR files: mall search lives in the Douyin app, so a user feeds the tracker from a
 * phone or emulator routed through a capturing proxy (mitmproxy, Charles) that exports HAR. Read
 * with {@code de.sstoehr:har-reader}; the result has the shape of a browser capture, so the same
 * profile reads both.
 */
package com.mallrank.crawler.fetch.har;
