package com.mallrank.crawler.net;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@link Connector#direct()} that counts the connections it opens: handed to a fetcher whose
 * identities all have proxies, it proves that nothing went out on the direct network.
 */
public final class CountingConnector implements Connector {

  private final AtomicInteger opened = new AtomicInteger();

  @Override
  public Socket connect(InetAddress address, int port, int timeoutMillis) throws IOException {
    opened.incrementAndGet();
    return Connector.direct().connect(address, port, timeoutMillis);
  }

  /** How many connections were opened so far. */
  public int count() {
    return opened.get();
  }
}
