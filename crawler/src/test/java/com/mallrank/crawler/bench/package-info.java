/**
 * Benchmarks run by hand (plain {@code main} classes, not part of the build's tests); each class
 * documents its command, and {@code docs/benchmarks.md} records the figures.
 */
package com.mallrank.crawler.bench;
