/** After a slot is sampled: change detection against the previous ok samples, and alerts. */
package com.mallrank.batch.changes;
