package com.mallrank.crawler.fetch.browser;

import com.microsoft.playwright.Response;

/** Response sizes, read from headers before a body is transferred to Java. */
final class PageBytes {

  private PageBytes() {}

  /** The {@code Content-Length}, or -1 when absent or unreadable. */
  static long declaredLength(Response response) {
    String value = response.headerValue("content-length");
    if (value == null) {
      return -1;
    }
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
