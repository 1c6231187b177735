package com.mallrank.batch.plan;

import com.mallrank.crawler.fetch.browser.DeviceProfile;
import com.mallrank.crawler.fetch.browser.Emulation;
import com.mallrank.crawler.net.UpstreamProxy;

/**
 * One identity's own network and device, from the plan (issue 10 item 2): accounts the platform
 * must not link (关联) each leave through their own proxy and look like their own phone.
 *
 * @param proxy its only way out, credentials included (never shown: {@link UpstreamProxy#toString}
 *     is host and port), or {@code null} for the direct network
 * @param device its device, or {@code null} for {@code crawler.browser.device}
 * @param locale the browser locale (default {@code zh-CN})
 * @param timezone the IANA time zone (default {@code Asia/Shanghai})
 * @param latitude degrees, or {@code null} for no geolocation
 * @param longitude degrees, or {@code null} for no geolocation
 */
public record IdentityNetwork(
    UpstreamProxy proxy,
    Emulation device,
    String locale,
    String timezone,
    Double latitude,
    Double longitude) {

  /** No own proxy, the configured device, zh-CN, Beijing time. */
  public static final IdentityNetwork DEFAULT =
      new IdentityNetwork(
          null, null, DeviceProfile.DEFAULT_LOCALE, DeviceProfile.DEFAULT_TIMEZONE, null, null);

  /** What the browser context looks like: this device (or {@code fallback}) with its locale. */
  public DeviceProfile deviceProfile(Emulation fallback) {
    Emulation localized = (device == null ? fallback : device).withLocale(locale);
    return new DeviceProfile(localized, timezone, latitude, longitude);
  }

  /** How the device is shown (status, logs): a table name is not kept, so the viewport. */
  public String deviceShown() {
    return device == null
        ? "(configured)"
        : device.viewportWidth() + "x" + device.viewportHeight() + "@" + device.deviceScaleFactor();
  }
}
