/**
 * {@code mallrank plan capacity}: how many pages per second a plan needs and how many workers that
 * takes, from the measured throughput of one worker ({@link
 * com.mallrank.batch.capacity.MeasuredThroughput}) and the politeness bounds that really limit it.
 */
package com.mallrank.batch.capacity;
