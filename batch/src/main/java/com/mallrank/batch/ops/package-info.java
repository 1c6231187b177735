/**
 * Operations: crash recovery of job executions, sampling metrics, and the health of what sampling
 * needs (Elasticsearch, the JobRepository database, the browser).
 */
package com.mallrank.batch.ops;
