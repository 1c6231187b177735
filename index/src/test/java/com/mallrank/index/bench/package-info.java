/** Benchmarks run by hand (main methods), not by the build. */
package com.mallrank.index.bench;
