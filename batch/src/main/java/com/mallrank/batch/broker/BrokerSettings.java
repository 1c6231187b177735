package com.mallrank.batch.broker;

import com.mallrank.local.artemis.ArtemisSettings;
import java.net.URI;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.springframework.core.env.Environment;

/** The local broker's settings from {@code batch.broker.*} and {@code spring.artemis.*}. */
final class BrokerSettings {

  static final String DEFAULT_URL = "tcp://localhost:61616";

  private BrokerSettings() {}

  /**
   * A client of the broker the manager and workers use ({@code spring.artemis.broker-url}, {@code
   * .user}, {@code .password}), wherever it runs: for the commands that read or move its messages.
   */
  static ActiveMQConnectionFactory client(Environment environment) {
    String url = environment.getProperty("spring.artemis.broker-url", DEFAULT_URL).strip();
    return new ActiveMQConnectionFactory(
        url,
        environment.getProperty("spring.artemis.user"),
        environment.getProperty("spring.artemis.password"));
  }

  /**
   * @throws IllegalArgumentException naming the key when {@code spring.artemis.broker-url} is not a
   *     {@code tcp://host:port} URL on loopback
   */
  static ArtemisSettings of(BrokerProperties properties, Environment environment) {
    String url = environment.getProperty("spring.artemis.broker-url", DEFAULT_URL);
    URI uri;
    try {
      uri = URI.create(url.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "spring.artemis.broker-url: '" + url + "' is not a URL (expected tcp://127.0.0.1:61616)");
    }
    if (!"tcp".equals(uri.getScheme()) || uri.getHost() == null) {
      throw new IllegalArgumentException(
          "spring.artemis.broker-url: '"
              + url
              + "' is not a tcp://host:port URL (expected tcp://127.0.0.1:61616)");
    }
    String host = uri.getHost().equals("localhost") ? "127.0.0.1" : uri.getHost();
    int port = uri.getPort() < 0 ? 61616 : uri.getPort();
    if (!ArtemisSettings.isLoopback(host)) {
      throw new IllegalArgumentException(
          "spring.artemis.broker-url: "
              + uri.getHost()
              + " is not this host's loopback; `mallrank broker` runs a broker for one-host setups"
              + " only");
    }
    return new ArtemisSettings(
        properties.dir(),
        properties.version(),
        host,
        port,
        environment.getProperty("spring.artemis.user"),
        environment.getProperty("spring.artemis.password"),
        properties.startTimeout());
  }
}
