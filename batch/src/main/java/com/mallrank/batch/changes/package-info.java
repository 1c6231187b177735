/**
 * After a slot is sampled: change detection against the previous ranked (ok or partial) samples,
 * and alerts.
 */
package com.mallrank.batch.changes;
