package com.mallrank.batch.schedule;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.util.Map;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.stereotype.Component;

/**
 * The actuator port of {@code mallrank serve} when several serve processes share a host (a manager
 * and workers): before the context starts, {@link #choose} takes the first free port of {@code
 * server.port} .. {@code server.port + batch.serve.ports - 1} and holds it (a bound socket), so a
 * second process starting at the same moment sees it taken and moves on; just before the web server
 * binds it, this lifecycle (started right before the web server's) lets it go. {@code
 * server.port=0} (any free port) and {@code batch.serve.ports=1} (exactly server.port) take no
 * part.
 */
@Component
public class ServePort implements SmartLifecycle {

  /** Started just before the web server (Spring Boot's WebServerStartStopLifecycle, MAX - 2048). */
  static final int PHASE = Integer.MAX_VALUE - 2049;

  private static ServerSocket held;
  private volatile boolean running;

  /**
   * Chooses the port of a {@code serve} process and holds it until the web server starts.
   *
   * @return {@code server.port} → the chosen port when it is not the configured one, else empty
   * @throws IllegalStateException naming the ports tried when every one is taken
   */
  public static synchronized Map<String, Object> choose(ConfigurableEnvironment environment) {
    Integer port = environment.getProperty("server.port", Integer.class);
    int ports =
        Binder.get(environment)
            .bind("batch.serve", ServeProperties.class)
            .map(ServeProperties::ports)
            .orElse(1);
    if (port == null || port <= 0 || ports <= 1) {
      return Map.of();
    }
    String address = environment.getProperty("server.address");
    InetAddress host;
    try {
      host = address == null || address.isBlank() ? null : InetAddress.getByName(address);
    } catch (UnknownHostException e) {
      return Map.of(); // the web server names the bad address
    }
    int last = Math.min(65_535, port + ports - 1);
    for (int candidate = port; candidate <= last; candidate++) {
      ServerSocket socket = bind(host, candidate);
      if (socket != null) {
        release();
        held = socket;
        return candidate == port ? Map.of() : Map.of("server.port", candidate);
      }
    }
    throw new IllegalStateException(
        "server.port: ports "
            + port
            + ".."
            + last
            + " on "
            + (address == null ? "*" : address)
            + " are all in use (other serve processes?): stop one, or set --server.port to a"
            + " free port (batch.serve.ports: how many ports from server.port up are tried)");
  }

  private static ServerSocket bind(InetAddress host, int port) {
    ServerSocket socket = null;
    try {
      socket = new ServerSocket();
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(host, port));
      return socket;
    } catch (IOException e) {
      if (socket != null) {
        try {
          socket.close();
        } catch (IOException ignored) {
          // not bound
        }
      }
      return null;
    }
  }

  /** Lets the held port go (the web server binds it next). */
  static synchronized void release() {
    if (held != null) {
      try {
        held.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } finally {
        held = null;
      }
    }
  }

  @Override
  public void start() {
    release();
    running = true;
  }

  @Override
  public void stop() {
    running = false;
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  @Override
  public int getPhase() {
    return PHASE;
  }
}
