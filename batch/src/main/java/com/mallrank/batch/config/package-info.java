/**
 * Configuration: the {@code crawler.*}, {@code index.*} and {@code batch.*} properties records,
 * whose defaults are written only in the packaged {@code application.yml} ({@link
 * com.mallrank.batch.config.ApplicationYaml}); {@link com.mallrank.batch.config.PlainConfiguration}
 * binds them without Spring ({@link com.mallrank.batch.config.ClassPathRoots}: which resources the
 * packaged class path may hold), and {@link com.mallrank.batch.config.RemovedKeys} refuses keys
 * that were removed.
 */
package com.mallrank.batch.config;
