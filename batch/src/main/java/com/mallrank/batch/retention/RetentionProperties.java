package com.mallrank.batch.retention;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code batch.retention.*}: how long raw listings are kept, and when {@code serve} applies it.
 *
 * @param enabled whether {@code serve} runs the {@code retention} job on its cron
 * @param cron when, in {@code batch.zone} (Spring cron, six fields); default 04:30 every day
 * @param keepDays days of raw listings kept; older ones become daily summaries
 */
@ConfigurationProperties("batch.retention")
public record RetentionProperties(boolean enabled, String cron, int keepDays) {

  public RetentionProperties {
    if (keepDays < 1) {
      throw new IllegalArgumentException("batch.retention.keep-days must be >= 1, was " + keepDays);
    }
  }
}
