package com.mallrank.batch.schedule;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code batch.serve.*}: the web server of {@code mallrank serve} (the actuator: health,
 * Prometheus), besides Spring's own {@code server.port} and {@code server.address}.
 *
 * @param ports how many ports from {@code server.port} up {@code serve} may take: the first free
 *     one (a manager and two workers on one host get 9464, 9465, 9466 in start order); 1 = exactly
 *     {@code server.port}, refused when taken
 */
@ConfigurationProperties("batch.serve")
public record ServeProperties(int ports) {

  public ServeProperties {
    if (ports < 1 || ports > 100) {
      throw new IllegalArgumentException("batch.serve.ports must be 1..100, not " + ports);
    }
  }
}
