package com.mallrank.batch.broker;

import com.mallrank.local.artemis.ArtemisSettings;
import java.net.URI;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.springframework.core.env.Environment;

/**
 * The broker's settings from {@code batch.broker.*} and {@code spring.artemis.*}: the one reader of
 * the broker URL, {@code spring.artemis.broker-url} (its default in {@code application.yml}), for
 * every command, the manager and the local broker launcher.
 */
public final class BrokerSettings {

  /** The key of the broker URL: manager, workers, {@code mallrank broker} and Spring's client. */
  public static final String URL_KEY = "spring.artemis.broker-url";

  private BrokerSettings() {}

  /**
   * The broker URL, e.g. {@code tcp://localhost:61616}.
   *
   * @throws IllegalStateException when no source sets it (the packaged application.yml does)
   */
  public static String url(Environment environment) {
    String url = environment.getProperty(URL_KEY);
    if (url == null || url.isBlank()) {
      throw new IllegalStateException(URL_KEY + " is not set (application.yml gives a default)");
    }
    return url.strip();
  }

  /**
   * The broker URL as it may be shown: without its query (Artemis options, credentials among them).
   */
  public static String shown(Environment environment) {
    return url(environment).replaceAll("\\?.*", "");
  }

  /**
   * A client of the broker the manager and workers use ({@code spring.artemis.broker-url}, {@code
   * .user}, {@code .password}), wherever it runs: for the commands that read or move its messages.
   */
  static ActiveMQConnectionFactory client(Environment environment) {
    return new ActiveMQConnectionFactory(
        url(environment),
        environment.getProperty("spring.artemis.user"),
        environment.getProperty("spring.artemis.password"));
  }

  /**
   * @throws IllegalArgumentException naming the key when {@code spring.artemis.broker-url} is not a
   *     {@code tcp://host:port} URL on loopback
   */
  static ArtemisSettings of(BrokerProperties properties, Environment environment) {
    String url = url(environment);
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          URL_KEY + ": '" + url + "' is not a URL (expected tcp://127.0.0.1:61616)");
    }
    if (!"tcp".equals(uri.getScheme()) || uri.getHost() == null) {
      throw new IllegalArgumentException(
          URL_KEY
              + ": '"
              + url
              + "' is not a tcp://host:port URL (expected tcp://127.0.0.1:61616)");
    }
    String host = uri.getHost().equals("localhost") ? "127.0.0.1" : uri.getHost();
    int port = uri.getPort() < 0 ? 61616 : uri.getPort();
    if (!ArtemisSettings.isLoopback(host)) {
      throw new IllegalArgumentException(
          URL_KEY
              + ": "
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
