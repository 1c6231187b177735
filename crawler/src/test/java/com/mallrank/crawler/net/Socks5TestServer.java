package com.mallrank.crawler.net;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A test's SOCKS5 proxy (RFC 1928, with RFC 1929 user/password when started with credentials) on
 * loopback that records each {@code CONNECT}: the address type, the address and port asked for, and
 * the user name that authenticated. It connects only to loopback targets (anything else is answered
 * "connection not allowed by ruleset" and recorded), so a test can never send traffic elsewhere.
 */
public final class Socks5TestServer extends LoopbackServer {

  /**
   * One connection: the address type byte (1 IPv4, 3 domain, 4 IPv6), the target, the user name
   * ({@code null}: none), and whether it was tunnelled.
   */
  public record Entry(int addressType, String target, String user, boolean tunnelled) {}

  private final String user;
  private final String password;
  private final ConcurrentLinkedQueue<Entry> log = new ConcurrentLinkedQueue<>();
  private final ConcurrentLinkedQueue<String> refusedUsers = new ConcurrentLinkedQueue<>();

  private Socks5TestServer(String user, String password) throws IOException {
    this.user = user;
    this.password = password;
    startAccepting();
  }

  /** Without authentication (method 0x00 only). */
  public static Socks5TestServer open() throws IOException {
    return new Socks5TestServer(null, null);
  }

  /** Requiring user/password (method 0x02 only). */
  public static Socks5TestServer withCredentials(String user, String password) throws IOException {
    return new Socks5TestServer(user, password);
  }

  public String url() {
    return "socks5://127.0.0.1:" + port();
  }

  public List<Entry> log() {
    return new ArrayList<>(log);
  }

  /** User names whose password was wrong. */
  public List<String> refusedUsers() {
    return new ArrayList<>(refusedUsers);
  }

  @Override
  protected void serve(Socket client) {
    try (client) {
      client.setSoTimeout(20_000);
      DataInputStream in = new DataInputStream(client.getInputStream());
      OutputStream out = client.getOutputStream();
      if (in.readUnsignedByte() != 5) {
        return;
      }
      byte[] methods = new byte[in.readUnsignedByte()];
      in.readFully(methods);
      int wanted = user == null ? 0 : 2;
      boolean offered = false;
      for (byte m : methods) {
        offered |= m == wanted;
      }
      if (!offered) {
        out.write(new byte[] {5, (byte) 0xff});
        return;
      }
      out.write(new byte[] {5, (byte) wanted});
      out.flush();
      String seenUser = null;
      if (wanted == 2) {
        in.readUnsignedByte();
        byte[] u = new byte[in.readUnsignedByte()];
        in.readFully(u);
        byte[] p = new byte[in.readUnsignedByte()];
        in.readFully(p);
        seenUser = new String(u, StandardCharsets.UTF_8);
        if (!seenUser.equals(user) || !new String(p, StandardCharsets.UTF_8).equals(password)) {
          refusedUsers.add(seenUser);
          out.write(new byte[] {1, 1});
          return;
        }
        out.write(new byte[] {1, 0});
        out.flush();
      }
      in.readUnsignedByte();
      int command = in.readUnsignedByte();
      in.readUnsignedByte();
      int type = in.readUnsignedByte();
      byte[] raw =
          switch (type) {
            case 1 -> new byte[4];
            case 4 -> new byte[16];
            case 3 -> new byte[in.readUnsignedByte()];
            default -> throw new IOException("address type " + type);
          };
      in.readFully(raw);
      int port = in.readUnsignedShort();
      String host =
          type == 3
              ? new String(raw, StandardCharsets.US_ASCII)
              : InetAddress.getByAddress(raw).getHostAddress();
      if (command != 1 || type == 3 || !InetAddress.getByAddress(raw).isLoopbackAddress()) {
        log.add(new Entry(type, host + ":" + port, seenUser, false));
        out.write(new byte[] {5, 2, 0, 1, 0, 0, 0, 0, 0, 0});
        return;
      }
      try (Socket upstream = new Socket()) {
        try {
          upstream.connect(new InetSocketAddress(InetAddress.getByAddress(raw), port), 5_000);
        } catch (IOException e) {
          log.add(new Entry(type, host + ":" + port, seenUser, false));
          out.write(new byte[] {5, 5, 0, 1, 0, 0, 0, 0, 0, 0});
          return;
        }
        log.add(new Entry(type, host + ":" + port, seenUser, true));
        out.write(new byte[] {5, 0, 0, 1, 127, 0, 0, 1, 0, 0});
        out.flush();
        relay(in, out, upstream);
      }
    } catch (IOException | RuntimeException e) {
      // the exchange ended
    }
  }
}
