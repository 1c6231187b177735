package com.mallrank.crawler.fetch.browser;

import java.util.Objects;

/**
 * One step {@link PageActions} takes on a page after navigation: the browser's side of a profile's
 * {@code fetch.actions}, with the keyword already in the text.
 *
 * @param kind what to do
 * @param selector the element; for {@link Kind#SCROLL} the container, {@code null} = the window;
 *     optional for {@link Kind#PRESS} (the focused element otherwise)
 * @param text {@link Kind#FILL}: the text typed
 * @param key {@link Kind#PRESS}: the key, as Playwright names it
 * @param responsePattern {@link Kind#WAIT_FOR}: a {@link UrlPattern} of a response to wait for (one
 *     that arrived after the search action), instead of a selector
 * @param millis {@link Kind#WAIT}: how long
 * @param search whether this action sends the search: captured responses that arrived before it are
 *     dropped
 */
public record BrowserAction(
    Kind kind,
    String selector,
    String text,
    String key,
    String responsePattern,
    int millis,
    boolean search) {

  /** The longest {@link Kind#WAIT}. */
  public static final int MAX_WAIT_MILLIS = 10_000;

  /** The steps. */
  public enum Kind {
    FILL,
    PRESS,
    CLICK,
    WAIT_FOR,
    SCROLL,
    WAIT
  }

  public BrowserAction {
    Objects.requireNonNull(kind, "kind");
    switch (kind) {
      case FILL -> require(selector != null && text != null, "FILL needs a selector and a text");
      case PRESS -> require(key != null, "PRESS needs a key");
      case CLICK -> require(selector != null, "CLICK needs a selector");
      case WAIT_FOR ->
          require(
              (selector == null) != (responsePattern == null),
              "WAIT_FOR needs a selector or a response pattern");
      case WAIT ->
          require(millis >= 1 && millis <= MAX_WAIT_MILLIS, "WAIT must be 1.." + MAX_WAIT_MILLIS);
      case SCROLL -> {}
    }
    if (responsePattern != null) {
      UrlPattern.parse(responsePattern);
    }
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException(message);
    }
  }

  /** A short description for messages: {@code fill #kw}, {@code wait-for response **…}. */
  public String describe() {
    String name = kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    return switch (kind) {
      case PRESS -> name + " " + key;
      case WAIT -> name + " " + millis + " ms";
      case WAIT_FOR -> name + (selector != null ? " " + selector : " response " + responsePattern);
      case SCROLL -> name + " " + (selector == null ? "window" : selector);
      default -> name + " " + selector;
    };
  }
}
