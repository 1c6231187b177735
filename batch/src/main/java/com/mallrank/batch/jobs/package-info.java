/**
 * {@code mallrank jobs}: what the JobRepository knows about recent slots (status, late flag,
 * duration, samples by status).
 */
package com.mallrank.batch.jobs;
