package com.mallrank.crawler.net;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A test's upstream HTTP proxy on loopback that records who came through it: for each {@code
 * CONNECT} tunnel, the target and the first plain-http request sent inside it (method, path and the
 * sandbox identity cookie). It tunnels only to loopback targets; anything else is answered 403 and
 * recorded, so a test can never send traffic elsewhere.
 */
public final class RecordingProxy extends LoopbackServer {

  /** One tunnel: its CONNECT target, the request line inside, and the identity cookie value. */
  public record Entry(
      String target, String request, String identity, String userAgent, boolean authorized) {}

  private static final Pattern UID = Pattern.compile("(?:^|;\\s*)sandbox_uid=([^;\\s]+)");

  private final ConcurrentLinkedQueue<Entry> log = new ConcurrentLinkedQueue<>();

  private RecordingProxy() throws IOException {
    startAccepting();
  }

  public static RecordingProxy start() throws IOException {
    return new RecordingProxy();
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
        String inner = readHead(in);
        if (inner == null) {
          return;
        }
        Matcher uid = null;
        String agent = null;
        for (String h : inner.split("\r\n")) {
          if (h.toLowerCase().startsWith("user-agent:")) {
            agent = h.substring(11).strip();
          }
          if (h.toLowerCase().startsWith("cookie:")) {
            uid = UID.matcher(h.substring(7).strip());
            if (!uid.find()) {
              uid = null;
            }
          }
        }
        String requestLine = inner.substring(0, inner.indexOf("\r\n"));
        String[] parts = requestLine.split(" ");
        String path = parts.length > 1 ? parts[0] + " " + parts[1].replaceAll("\\?.*", "") : "?";
        log.add(new Entry(target, path, uid == null ? null : uid.group(1), agent, authorized));
        upstream.getOutputStream().write(inner.getBytes(StandardCharsets.ISO_8859_1));
        upstream.getOutputStream().flush();
        relay(in, out, upstream);
      }
    } catch (IOException | RuntimeException e) {
      // the exchange ended
    }
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
