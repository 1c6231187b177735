package com.mallrank.batch.report.model;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One column of a {@link ReportTable}.
 *
 * @param key a stable machine name, {@code snake_case} (JSON field name, never translated)
 * @param header the header people read (may be Chinese)
 * @param type what the cells hold
 */
public record Column(String key, String header, ColumnType type) {

  private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9_]*");

  public Column {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(header, "header");
    Objects.requireNonNull(type, "type");
    if (!KEY.matcher(key).matches()) {
      throw new IllegalArgumentException("column key must be snake_case, got '" + key + "'");
    }
  }
}
