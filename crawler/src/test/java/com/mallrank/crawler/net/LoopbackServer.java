package com.mallrank.crawler.net;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A test server on a free loopback port: each accepted connection is handed to {@link #serve} on a
 * thread of its own until the server is closed. The test proxies are written on it.
 */
public abstract class LoopbackServer implements AutoCloseable {

  private final ServerSocket server;
  private final ExecutorService workers = Executors.newCachedThreadPool();
  private volatile boolean closed;

  protected LoopbackServer() throws IOException {
    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
  }

  /** Starts accepting; subclass constructors call it once their own fields are set. */
  protected final void startAccepting() {
    workers.execute(this::acceptLoop);
  }

  /** Talks to one client; the socket is the method's to close. */
  protected abstract void serve(Socket client);

  /**
   * Relays a tunnel both ways until either side closes: {@code client} to {@code upstream} on a
   * worker, {@code upstream} to {@code client} on the calling thread.
   */
  protected final void relay(InputStream client, OutputStream toClient, Socket upstream)
      throws IOException {
    OutputStream up = upstream.getOutputStream();
    workers.execute(
        () -> {
          try {
            client.transferTo(up);
          } catch (IOException e) {
            // closed
          }
        });
    upstream.getInputStream().transferTo(toClient);
  }

  public final int port() {
    return server.getLocalPort();
  }

  @Override
  public void close() {
    closed = true;
    try {
      server.close();
    } catch (IOException e) {
      // closing
    }
    workers.shutdownNow();
  }

  private void acceptLoop() {
    while (!closed) {
      try {
        Socket client = server.accept();
        workers.execute(() -> serve(client));
      } catch (IOException e) {
        return;
      }
    }
  }
}
