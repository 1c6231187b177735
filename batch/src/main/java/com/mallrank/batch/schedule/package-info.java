/**
 * {@code mallrank serve}: the scheduler, which only starts jobs. Slots come from each group's
 * cadence; their starts are spread with a jitter; late slots are flagged and slots past their
 * window reported as missed.
 */
package com.mallrank.batch.schedule;
