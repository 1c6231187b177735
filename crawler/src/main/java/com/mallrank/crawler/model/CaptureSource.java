package com.mallrank.crawler.model;

import java.util.Locale;

/**
 * Who made a capture document ({@code {"source": …, "responses": […], "captured": […]}}), written
 * by the fetcher that built it and read by the extractor, which depends on no fetcher. A document
 * without {@code source} was captured by mallrank's own browser, which scrolls to the sample's
 * depth.
 */
public enum CaptureSource {
  /**
   * A person's capture, read from HAR files: the phone loaded as many pages as the person scrolled,
   * so the capture itself says how deep it goes (its last page's {@code has-more-pointer}), not the
   * sample's depth.
   */
  HAR;

  /** The value of {@code "source"}: {@code har}. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }
}
