package com.mallrank.crawler.net;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;

/** {@link Connector#direct()}: a plain socket to the address {@link HttpClients} let through. */
final class DirectConnector implements Connector {

  static final DirectConnector INSTANCE = new DirectConnector();

  private DirectConnector() {}

  @Override
  public Socket connect(InetAddress address, int port, int timeoutMillis) throws IOException {
    Socket socket = new Socket();
    try {
      socket.connect(new InetSocketAddress(address, port), timeoutMillis);
    } catch (IOException e) {
      socket.close();
      throw e;
    }
    return socket;
  }
}
