package com.mallrank.index.testing;

import com.mallrank.index.local.LocalElasticsearchSettings;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Ports for a test's own local Elasticsearch: node {@code i} of a run listens on HTTP {@code base +
 * i} and transport {@code base + i + }{@link LocalElasticsearchSettings#TRANSPORT_PORT_OFFSET}.
 * Chosen in 20000..40000, away from the shared test server's 9250.
 */
public final class FreePorts {

  private FreePorts() {}

  /** A base port whose {@code nodes} HTTP ports and transport ports are all free on loopback. */
  public static int forElasticsearch(int nodes) {
    for (int attempt = 0; attempt < 50; attempt++) {
      int port = ThreadLocalRandom.current().nextInt(20_000, 40_000);
      if (free(port, nodes)
          && free(port + LocalElasticsearchSettings.TRANSPORT_PORT_OFFSET, nodes)) {
        return port;
      }
    }
    throw new IllegalStateException("no run of " + nodes + " free port pairs found");
  }

  private static boolean free(int port, int count) {
    for (int p = port; p < port + count; p++) {
      try (ServerSocket socket = new ServerSocket(p, 1, InetAddress.getLoopbackAddress())) {
        socket.setReuseAddress(true);
      } catch (IOException e) {
        return false;
      }
    }
    return true;
  }
}
