package com.mallrank.crawler.net;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;

/**
 * Opens the TCP connection of one request to an address the guard has already checked. The one
 * place mallrank's fetchers open sockets to a site, so tests can map a public-looking address to a
 * loopback server (and must fail closed for any address they did not map).
 */
@FunctionalInterface
public interface Connector {

  Socket connect(InetAddress address, int port, int timeoutMillis) throws IOException;

  /** A plain socket to exactly that address: no name lookup. */
  static Connector direct() {
    return (address, port, timeoutMillis) -> {
      Socket socket = new Socket();
      try {
        socket.connect(new InetSocketAddress(address, port), timeoutMillis);
      } catch (IOException e) {
        socket.close();
        throw e;
      }
      return socket;
    };
  }
}
