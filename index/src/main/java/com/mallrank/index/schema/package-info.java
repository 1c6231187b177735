/**
 * Index names, the index templates (JSON resources) and the idempotent bootstrap that applies them.
 */
package com.mallrank.index.schema;
