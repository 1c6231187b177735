/**
 * Captures from HAR files: mall search lives in the Douyin app, so a user feeds the tracker from a
 * phone or emulator routed through a capturing proxy (mitmproxy, Charles) or a browser that exports
 * HAR. {@link com.mallrank.crawler.fetch.har.HarFile} reads a file as a stream (Jackson's {@code
 * JsonParser}: only the entries whose request matches {@code capture-url} are materialised); {@link
 * com.mallrank.crawler.fetch.har.HarCapture} finds the keyword's newest search and builds a
 * document in the shape of a browser capture, so the same profile reads both; {@link
 * com.mallrank.crawler.fetch.har.HarInbox} is {@code crawler.har-dir}, each file read once and
 * moved to {@code processed/}.
 */
package com.mallrank.crawler.fetch.har;
