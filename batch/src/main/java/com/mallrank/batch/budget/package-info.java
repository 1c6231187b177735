/**
 * Per-identity request budgets ({@code budget: {per-minute, per-day}} in the plan), counted in a
 * table of the JobRepository's database so they hold across threads and processes.
 */
package com.mallrank.batch.budget;
