package com.mallrank.crawler.net;

import com.mallrank.crawler.politeness.AddressGuard;
import com.mallrank.crawler.politeness.AddressRefusedException;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one guarded way out: an in-process HTTP forward proxy on {@code 127.0.0.1} (an ephemeral
 * port) that every request of a fetcher goes through, redirect hops and a page's own requests
 * included. For each request it checks the target with the current {@link AddressGuard} (scheme,
 * host allow-list, resolved addresses) and connects to <em>the checked address</em> through its
 * {@link Connector}: the name is resolved once, so DNS rebinding between check and connect has
 * nothing to rebind.
 *
 * <ul>
 *   <li>{@code CONNECT host:port} (https, wss): checked as {@code https://host:port/}, then a byte
 *       tunnel; TLS binds the tunnel to that host.
 *   <li>absolute-form plain http ({@code GET http://host/path}): rewritten to origin-form,
 *       hop-by-hop headers dropped, {@code Host} set to the checked authority, and {@code
 *       Connection: close} forced both ways, so a client can never reuse the connection for another
 *       host. Request bodies need a {@code Content-Length}.
 * </ul>
 *
 * <p>A refusal is an HTTP 403 with a one-line reason (and header {@value #REFUSED_HEADER}), and is
 * recorded ({@link #refusals()}) so the fetcher can report the sample as refused. With no guard set
 * every request is refused.
 *
 * <p>Thread-safe; {@link #use} may be called between requests.
 */
public final class GuardProxy implements AutoCloseable {

  /** Header of the proxy's own 403 answers: the broken rule. */
  public static final String REFUSED_HEADER = "X-Mallrank-Refused";

  /**
   * Header of the proxy's own other errors (no connection, bad request): the answer is not the
   * site's, and the body says why.
   */
  public static final String ERROR_HEADER = "X-Mallrank-Proxy-Error";

  private static final Logger log = LoggerFactory.getLogger(GuardProxy.class);
  private static final int MAX_HEAD_BYTES = 64 * 1024;
  private static final Set<String> HOP_BY_HOP =
      Set.of(
          "connection",
          "keep-alive",
          "proxy-connection",
          "proxy-authorization",
          "proxy-authenticate",
          "te",
          "trailer",
          "upgrade",
          "http2-settings",
          "host");
  private static final AtomicInteger THREADS = new AtomicInteger();

  private final Connector connector;
  private final int timeoutMillis;
  private final ServerSocket server;
  private final ExecutorService workers;
  private final ConcurrentLinkedQueue<AddressRefusedException> refusals =
      new ConcurrentLinkedQueue<>();
  private final ConcurrentLinkedQueue<Socket> open = new ConcurrentLinkedQueue<>();
  private final ConcurrentLinkedQueue<UpstreamProxyException> networkFailures =
      new ConcurrentLinkedQueue<>();
  private volatile AddressGuard guard;
  private volatile boolean closed;

  private GuardProxy(Connector connector, Duration timeout) throws IOException {
    this.connector = Objects.requireNonNull(connector, "connector");
    this.timeoutMillis = Math.toIntExact(Math.max(1, timeout.toMillis()));
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    this.workers =
        Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(r, "guard-proxy-" + THREADS.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    workers.execute(this::acceptLoop);
  }

  /**
   * Starts a proxy that refuses everything until {@link #use} gives it a guard.
   *
   * @param connector opens connections to checked addresses
   * @param timeout connect and idle-read timeout of both sides
   */
  public static GuardProxy start(Connector connector, Duration timeout) throws IOException {
    return new GuardProxy(connector, timeout);
  }

  /** Checks the following requests with {@code next} ({@code null}: refuse them all). */
  public void use(AddressGuard next) {
    this.guard = next;
  }

  /** The proxy for {@link java.net.Proxy}-taking clients (jsoup). */
  public Proxy proxy() {
    return new Proxy(Proxy.Type.HTTP, new InetSocketAddress(server.getInetAddress(), port()));
  }

  /** {@code http://127.0.0.1:port}, for Chromium's proxy setting. */
  public String url() {
    return "http://127.0.0.1:" + port();
  }

  public int port() {
    return server.getLocalPort();
  }

  /** The refusals so far (oldest first). */
  public List<AddressRefusedException> refusals() {
    return List.copyOf(new ArrayList<>(refusals));
  }

  /**
   * The identity's own proxy failures so far (oldest first): the reason a page or fetch through a
   * dead proxy is an error, not the site's answer.
   */
  public List<UpstreamProxyException> networkFailures() {
    return List.copyOf(new ArrayList<>(networkFailures));
  }

  /** Forgets the refusals and proxy failures so far. */
  public void clearRefusals() {
    refusals.clear();
    networkFailures.clear();
  }

  @Override
  public void close() {
    closed = true;
    try {
      server.close();
    } catch (IOException e) {
      // closing
    }
    Socket s;
    while ((s = open.poll()) != null) {
      closeQuietly(s);
    }
    workers.shutdownNow();
  }

  private void acceptLoop() {
    while (!closed) {
      Socket client;
      try {
        client = server.accept();
      } catch (IOException e) {
        if (!closed) {
          log.debug("guard proxy accept failed: {}", e.getMessage());
        }
        return;
      }
      open.add(client);
      try {
        workers.execute(() -> serve(client));
      } catch (RuntimeException e) {
        closeQuietly(client);
      }
    }
  }

  private void serve(Socket client) {
    Socket upstream = null;
    try {
      client.setSoTimeout(timeoutMillis);
      InputStream in = new BufferedInputStream(client.getInputStream());
      OutputStream out = client.getOutputStream();
      byte[] head = readHead(in);
      if (head == null) {
        return;
      }
      List<String> lines = lines(head);
      String[] requestLine = lines.get(0).split(" ");
      if (requestLine.length != 3) {
        answer(out, 400, "Bad Request", "malformed request line", null);
        return;
      }
      String method = requestLine[0];
      if (method.equals("CONNECT")) {
        upstream = connect(requestLine[1], out);
        if (upstream != null) {
          out.write(
              "HTTP/1.1 200 Connection Established\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
          out.flush();
          tunnel(client, in, upstream);
        }
      } else {
        upstream = forward(method, requestLine[1], requestLine[2], lines, in, out);
      }
    } catch (IOException e) {
      log.debug("guard proxy exchange ended: {}", e.getMessage());
    } finally {
      if (upstream != null) {
        open.remove(upstream);
        closeQuietly(upstream);
      }
      open.remove(client);
      closeQuietly(client);
    }
  }

  /** {@code CONNECT host:port}: the checked upstream socket, or {@code null} after a refusal. */
  private Socket connect(String authority, OutputStream out) throws IOException {
    URI target;
    try {
      target = new URI("https://" + authority + "/");
    } catch (URISyntaxException e) {
      answer(out, 400, "Bad Request", "malformed CONNECT target", null);
      return null;
    }
    return open(target, target.getPort() < 0 ? 443 : target.getPort(), out);
  }

  private Socket forward(
      String method,
      String target,
      String version,
      List<String> lines,
      InputStream in,
      OutputStream out)
      throws IOException {
    URI uri;
    try {
      uri = new URI(target);
    } catch (URISyntaxException e) {
      answer(out, 400, "Bad Request", "malformed request target", null);
      return null;
    }
    if (!"http".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
      // Only absolute-form plain http is forwarded; https comes as CONNECT.
      refuse(
          out,
          new AddressRefusedException(
              shown(target),
              AddressRefusedException.Rule.SCHEME,
              "not an absolute http URL (https goes through CONNECT)"));
      return null;
    }
    if (!version.equals("HTTP/1.1") && !version.equals("HTTP/1.0")) {
      answer(out, 505, "HTTP Version Not Supported", "only HTTP/1.x is forwarded", null);
      return null;
    }
    long contentLength = 0;
    StringBuilder head = new StringBuilder();
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
    head.append(method).append(' ').append(path).append(query).append(' ').append(version);
    // host[:port] only: never user-info, never the client's own Host header
    head.append("\r\nHost: ")
        .append(uri.getHost())
        .append(uri.getPort() < 0 ? "" : ":" + uri.getPort());
    for (String line : lines.subList(1, lines.size())) {
      int colon = line.indexOf(':');
      if (colon <= 0) {
        continue;
      }
      String name = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
      if (name.equals("transfer-encoding")) {
        answer(out, 501, "Not Implemented", "request bodies need a Content-Length", null);
        return null;
      }
      if (name.equals("content-length")) {
        try {
          contentLength = Long.parseLong(line.substring(colon + 1).strip());
        } catch (NumberFormatException e) {
          answer(out, 400, "Bad Request", "bad Content-Length", null);
          return null;
        }
      }
      if (!HOP_BY_HOP.contains(name)) {
        head.append("\r\n").append(line);
      }
    }
    head.append("\r\nConnection: close\r\n\r\n");
    Socket upstream = open(uri, uri.getPort() < 0 ? 80 : uri.getPort(), out);
    if (upstream == null) {
      return null;
    }
    OutputStream up = upstream.getOutputStream();
    up.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
    copy(in, up, contentLength);
    up.flush();
    InputStream down = new BufferedInputStream(upstream.getInputStream());
    byte[] responseHead = readHead(down);
    if (responseHead == null) {
      answer(out, 502, "Bad Gateway", "no response from " + uri.getHost(), null);
      return upstream;
    }
    List<String> response = lines(responseHead);
    StringBuilder rewritten = new StringBuilder(response.get(0));
    for (String line : response.subList(1, response.size())) {
      int colon = line.indexOf(':');
      String name = colon <= 0 ? "" : line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
      if (!name.equals("connection")
          && !name.equals("keep-alive")
          && !name.equals("proxy-connection")) {
        rewritten.append("\r\n").append(line);
      }
    }
    rewritten.append("\r\nConnection: close\r\n\r\n");
    out.write(rewritten.toString().getBytes(StandardCharsets.ISO_8859_1));
    down.transferTo(out);
    out.flush();
    return upstream;
  }

  /** Checks the target and connects to its first reachable checked address; null if refused. */
  private Socket open(URI target, int port, OutputStream out) throws IOException {
    AddressGuard current = guard;
    List<InetAddress> addresses;
    try {
      if (current == null) {
        throw new AddressRefusedException(
            AddressGuard.withoutQueryOf(target),
            AddressRefusedException.Rule.HOST_NOT_ALLOWED,
            "no fetch is in progress");
      }
      addresses = current.check(target);
    } catch (AddressRefusedException e) {
      refuse(out, e);
      return null;
    }
    IOException last = null;
    for (InetAddress address : addresses) {
      try {
        Socket socket = connector.connect(address, port, timeoutMillis);
        socket.setSoTimeout(timeoutMillis);
        open.add(socket);
        return socket;
      } catch (UpstreamProxyException e) {
        networkFailures.add(e);
        last = e;
        // no other address is tried: the proxy itself failed
        break;
      } catch (IOException e) {
        last = e;
      }
    }
    answer(
        out,
        502,
        "Bad Gateway",
        "cannot connect to " + target.getHost() + ": " + (last == null ? "" : last.getMessage()),
        null);
    return null;
  }

  private void refuse(OutputStream out, AddressRefusedException e) throws IOException {
    refusals.add(e);
    answer(out, 403, "Forbidden", e.getMessage(), e.rule().name());
  }

  private static void answer(OutputStream out, int status, String reason, String text, String rule)
      throws IOException {
    byte[] body =
        (text.replace('\r', ' ').replace('\n', ' ') + "\n").getBytes(StandardCharsets.UTF_8);
    String head =
        "HTTP/1.1 "
            + status
            + " "
            + reason
            + "\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: "
            + body.length
            + "\r\n"
            + (rule == null ? ERROR_HEADER + ": " + status : REFUSED_HEADER + ": " + rule)
            + "\r\nConnection: close\r\n\r\n";
    out.write(head.getBytes(StandardCharsets.US_ASCII));
    out.write(body);
    out.flush();
  }

  private void tunnel(Socket client, InputStream in, Socket upstream) throws IOException {
    workers.execute(
        () -> {
          try {
            upstream.getInputStream().transferTo(client.getOutputStream());
          } catch (IOException e) {
            // one side closed
          } finally {
            closeQuietly(client);
            closeQuietly(upstream);
          }
        });
    try {
      in.transferTo(upstream.getOutputStream());
    } catch (SocketException e) {
      // one side closed
    }
  }

  /** The bytes up to and including the blank line, or null at a clean end of stream. */
  private static byte[] readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream(512);
    int last4 = 0;
    while (true) {
      int b = in.read();
      if (b < 0) {
        if (head.size() == 0) {
          return null;
        }
        throw new IOException("stream ended inside the header");
      }
      head.write(b);
      if (head.size() > MAX_HEAD_BYTES) {
        throw new IOException("header larger than " + MAX_HEAD_BYTES + " bytes");
      }
      last4 = (last4 << 8) | b;
      if (last4 == 0x0d0a0d0a) {
        return head.toByteArray();
      }
    }
  }

  private static List<String> lines(byte[] head) {
    String text = new String(head, StandardCharsets.ISO_8859_1);
    List<String> lines = new ArrayList<>();
    for (String line : text.split("\r\n")) {
      if (!line.isEmpty()) {
        lines.add(line);
      }
    }
    if (lines.isEmpty()) {
      lines.add("");
    }
    return lines;
  }

  private static void copy(InputStream in, OutputStream out, long length) throws IOException {
    byte[] buffer = new byte[8192];
    long left = length;
    while (left > 0) {
      int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
      if (n < 0) {
        throw new IOException("request body ended early");
      }
      out.write(buffer, 0, n);
      left -= n;
    }
  }

  /** A request target as it may be shown: no query, bounded. */
  private static String shown(String target) {
    int cut = target.indexOf('?');
    String s = cut < 0 ? target : target.substring(0, cut) + "?…";
    return s.length() > 200 ? s.substring(0, 200) + "…" : s;
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      // closing
    }
  }
}
