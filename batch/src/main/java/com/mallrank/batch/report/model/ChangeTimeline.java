package com.mallrank.batch.report.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Change events over time, one marker each, coloured by kind (price, commission, main image, title,
 * entered/left the Top-20, ...) and placed on the keyword's row.
 *
 * @param id a stable machine name
 * @param title the title
 * @param events the events, in any order
 */
public record ChangeTimeline(String id, String title, List<Event> events) implements ChartSpec {

  public ChangeTimeline {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(title, "title");
    events = List.copyOf(events);
  }

  /**
   * One event.
   *
   * @param at when it was seen (the later slot)
   * @param kind the kind code ({@code price}, {@code commission}, {@code main_image}, ...)
   * @param keyword the keyword
   * @param label what happened, for the tooltip ("暖冬旗舰店 ¥299.00 → ¥259.00")
   */
  public record Event(Instant at, String kind, String keyword, String label) {
    public Event {
      Objects.requireNonNull(at, "at");
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(keyword, "keyword");
    }
  }
}
