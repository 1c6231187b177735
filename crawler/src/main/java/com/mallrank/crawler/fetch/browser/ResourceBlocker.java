package com.mallrank.crawler.fetch.browser;

import com.microsoft.playwright.Route;
import java.util.Set;

/**
 * Aborts images, fonts and media before they leave the browser: rankings need none of them, and the
 * image URLs are in the markup or JSON anyway.
 */
final class ResourceBlocker {

  static final Set<String> BLOCKED_TYPES = Set.of("image", "font", "media");

  private ResourceBlocker() {}

  static void handle(Route route) {
    if (BLOCKED_TYPES.contains(route.request().resourceType())) {
      route.abort("blockedbyclient");
    } else {
      route.resume();
    }
  }
}
