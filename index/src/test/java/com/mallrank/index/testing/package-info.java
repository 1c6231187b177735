/**
 * Test support exported in the test-jar: the shared local Elasticsearch for integration tests,
 * per-test index prefixes, and document fixtures.
 */
package com.mallrank.index.testing;
