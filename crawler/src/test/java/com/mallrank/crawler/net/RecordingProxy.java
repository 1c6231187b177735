package com.mallrank.crawler.net;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A test's upstream HTTP proxy on loopback that records who came through it: for each {@code
 * CONNECT} tunnel, the target and the first request sent inside it (method, path and the sandbox
 * identity cookie; {@code TLS} when the tunnel carries TLS); for each plain-http request sent to it
 * as an absolute URL (how OkHttp sends http through a proxy), the same, the request forwarded in
 * origin form and the connection closed after the answer. It reaches only loopback targets;
 * anything else is answered 403 and recorded, so a test can never send traffic elsewhere. Started
 * {@linkplain #requiring requiring credentials}, it answers 407 to a request without them.
 */
public final class RecordingProxy extends LoopbackServer {

  /**
   * One tunnel or forwarded request: its target ({@code host:port}), the request line inside
   * ({@code GET /path}, or {@code TLS}), the identity cookie value, the user agent, and whether it
   * came with {@code Proxy-Authorization}.
   */
  public record Entry(
      String target, String request, String identity, String userAgent, boolean authorized) {}

  private static final Pattern UID = Pattern.compile("(?:^|;\\s*)sandbox_uid=([^;\\s]+)");

  private final ConcurrentLinkedQueue<Entry> log = new ConcurrentLinkedQueue<>();
  private final String credentials;

  private RecordingProxy(String credentials) throws IOException {
    this.credentials = credentials;
    startAccepting();
  }

  public static RecordingProxy start() throws IOException {
    return new RecordingProxy(null);
  }

  /** A proxy that answers 407 unless {@code Proxy-Authorization} is Basic {@code user:password}. */
  public static RecordingProxy requiring(String user, String password) throws IOException {
    return new RecordingProxy(
        java.util.Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
  }

  public String url() {
    return "http://127.0.0.1:" + port();
  }

  public List<Entry> log() {
    return new ArrayList<>(log);
  }

  public void clear() {
    log.clear();
  }

  @Override
  protected void serve(Socket client) {
    try (client) {
      client.setSoTimeout(20_000);
      InputStream in = new BufferedInputStream(client.getInputStream());
      OutputStream out = client.getOutputStream();
      String head = readHead(in);
      if (head == null) {
        return;
      }
      String[] line = head.substring(0, head.indexOf("\r\n")).split(" ");
      boolean authorized = head.toLowerCase().contains("\r\nproxy-authorization: basic ");
      if (credentials != null
          && !head.toLowerCase()
              .contains("\r\nproxy-authorization: basic " + credentials.toLowerCase())) {
        log.add(new Entry(line.length > 1 ? line[1] : "?", "(407)", null, null, authorized));
        out.write(
            ("HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic"
                    + " realm=\"test\"\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
                .getBytes());
        return;
      }
      if (line.length == 3 && line[1].startsWith("http://")) {
        forward(head, line, in, out, authorized);
        return;
      }
      if (line.length != 3 || !line[0].equals("CONNECT")) {
        log.add(
            new Entry(line.length > 1 ? line[1] : "?", head.split("\r\n")[0], null, null, false));
        out.write("HTTP/1.1 405 Only CONNECT\r\nContent-Length: 0\r\n\r\n".getBytes());
        return;
      }
      String target = line[1];
      int colon = target.lastIndexOf(':');
      String host = target.substring(0, colon).replace("[", "").replace("]", "");
      InetAddress address = InetAddress.getByName(host);
      if (!address.isLoopbackAddress()) {
        log.add(new Entry(target, "(refused: not loopback)", null, null, authorized));
        out.write("HTTP/1.1 403 Loopback only\r\nContent-Length: 0\r\n\r\n".getBytes());
        return;
      }
      try (Socket upstream = new Socket()) {
        upstream.connect(
            new InetSocketAddress(address, Integer.parseInt(target.substring(colon + 1))), 5_000);
        out.write("HTTP/1.1 200 Connection Established\r\n\r\n".getBytes());
        out.flush();
        in.mark(1);
        int first = in.read();
        in.reset();
        if (first == 0x16) {
          // a TLS handshake: nothing inside can be read, only relayed
          log.add(new Entry(target, "TLS", null, null, authorized));
          relay(in, out, upstream);
          return;
        }
        String inner = readHead(in);
        if (inner == null) {
          return;
        }
        log.add(
            new Entry(
                target,
                requestOf(inner),
                identity(inner),
                header(inner, "user-agent"),
                authorized));
        upstream.getOutputStream().write(inner.getBytes(StandardCharsets.ISO_8859_1));
        upstream.getOutputStream().flush();
        relay(in, out, upstream);
      }
    } catch (IOException | RuntimeException e) {
      // the exchange ended
    }
  }

  /**
   * A plain-http request sent as an absolute URL: recorded, sent to its loopback target in origin
   * form (a {@code Content-Length} body passed on), its answer relayed, then both closed.
   */
  private void forward(
      String head, String[] line, InputStream in, OutputStream out, boolean authorized)
      throws IOException {
    URI uri = URI.create(line[1]);
    String target = uri.getHost() + ":" + (uri.getPort() < 0 ? 80 : uri.getPort());
    InetAddress address = InetAddress.getByName(uri.getHost().replace("[", "").replace("]", ""));
    String request = line[0] + " " + uri.getRawPath();
    if (!address.isLoopbackAddress()) {
      log.add(new Entry(target, "(refused: not loopback)", null, null, authorized));
      out.write("HTTP/1.1 403 Loopback only\r\nContent-Length: 0\r\n\r\n".getBytes());
      return;
    }
    log.add(new Entry(target, request, identity(head), header(head, "user-agent"), authorized));
    StringBuilder origin =
        new StringBuilder(line[0])
            .append(' ')
            .append(uri.getRawPath())
            .append(uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())
            .append(' ')
            .append(line[2]);
    for (String h : head.split("\r\n")) {
      String lower = h.toLowerCase();
      if (h.isEmpty()
          || h.startsWith(line[0] + " ")
          || lower.startsWith("proxy-")
          || lower.startsWith("connection:")) {
        continue;
      }
      origin.append("\r\n").append(h);
    }
    origin.append("\r\nConnection: close\r\n\r\n");
    String length = header(head, "content-length");
    try (Socket upstream = new Socket()) {
      upstream.connect(
          new InetSocketAddress(address, uri.getPort() < 0 ? 80 : uri.getPort()), 5_000);
      OutputStream up = upstream.getOutputStream();
      up.write(origin.toString().getBytes(StandardCharsets.ISO_8859_1));
      if (length != null) {
        up.write(in.readNBytes(Integer.parseInt(length)));
      }
      up.flush();
      upstream.getInputStream().transferTo(out);
      out.flush();
    }
  }

  /** {@code GET /path} of a request head (no query). */
  private static String requestOf(String head) {
    String[] parts = head.substring(0, head.indexOf("\r\n")).split(" ");
    return parts.length > 1 ? parts[0] + " " + parts[1].replaceAll("\\?.*", "") : "?";
  }

  /** The sandbox identity cookie's value in a request head, or {@code null}. */
  private static String identity(String head) {
    String cookie = header(head, "cookie");
    if (cookie == null) {
      return null;
    }
    Matcher uid = UID.matcher(cookie);
    return uid.find() ? uid.group(1) : null;
  }

  private static String header(String head, String name) {
    for (String h : head.split("\r\n")) {
      if (h.toLowerCase().startsWith(name + ":")) {
        return h.substring(name.length() + 1).strip();
      }
    }
    return null;
  }

  private static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int last4 = 0;
    while (last4 != 0x0d0a0d0a) {
      int b = in.read();
      if (b < 0) {
        return null;
      }
      head.write(b);
      last4 = (last4 << 8) | b;
    }
    return head.toString(StandardCharsets.ISO_8859_1);
  }
}
