package com.mallrank.crawler.fetch.browser;

import java.util.Map;
import java.util.Optional;

/** Which identity's browser context pretends to be which device; others use the settings'. */
@FunctionalInterface
public interface IdentityDevices {

  Optional<DeviceProfile> deviceOf(String identity);

  static IdentityDevices none() {
    return identity -> Optional.empty();
  }

  static IdentityDevices of(Map<String, DeviceProfile> devices) {
    Map<String, DeviceProfile> copy = Map.copyOf(devices);
    return identity -> Optional.ofNullable(identity == null ? null : copy.get(identity));
  }
}
