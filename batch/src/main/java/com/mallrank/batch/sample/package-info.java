/**
 * The {@code sample} job: for one keyword group and one slot, fetch and extract every keyword from
 * every vantage and index the samples and listings. The slot is an identifying parameter: a slot
 * runs once, and a failed slot is restarted where it stopped.
 */
package com.mallrank.batch.sample;
