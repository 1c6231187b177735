package com.mallrank.crawler.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.mallrank.crawler.fetch.FetchException;
import com.mallrank.crawler.fetch.FetchRequest;
import com.mallrank.crawler.fetch.FetchResponse;
import com.mallrank.crawler.fetch.JsoupFetcher;
import com.mallrank.crawler.politeness.AddressGuard;
import com.mallrank.crawler.sandbox.SandboxMall;
import com.mallrank.crawler.sandbox.SandboxMall.Served;
import com.mallrank.crawler.testing.ApplicationDefaults;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An identity's {@code https://} proxy (issue 10 item 2) on loopback, through the new way out
 * ({@link HttpClients}): TLS to the proxy itself with a certificate made at test time by the JDK's
 * {@code keytool} (for the address 127.0.0.1 only), then what goes to an http proxy, recorded by a
 * {@link RecordingProxy} behind a TLS front. A proxy whose certificate does not match its name, is
 * not trusted, or that does not speak TLS at all is an error naming the proxy, and nothing reaches
 * the site. And an https site through an http proxy: a {@code CONNECT} tunnel whose credentials go
 * ahead on the {@code CONNECT} itself (never inside the tunnel, to the site); wrong ones are the
 * proxy's refusal, named.
 */
class HttpsProxyTest {

  private static final String ID = "mx-tls";

  @TempDir static Path dir;

  private static SandboxMall mall;
  private static RecordingProxy recording;
  private static SSLServerSocket front;
  private static SSLSocketFactory trusting;
  private static X509TrustManager trustManager;
  private static HttpsServer tlsSite;
  private static final ExecutorService workers = Executors.newCachedThreadPool();

  /** Every connection the fetchers would open without a proxy. */
  private final CountingConnector countingDirect = new CountingConnector();

  @BeforeAll
  static void start() throws Exception {
    Path store = dir.resolve("proxy.p12");
    Process keytool =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair",
                "-alias",
                "proxy",
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-dname",
                "CN=127.0.0.1",
                "-ext",
                "san=ip:127.0.0.1",
                "-validity",
                "2",
                "-storetype",
                "PKCS12",
                "-keystore",
                store.toString(),
                "-storepass",
                "test-only",
                "-keypass",
                "test-only")
            .redirectErrorStream(true)
            .start();
    String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(keytool.exitValue()).as(output).isZero();

