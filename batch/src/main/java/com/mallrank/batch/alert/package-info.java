/**
 * Alerts: rules evaluated over change events and sample statuses ({@link
 * com.mallrank.batch.alert.AlertInput}), deduplicated per rule, profile (surface), keyword and
 * product within a window ({@link com.mallrank.batch.alert.AlertDedupeStore}, a JDBC table), sent
 * to Feishu/Lark, DingTalk, WeCom or generic JSON webhooks with bounded retries. Webhook URLs and
 * secrets are never logged.
 */
package com.mallrank.batch.alert;
