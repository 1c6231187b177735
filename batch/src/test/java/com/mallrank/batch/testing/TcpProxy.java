package com.mallrank.batch.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy on 127.0.0.1 in front of a real server, that a test can cut: while cut, open
 * connections are closed and new ones are accepted and closed at once, as when the server is down.
 * It can cut itself after a number of HTTP requests whose request line contains a marker (e.g. the
 * n-th {@code _bulk}), so "the server stopped in the middle of a run" happens at a chosen point.
 */
public final class TcpProxy implements AutoCloseable {

  private final ServerSocket server;
  private final int targetPort;
  private final List<Socket> open = new CopyOnWriteArrayList<>();
  private final AtomicInteger marked = new AtomicInteger();
  private volatile boolean cut;
  private volatile String marker;
  private volatile int cutAfter = Integer.MAX_VALUE;

  public TcpProxy(int targetPort) throws IOException {
    this.targetPort = targetPort;
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread acceptor = new Thread(this::accept, "tcp-proxy");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  public String url() {
    return "http://127.0.0.1:" + server.getLocalPort();
  }

  public int port() {
    return server.getLocalPort();
  }

  /** Cuts after {@code count} requests whose first line contains {@code marker} were forwarded. */
  public void cutAfter(String marker, int count) {
    this.marker = marker;
    this.cutAfter = count;
  }

  /** How many marked requests went through. */
  public int marked() {
    return marked.get();
  }

  public boolean isCut() {
    return cut;
  }

  /** The server is "down" from now on. */
  public void cut() {
    cut = true;
    for (Socket socket : open) {
      closeQuietly(socket);
    }
    open.clear();
  }

  /** The server is back. */
  public void restore() {
    cutAfter = Integer.MAX_VALUE;
    cut = false;
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket client = server.accept();
        if (cut) {
          client.close();
          continue;
        }
        Socket upstream = new Socket();
        upstream.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort));
        open.add(client);
        open.add(upstream);
        pump(client, upstream, true);
        pump(upstream, client, false);
      } catch (IOException e) {
        // closed, or the upstream refused: the client sees a closed connection
      }
    }
  }

  private void pump(Socket from, Socket to, boolean requests) {
    Thread thread =
        new Thread(
            () -> {
              byte[] buffer = new byte[16384];
              try (InputStream in = from.getInputStream();
                  OutputStream out = to.getOutputStream()) {
                int n;
                while (!cut && (n = in.read(buffer)) >= 0) {
                  if (requests && marker != null && isMarkedRequest(buffer, n)) {
                    if (marked.incrementAndGet() > cutAfter) {
                      cut();
                      return;
                    }
                  }
                  out.write(buffer, 0, n);
                  out.flush();
                }
              } catch (IOException e) {
                // a side closed
              } finally {
                closeQuietly(from);
                closeQuietly(to);
              }
            },
            "tcp-proxy-pump");
    thread.setDaemon(true);
    thread.start();
  }

  private boolean isMarkedRequest(byte[] buffer, int n) {
    String head = new String(buffer, 0, Math.min(n, 200), StandardCharsets.ISO_8859_1);
    int end = head.indexOf('\r');
    String firstLine = end < 0 ? head : head.substring(0, end);
    return firstLine.matches("^[A-Z]+ \\S+ HTTP/1\\.1$") && firstLine.contains(marker);
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      // closing
    }
  }

  @Override
  public void close() throws IOException {
    cut();
    server.close();
  }
}
