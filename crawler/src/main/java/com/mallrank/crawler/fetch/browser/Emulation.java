package com.mallrank.crawler.fetch.browser;

import java.util.Objects;

/**
 * The device a browser context pretends to be.
 *
 * @param viewportWidth CSS pixels
 * @param viewportHeight CSS pixels
 * @param deviceScaleFactor device pixels per CSS pixel
 * @param isMobile whether the {@code meta viewport} tag is honoured and mobile behaviour is on
 * @param hasTouch whether touch events are supported
 * @param userAgent the {@code User-Agent}; {@code null} keeps Chromium's own
 * @param locale the browser locale, e.g. {@code zh-CN}
 */
public record Emulation(
    int viewportWidth,
    int viewportHeight,
    double deviceScaleFactor,
    boolean isMobile,
    boolean hasTouch,
    String userAgent,
    String locale) {

  private static final String MOBILE_UA =
      "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko)"
          + " Chrome/156.0.0.0 Mobile Safari/537.36";
  private static final String DESKTOP_UA =
      "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko)"
          + " Chrome/156.0.0.0 Safari/537.36";

  public Emulation {
    if (viewportWidth < 1 || viewportHeight < 1) {
      throw new IllegalArgumentException(
          "viewport must be positive: " + viewportWidth + "x" + viewportHeight);
    }
    if (deviceScaleFactor <= 0) {
      throw new IllegalArgumentException("deviceScaleFactor must be positive");
    }
    Objects.requireNonNull(locale, "locale");
  }

  /** A phone: 412×915, scale 2.625, mobile, touch, Android Chrome user agent, zh-CN. */
  public static Emulation mobile() {
    return new Emulation(412, 915, 2.625, true, true, MOBILE_UA, "zh-CN");
  }

  /** A desktop: 1366×900, scale 1, no touch, Linux Chrome user agent, zh-CN. */
  public static Emulation desktop() {
    return new Emulation(1366, 900, 1, false, false, DESKTOP_UA, "zh-CN");
  }

  /** This device with another viewport. */
  public Emulation withViewport(int width, int height) {
    return new Emulation(width, height, deviceScaleFactor, isMobile, hasTouch, userAgent, locale);
  }

  /** This device with another browser locale. */
  public Emulation withLocale(String value) {
    return new Emulation(
        viewportWidth, viewportHeight, deviceScaleFactor, isMobile, hasTouch, userAgent, value);
  }
}
