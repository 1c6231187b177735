package com.mallrank.crawler.net;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;

/**
 * Opens the TCP connection of one request to an address the guard has already decided (OkHttp's
 * socket hook, in {@link HttpClients}): tests map a public-looking address to a loopback server
 * here, and must fail closed for any address they did not map. Production uses {@link #direct()}.
 */
@FunctionalInterface
public interface Connector {

  Socket connect(InetAddress address, int port, int timeoutMillis) throws IOException;

  /** A plain socket to exactly that address: no name lookup. Always the same instance. */
  static Connector direct() {
    return DirectConnector.INSTANCE;
  }
}