    KeyStore keys = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(store)) {
      keys.load(in, "test-only".toCharArray());
    }
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(keys, "test-only".toCharArray());
    SSLContext server = SSLContext.getInstance("TLS");
    server.init(kmf.getKeyManagers(), null, null);

    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    trust.setCertificateEntry("proxy", keys.getCertificate("proxy"));
    TrustManagerFactory tmf =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(trust);
    SSLContext client = SSLContext.getInstance("TLS");
    client.init(null, tmf.getTrustManagers(), null);
    trusting = client.getSocketFactory();
    trustManager = (X509TrustManager) tmf.getTrustManagers()[0];
    tlsSite = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    tlsSite.setHttpsConfigurator(new HttpsConfigurator(server));
    tlsSite.createContext(
        "/",
        ex -> {
          byte[] body = "over tls".getBytes(StandardCharsets.UTF_8);
          ex.sendResponseHeaders(200, body.length);
          try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
          }
        });
    tlsSite.start();

    mall = SandboxMall.start();
    recording = RecordingProxy.start();
    front =
        (SSLServerSocket)
            server
                .getServerSocketFactory()
                .createServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
    int behind = URI.create(recording.url()).getPort();
    workers.execute(
        () -> {
          while (!front.isClosed()) {
            try {
              Socket tls = front.accept();
              workers.execute(() -> terminate((SSLSocket) tls, behind));
            } catch (IOException e) {
              return;
            }
          }
        });
  }

  @AfterAll
  static void stop() throws IOException {
    if (tlsSite != null) {
      tlsSite.stop(0);
    }
    if (front != null) {
      front.close();
    }
    if (recording != null) {
      recording.close();
    }
    if (mall != null) {
      mall.close();
    }
    workers.shutdownNow();
  }

  /** The TLS front: ends TLS and pipes the plain bytes to the recording proxy. */
  private static void terminate(SSLSocket tls, int behind) {
    try (tls;
        Socket plain = new Socket()) {
      tls.setSoTimeout(20_000);
      tls.startHandshake();
      plain.connect(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), behind), 5_000);
      OutputStream up = plain.getOutputStream();
      workers.execute(
          () -> {
            try {
              tls.getInputStream().transferTo(up);
            } catch (IOException e) {
              // closed
            }
          });
      plain.getInputStream().transferTo(tls.getOutputStream());
    } catch (IOException e) {
      // the exchange ended (a client that refused the certificate, too)
    }
  }

  private static String proxyUrl() {
    return "https://127.0.0.1:" + front.getLocalPort();
  }

  /** A static fetcher of {@value #ID} through {@code proxy}, its TLS trusting {@code tls}. */
  private JsoupFetcher fetcher(UpstreamProxy proxy, SSLSocketFactory tls) {
    return new JsoupFetcher(
        ApplicationDefaults.jsoup(Duration.ofSeconds(5)),
        Clock.systemUTC(),
        new HttpClients(countingDirect, ProxyRoutes.of(Map.of(ID, proxy)), tls));
  }

  private static FetchRequest search() {
    return new FetchRequest(
        URI.create(mall.searchUrl("x")),
        ID,
        TestNet.sandboxIdentity(SandboxMall.IDENTITY_COOKIE, ID),
        TestNet.loopback());
  }

  @Test
  void aStaticFetchGoesInsideTlsToTheProxyWithTheCredentials() throws Exception {
    recording.clear();
    UpstreamProxy proxy = UpstreamProxy.parse(proxyUrl()).withCredentials("mx-t:pa55");
    int mallPort = URI.create(mall.baseUrl()).getPort();
    long before = mall.served(Served.SEARCH_PAGES);

    FetchResponse response = fetcher(proxy, trusting).fetch(search());

    assertThat(response.httpStatus()).isEqualTo(200);
    assertThat(mall.served(Served.SEARCH_PAGES) - before).isEqualTo(1);
    assertThat(recording.log())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.target()).isEqualTo("127.0.0.1:" + mallPort);
              assertThat(e.request()).isEqualTo("GET /search");
              assertThat(e.identity()).isEqualTo(ID);
              assertThat(e.authorized()).isTrue();
            });
    assertThat(countingDirect.count()).isZero();
  }

  @Test
  void aCertificateForAnotherNameOrNotTrustedIsRefusedBeforeAnythingIsSent() throws Exception {
    recording.clear();
    long before = mall.served(Served.SEARCH_PAGES);
    // not trusted: the JVM's default trust does not know the test certificate
    UpstreamProxy untrusted = UpstreamProxy.parse(proxyUrl()).withCredentials("mx-t:pa55");
    assertThatThrownBy(() -> fetcher(untrusted, null).fetch(search()))
        .isInstanceOf(FetchException.class)
        .hasMessageContaining("proxy " + proxyUrl() + " TLS handshake failed: ")
        .hasMessageNotContaining("pa55");
    // trusted, but issued for 127.0.0.1, not for the name the proxy is configured by
    assumeThat(InetAddress.getByName("localhost").getHostAddress()).isEqualTo("127.0.0.1");
    String byName = "https://localhost:" + front.getLocalPort();
    assertThatThrownBy(() -> fetcher(UpstreamProxy.parse(byName), trusting).fetch(search()))
        .isInstanceOf(FetchException.class)
        .hasMessageContaining("proxy " + byName + " TLS handshake failed: ");
    assertThat(recording.log()).isEmpty();
    assertThat(mall.served(Served.SEARCH_PAGES)).isEqualTo(before);
    assertThat(countingDirect.count()).isZero();
  }

  @Test
  void anHttpsSiteGoesThroughAConnectTunnelWithTheCredentialsSentAhead() throws Exception {
    try (RecordingProxy proxy = RecordingProxy.requiring("mx-t", "pa55")) {
      String site = "https://127.0.0.1:" + tlsSite.getAddress().getPort() + "/x";
      HttpClients clients =
          new HttpClients(
              countingDirect,
              ProxyRoutes.of(
                  Map.of(
                      ID,
                      UpstreamProxy.parse(proxy.url()).withCredentials("mx-t:pa55"),
                      "mx-wrong",
                      UpstreamProxy.parse(proxy.url()).withCredentials("mx-t:wrong"))));
      AddressGuard guard = new AddressGuard(List.of("127.0.0.1"), true);

      try (Response response = trusting(clients.client(ID, guard, Duration.ofSeconds(5)), site)) {
        assertThat(response.code()).isEqualTo(200);
        assertThat(response.body().string()).isEqualTo("over tls");
      }
      // the proxy saw only the tunnel, authorized on the CONNECT itself
      assertThat(proxy.log())
          .containsExactly(
              new RecordingProxy.Entry(
                  "127.0.0.1:" + tlsSite.getAddress().getPort(), "TLS", null, null, true));

      proxy.clear();
      IOException refused =
          catchThrowableOfType(
              IOException.class,
              () -> trusting(clients.client("mx-wrong", guard, Duration.ofSeconds(5)), site));
      assertThat(clients.proxyFailure("mx-wrong", refused))
          .get()
          .extracting(Throwable::getMessage)
          .isEqualTo(
              "proxy " + proxy.url() + " refused the tunnel: Failed to authenticate with proxy");
      assertThat(proxy.log()).extracting(RecordingProxy.Entry::request).containsExactly("(407)");
      assertThat(countingDirect.count()).isZero();
    }
  }

  /** Calls {@code url} with {@code client}, trusting the test certificate for the site. */
  private static Response trusting(OkHttpClient client, String url) throws IOException {
    return client
        .newBuilder()
        .sslSocketFactory(trusting, trustManager)
        .build()
        .newCall(new Request.Builder().url(url).build())
        .execute();
  }

  @Test
  void anHttpsProxyThatDoesNotSpeakTlsIsAnErrorAndNothingGoesDirect() throws Exception {
    try (ServerSocket plain = new ServerSocket(0, 5, InetAddress.getByName("127.0.0.1"))) {
      workers.execute(
          () -> {
            try (Socket s = plain.accept()) {
              s.getOutputStream()
                  .write(
                      "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n"
                          .getBytes(StandardCharsets.ISO_8859_1));
            } catch (IOException e) {
              // closed
            }
          });
      String url = "https://127.0.0.1:" + plain.getLocalPort();
      long before = mall.served(Served.SEARCH_PAGES);
      JsoupFetcher jsoup =
          new JsoupFetcher(
              ApplicationDefaults.jsoup(Duration.ofSeconds(5)),
              Clock.systemUTC(),
              countingDirect,
              ProxyRoutes.of(Map.of(ID, UpstreamProxy.parse(url))));
      assertThatThrownBy(
              () ->
                  jsoup.fetch(
                      new FetchRequest(
                          URI.create(mall.searchUrl("x")),
                          ID,
                          TestNet.sandboxIdentity(SandboxMall.IDENTITY_COOKIE, ID),
                          TestNet.loopback())))
          .isInstanceOf(FetchException.class)
          .hasMessageContaining("proxy " + url + " TLS handshake failed: ");
      assertThat(mall.served(Served.SEARCH_PAGES)).isEqualTo(before);
      assertThat(countingDirect.count()).isZero();
    }
  }
}
