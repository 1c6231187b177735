/**
 * The demo wiring: the whole product in one command ({@code mallrank demo}) on the embedded
 * default, and the sandbox mall ({@link com.mallrank.batch.demo.SandboxRuntime}, {@code
 * crawler.sandbox.*}) as the default target when {@code crawler.base-url} is blank. The only
 * package of the application that imports the sandbox ({@code SandboxRulesTest}).
 */
package com.mallrank.batch.demo;
