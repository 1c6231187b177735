package com.mallrank.crawler.profile;

/** What kind of body a profile reads. */
public enum ProfileMode {
  /** Server-rendered HTML; locators are CSS selectors. */
  HTML,
  /** A JSON document (an API response or a page-state object); locators are {@link JsonPath}s. */
  JSON;

  /** The YAML spelling, e.g. {@code html}. */
  public String code() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
