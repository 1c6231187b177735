package com.mallrank.crawler.fetch.browser;

import java.time.ZoneId;
import java.util.Objects;

/**
 * What one identity's browser context looks like from the site (issue 10 item 2): its device, its
 * locale (inside the emulation), its time zone and, optionally, where it claims to be.
 *
 * @param emulation the device and locale
 * @param timezone an IANA zone id, e.g. {@code Asia/Shanghai}
 * @param latitude degrees, or {@code null} for no geolocation
 * @param longitude degrees, or {@code null} for no geolocation
 */
public record DeviceProfile(
    Emulation emulation, String timezone, Double latitude, Double longitude) {

  public static final String DEFAULT_LOCALE = "zh-CN";
  public static final String DEFAULT_TIMEZONE = "Asia/Shanghai";

  public DeviceProfile {
    Objects.requireNonNull(emulation, "emulation");
    ZoneId.of(Objects.requireNonNull(timezone, "timezone"));
    if ((latitude == null) != (longitude == null)) {
      throw new IllegalArgumentException("geolocation needs both latitude and longitude");
    }
    if (latitude != null && (Math.abs(latitude) > 90 || Math.abs(longitude) > 180)) {
      throw new IllegalArgumentException("geolocation out of range");
    }
  }

  public boolean hasGeolocation() {
    return latitude != null;
  }
}
