package com.mallrank.crawler.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.mallrank.crawler.politeness.AddressGuard;
import com.mallrank.crawler.politeness.AddressRefusedException;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The address check at connect time (issue 20 item 2): every socket {@link HttpClients} opens to a
 * site, direct or through SOCKS5, is judged by the caller's guard as it connects, so a call that
 * never passed a gate (an IP literal OkHttp does not look up: its name hook never sees it) still
 * reaches no loopback, private, link-local or IPv4-mapped address. Private addresses are reached
 * only when the guard's own address policy allows them (the sandbox profiles'), never by a flag of
 * the client. The targets are the {@link HostileNet} forms; its internal server counts every
 * request that reaches it.
 */
class ConnectTimeCheckTest {

  private static final AddressGuard PUBLIC_ONLY = new AddressGuard(List.of("*"), false);

  private final HostileNet net = new HostileNet();

  @AfterEach
  void stop() {
    net.close();
  }

  /** The call's failure, asserted to be the guard's connect-time refusal. */
  private static AddressRefusedException refusedAtConnect(OkHttpClient client, String url) {
    IOException failure =
        catchThrowableOfType(
            IOException.class,
            () -> {
              try (Response response =
                  client.newCall(new Request.Builder().url(url).build()).execute()) {
                throw new AssertionError(url + " was fetched: HTTP " + response.code());
              }
            });
    assertThat(failure).as(url).isNotNull();
    return HttpClients.refusalIn(failure)
        .orElseThrow(() -> new AssertionError(url + " failed otherwise: " + failure));
  }

  @Test
  void ipLiteralsThatSkippedTheGateAreRefusedAsTheSocketConnects() {
    try (HttpClients clients = new HttpClients(net.connector(), ProxyRoutes.none())) {
      OkHttpClient client = clients.client("anonymous", PUBLIC_ONLY, Duration.ofSeconds(5));
      for (String host :
          List.of(
              "127.0.0.1",
              "10.0.0.1",
              "169.254.169.254",
              "[::1]",
              "[::ffff:127.0.0.1]",
              "[fd00:ec2::254]",
              "[2002:7f00:1::1]")) {
        AddressRefusedException refusal =
            refusedAtConnect(client, net.hostileUrl(host, "/latest/meta-data/"));
        assertThat(refusal.rule()).as(host).isEqualTo(AddressRefusedException.Rule.PRIVATE_ADDRESS);
        assertThat(refusal.getMessage())
            .as(host)
            .contains("a connection to the non-public address");
      }
    }
    assertThat(net.internal.requests).hasValue(0);
  }

  @Test
  void throughSocks5TheProxyIsNeverAskedForAPrivateAddress() throws Exception {
    try (Socks5TestServer socks = Socks5TestServer.open();
        HttpClients clients =
            new HttpClients(
                net.connector(),
                ProxyRoutes.of(Map.of("mx-socks", UpstreamProxy.parse(socks.url()))))) {
      OkHttpClient client = clients.client("mx-socks", PUBLIC_ONLY, Duration.ofSeconds(5));

      AddressRefusedException refusal =
          refusedAtConnect(client, "http://127.0.0.1:" + net.internal.port() + "/");

      assertThat(refusal.getMessage())
          .isEqualTo(
              "refused 127.0.0.1:"
                  + net.internal.port()
                  + ": a connection to the non-public address 127.0.0.1 (Loopback)"
                  + " [PRIVATE_ADDRESS]");
      assertThat(socks.log()).isEmpty();
    }
    assertThat(net.internal.requests).hasValue(0);
  }

  @Test
  void theGuardsOwnAddressPolicyAndNotTheClientLetsTheSandboxThrough() throws Exception {
    AddressGuard sandboxPolicy = new AddressGuard(List.of("127.0.0.1"), true);
    try (HttpClients clients = new HttpClients(net.connector(), ProxyRoutes.none())) {
      String url = net.hostileUrl("127.0.0.1", "/");
      // the same identity's client: refused under a public-only guard, let through under the
      // sandbox profile's policy
      refusedAtConnect(clients.client("anonymous", PUBLIC_ONLY, Duration.ofSeconds(5)), url);
      try (Response response =
          clients
              .client("anonymous", sandboxPolicy, Duration.ofSeconds(5))
              .newCall(new Request.Builder().url(url).build())
              .execute()) {
        assertThat(response.code()).isEqualTo(200);
        assertThat(response.body().string()).isEqualTo("internal secrets");
      }
    }
    assertThat(net.internal.requests).hasValue(1);
  }
}
