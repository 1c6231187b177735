/** Benchmarks run as plain mains from the test classpath (see docs/benchmarks.md). */
package com.mallrank.batch.bench;
