package com.mallrank.crawler.net;

import static org.assertj.core.api.Assertions.assertThat;

import com.mallrank.crawler.politeness.AddressGuard;
import com.mallrank.crawler.politeness.AddressRefusedException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GuardProxyTest {

  private final HostileNet net = new HostileNet();
  private GuardProxy proxy;

  @AfterEach
  void stop() {
    if (proxy != null) {
      proxy.close();
    }
    net.close();
  }

  private GuardProxy proxy(Connector connector) throws IOException {
    proxy = GuardProxy.start(connector, Duration.ofSeconds(5));
    proxy.use(new AddressGuard(List.of("*"), false, net.resolver()));
    return proxy;
  }

  /** Sends raw bytes to the proxy; returns all it answered until it closed the connection. */
  private String exchange(String request) throws IOException {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), proxy.port())) {
      socket.setSoTimeout(5000);
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = socket.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
    }
  }

  @Test
  void forwardsToTheCheckedAddressInOriginFormAndClosesTheConnection() throws Exception {
    proxy(net.connector());

    // a kept-alive client asks for a second host on the same connection
    String answer =
        exchange(
            "GET http://mall.example/page?q=1 HTTP/1.1\r\nHost: evil.test\r\n"
                + "Proxy-Connection: keep-alive\r\nConnection: keep-alive\r\n\r\n"
                + "GET http://127.0.0.1:"
                + net.internal.port()
                + "/ HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");

    assertThat(answer).startsWith("HTTP/1.1 200").contains("\r\nConnection: close\r\n");
    assertThat(answer).contains("<li class=card");
    assertThat(net.mall.paths).containsExactly("/page?q=1");
    // the checked host, not the client's Host header; the server is told to close
    assertThat(net.mall.hostAndConnection).containsExactly("mall.example|close");
    // the second request never left: the connection was closed after the first answer
    assertThat(net.internal.requests).hasValue(0);
  }

  @Test
  void refusesWithA403NamingTheRuleAndRecordsIt() throws Exception {
    proxy(net.connector());

    String answer =
        exchange("GET http://169.254.169.254/latest/meta-data/ HTTP/1.1\r\nHost: x\r\n\r\n");
    String tunnel = exchange("CONNECT [::1]:443 HTTP/1.1\r\nHost: [::1]:443\r\n\r\n");

    assertThat(answer)
        .startsWith("HTTP/1.1 403 Forbidden")
        .contains(GuardProxy.REFUSED_HEADER + ": PRIVATE_ADDRESS")
        .contains("169.254.169.254 (Link Local)");
    assertThat(tunnel).startsWith("HTTP/1.1 403 Forbidden").contains("Loopback Address");
    assertThat(proxy.refusals())
        .extracting(AddressRefusedException::rule)
        .containsExactly(
            AddressRefusedException.Rule.PRIVATE_ADDRESS,
            AddressRefusedException.Rule.PRIVATE_ADDRESS);
    assertThat(net.internal.requests).hasValue(0);
  }

  @Test
  void withoutAGuardEverythingIsRefused() throws Exception {
    proxy(net.connector()).use(null);

    assertThat(exchange("GET http://mall.example/page HTTP/1.1\r\n\r\n"))
        .startsWith("HTTP/1.1 403")
        .contains("no fetch is in progress");
    assertThat(net.mall.requests).hasValue(0);
  }

  @Test
  void anUnmappedAddressFailsClosed() throws Exception {
    proxy(net.connector());

    String answer = exchange("GET http://8.8.8.8/ HTTP/1.1\r\n\r\n");

    assertThat(answer)
        .startsWith("HTTP/1.1 502")
        .contains(GuardProxy.ERROR_HEADER)
        .contains("not mapped (fails closed)");
  }

  @Test
  void onlyAbsoluteHttpIsForwarded() throws Exception {
    proxy(net.connector());

    assertThat(exchange("GET /page HTTP/1.1\r\nHost: mall.example\r\n\r\n"))
        .startsWith("HTTP/1.1 403")
        .contains("[SCHEME]");
    assertThat(exchange("GET file:///etc/passwd HTTP/1.1\r\n\r\n")).startsWith("HTTP/1.1 403");
    assertThat(net.mall.requests).hasValue(0);
  }
}
