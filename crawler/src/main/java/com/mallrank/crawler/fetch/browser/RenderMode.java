package com.mallrank.crawler.fetch.browser;

/** What a {@link PlaywrightFetcher} returns as the body of a rendered page. */
public enum RenderMode {
  /** The DOM after rendering and loading to depth ({@code page.content()}), as HTML. */
  DOM,
  /**
   * The JSON responses the page fetched itself whose URL matches {@link
   * RenderOptions#captureUrlPattern()}, in arrival order, as one JSON document: {@code {"url":
   * <page url>, "responses": [<body1>, <body2>, …], "captured": [{"url": …, "status": …}, …]}}. A
   * body that is not valid JSON is kept as a JSON string.
   */
  CAPTURE
}
