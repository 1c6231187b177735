package com.mallrank.crawler.body;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * What a list's answers say about further results, at a profile's {@code has-more-pointer} ({@code
 * /load_more_config/has_more} on Douyin's streams): one reading for the browser, which stops
 * scrolling on "no more", and for the extractor, which takes a phone capture whose last page says
 * "no more" as complete. Pure.
 */
public final class HasMore {

  private HasMore() {}

  /**
   * The flag of the last document that states it: {@code true} or a non-zero number → more, {@code
   * false} or 0 → the end.
   *
   * @param documents the answers' documents, in the order they arrived
   * @return {@code null} when no document states it (or {@code pointer} is {@code null})
   */
  public static Boolean of(List<JsonNode> documents, JsonPointer pointer) {
    if (pointer == null) {
      return null;
    }
    for (int d = documents.size() - 1; d >= 0; d--) {
      JsonNode flag = documents.get(d).at(pointer);
      if (flag.isBoolean()) {
        return flag.booleanValue();
      }
      if (flag.isNumber()) {
        return flag.decimalValue().signum() != 0; // never intValue(): 1e999999999 would be expanded
      }
    }
    return null;
  }
}
