/**
 * The index schema and its one-home helpers: index names ({@link
 * com.mallrank.index.schema.IndexNames}), the index templates (JSON resources) and the idempotent
 * bootstrap that applies them ({@link com.mallrank.index.schema.IndexBootstrap}), a month's indices
 * created ahead of it ({@link com.mallrank.index.schema.MonthlyIndices}), one constant per template
 * field ({@link com.mallrank.index.schema.Fields}), the shared query filters ({@link
 * com.mallrank.index.schema.Filters}) and lenient searches ({@link
 * com.mallrank.index.schema.Searches}).
 */
package com.mallrank.index.schema;
