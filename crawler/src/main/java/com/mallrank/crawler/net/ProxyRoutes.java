package com.mallrank.crawler.net;

import java.util.Map;
import java.util.Optional;

/**
 * Which identity leaves through which {@link UpstreamProxy} (issue 10 item 2). An identity with a
 * proxy goes only through it; one without goes direct.
 */
@FunctionalInterface
public interface ProxyRoutes {

  /** The identity's own proxy, or empty for the direct network. */
  Optional<UpstreamProxy> proxyOf(String identity);

  /** Every identity direct. */
  static ProxyRoutes none() {
    return identity -> Optional.empty();
  }

  /** Fixed proxies per identity; others direct. */
  static ProxyRoutes of(Map<String, UpstreamProxy> proxies) {
    Map<String, UpstreamProxy> copy = Map.copyOf(proxies);
    return identity -> Optional.ofNullable(identity == null ? null : copy.get(identity));
  }
}
