package com.mallrank.local.artemis;

import com.mallrank.local.Distribution;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Where and how the local broker runs.
 *
 * @param dir the broker's own directory: the unpacked distribution, the broker instance (its
 *     configuration and journal), the pid file and the log
 * @param version the {@code org.apache.activemq:apache-artemis} version (classifier {@code bin})
 * @param host the address the broker listens on; loopback only
 * @param port the CORE/OpenWire acceptor's port
 * @param user the one user the instance is created with; {@code null}: anonymous access (allowed
 *     because the broker listens on loopback only)
 * @param password that user's password (never logged)
 * @param startTimeout how long a start may take until the broker says it is active
 */
public record ArtemisSettings(
    Path dir,
    String version,
    String host,
    int port,
    String user,
    String password,
    Duration startTimeout) {

  /** The distribution the build is tested with. */
  public static final String DEFAULT_VERSION = "2.40.0";

  public ArtemisSettings {
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("broker port " + port + " is not a TCP port");
    }
    if (!isLoopback(host)) {
      throw new IllegalArgumentException(
          "the local broker listens on loopback only; '"
              + host
              + "' is not a loopback address (run a remote broker yourself and point"
              + " spring.artemis.broker-url at it)");
    }
    if ((user == null || user.isBlank()) != (password == null || password.isEmpty())) {
      throw new IllegalArgumentException(
          "spring.artemis.user and spring.artemis.password go together: set both or neither");
    }
    dir = dir.toAbsolutePath().normalize();
  }

  /** Settings with the default version and a 2-minute start timeout. */
  public static ArtemisSettings of(Path dir, int port, String user, String password) {
    return new ArtemisSettings(
        dir, DEFAULT_VERSION, "127.0.0.1", port, user, password, Duration.ofMinutes(2));
  }

  /** The URL clients connect to, e.g. {@code tcp://127.0.0.1:61616}. */
  public String url() {
    return "tcp://" + host + ":" + port;
  }

  /** The Maven coordinates of the distribution. */
  public String artifact() {
    return distribution().artifact();
  }

  /** The distribution, {@code apache-artemis-<version>-bin.tar.gz}. */
  public Distribution distribution() {
    return new Distribution(
        "org.apache.activemq:apache-artemis:" + version + ":tar.gz:bin",
        "apache-artemis-" + version + "-bin.tar.gz",
        "apache-artemis-" + version,
        "bin/artemis");
  }

  boolean anonymous() {
    return user == null || user.isBlank();
  }

  /** Whether {@code host} is a loopback literal or {@code localhost} (never a name to resolve). */
  public static boolean isLoopback(String host) {
    if (host == null || host.isBlank()) {
      return false;
    }
    if (host.equals("localhost")) {
      return true;
    }
    if (!host.chars().allMatch(c -> Character.isDigit(c) || c == '.' || c == ':')) {
      return false; // only literals: a name could resolve anywhere
    }
    try {
      return InetAddress.getByName(host).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  @Override
  public String toString() {
    // the password stays out of every log line
    return "ArtemisSettings[" + url() + ", dir=" + dir + ", version=" + version + "]";
  }
}
