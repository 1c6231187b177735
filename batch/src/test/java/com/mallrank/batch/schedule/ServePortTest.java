package com.mallrank.batch.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class ServePortTest {

  @AfterEach
  void letGo() {
    ServePort.release();
  }

  private static StandardEnvironment environment(int port, int ports) {
    StandardEnvironment environment = new StandardEnvironment();
    environment
        .getPropertySources()
        .addFirst(
            new MapPropertySource(
                "test",
                Map.of(
                    "server.port",
                    port,
                    "server.address",
                    "127.0.0.1",
                    "batch.serve.ports",
                    ports)));
    return environment;
  }

  @Test
  void aTakenPortMovesToTheNextFreeOneWhichIsHeldUntilTheWebServerStarts() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
      int port = taken.getLocalPort();

      Map<String, Object> chosen = ServePort.choose(environment(port, 3));

      assertThat(chosen).containsOnlyKeys("server.port");
      int next = (Integer) chosen.get("server.port");
      assertThat(next).isBetween(port + 1, port + 2);
      // held: a second process starting now cannot take it
      assertThat(canBind(next)).isFalse();
      new ServePort().start(); // right before the web server binds
      assertThat(canBind(next)).isTrue();
    }
  }

  @Test
  void oneAllowedPortOrPortZeroIsLeftToTheWebServer() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
      assertThat(ServePort.choose(environment(taken.getLocalPort(), 1))).isEmpty();
      assertThat(ServePort.choose(environment(0, 10))).isEmpty();
    }
  }

  @Test
  void everyPortOfTheRangeTakenIsRefusedNamingTheRangeAndTheWayOut() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
      int port = taken.getLocalPort();
      ServerSocket next = null;
      try {
        // the next one taken too (by this test, or by someone else already)
        next = new ServerSocket(port + 1, 50, InetAddress.getByName("127.0.0.1"));
      } catch (java.io.IOException alreadyTaken) {
        // taken all the same
      }
      try {
        assertThatThrownBy(() -> ServePort.choose(environment(port, 2)))
            .hasMessage(
                "server.port: ports "
                    + port
                    + ".."
                    + (port + 1)
                    + " on 127.0.0.1 are all in use (other serve processes?): stop one, or set"
                    + " --server.port to a free port (batch.serve.ports: how many ports from"
                    + " server.port up are tried)");
      } finally {
        if (next != null) {
          next.close();
        }
      }
    }
  }

  private static boolean canBind(int port) {
    try (ServerSocket socket = new ServerSocket(port, 50, InetAddress.getByName("127.0.0.1"))) {
      return true;
    } catch (Exception e) {
      return false;
    }
  }
}
