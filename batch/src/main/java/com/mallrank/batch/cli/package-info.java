/** The command line: {@code mallrank demo|sample|report|profile}, run through picocli. */
package com.mallrank.batch.cli;
