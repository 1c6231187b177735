package com.mallrank.crawler.sandbox;

import java.time.Instant;

/**
 * One scheduled competitor change: from {@code slot} on, {@code field} of the product shows {@code
 * newValue} instead of {@code oldValue}. Values are rendered as on the page: price {@code 299.00},
 * commission {@code 12.5} (percent), image key (32 hex digits), title.
 *
 * @param slot the first slot showing the new value
 * @param productId the 19-digit product id
 * @param field what changed
 * @param oldValue the value in the slot before
 * @param newValue the value from {@code slot} on
 */
public record ScheduledChange(
    Instant slot, String productId, ChangeField field, String oldValue, String newValue) {}
