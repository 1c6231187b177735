package com.mallrank.batch.demo;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code crawler.sandbox.*}: the simulated mall, for the demo and for trying mallrank without
 * touching a real site.
 *
 * @param enabled start it when a job needs {@code {base}} and no {@code crawler.base-url} is set
 * @param port its port on 127.0.0.1; 0 = any free port
 * @param redesignAt the slot (an instant, e.g. {@code 2026-11-28T14:00:00Z}) from which the mall
 *     serves its redesigned page and renamed search API, to try {@code profile repair}; blank =
 *     never
 */
@ConfigurationProperties("crawler.sandbox")
public record SandboxProperties(boolean enabled, int port, String redesignAt) {

  public SandboxProperties {
    if (redesignAt != null && !redesignAt.isBlank()) {
      try {
        Instant.parse(redesignAt.strip());
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException(
            "crawler.sandbox.redesign-at must be an instant like 2026-11-28T14:00:00Z, was '"
                + redesignAt
                + "'");
      }
    }
  }

  /** The redesign's slot, or {@code null} when none is scheduled. */
  public Instant redesignSlot() {
    return redesignAt == null || redesignAt.isBlank() ? null : Instant.parse(redesignAt.strip());
  }
}
