/**
 * Test support: {@link com.mallrank.batch.testing.MallrankIT} and {@link
 * com.mallrank.batch.testing.MallrankCli} (a corner of the shared cluster per test class, cleaned
 * up after it), a cuttable TCP proxy, the PostgreSQL test database, generated plans, child JVMs
 * ({@link com.mallrank.batch.testing.ChildJvm}, {@link com.mallrank.batch.testing.ChildProcess}).
 */
package com.mallrank.batch.testing;
