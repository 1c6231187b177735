package com.mallrank.crawler.fetch.browser;

import java.util.Set;

/**
 * Which resource types are aborted before they leave the browser (by {@link RequestGuard}):
 * rankings need no images, fonts or media, and the image URLs are in the markup or JSON anyway.
 */
final class ResourceBlocker {

  static final Set<String> BLOCKED_TYPES = Set.of("image", "font", "media");

  private ResourceBlocker() {}
}
