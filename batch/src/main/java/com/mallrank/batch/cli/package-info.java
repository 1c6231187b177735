/**
 * The command line: {@code mallrank
 * demo|sample|serve|jobs|plan|accounts|report|profile|retention|evidence|es|broker|index|help}, run
 * through picocli ({@link com.mallrank.batch.cli.MallrankCommand}). {@link
 * com.mallrank.batch.cli.CommandLineStartup} decides what a command starts: no Spring context
 * ({@code WithoutSpring}, configuration from {@link com.mallrank.batch.config.PlainConfiguration}),
 * a lean one ({@link com.mallrank.batch.cli.LeanCommandLine}: no jobs, no web stack) or the whole
 * application (jobs, {@code serve}); commands are created by {@link
 * com.mallrank.batch.cli.SpringCommandFactory} in a context.
 */
package com.mallrank.batch.cli;
