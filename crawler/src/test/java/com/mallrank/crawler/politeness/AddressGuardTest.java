package com.mallrank.crawler.politeness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mallrank.crawler.politeness.AddressRefusedException.Rule;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AddressGuardTest {

  /** A DNS that knows a few names, so no test depends on the network. */
  private static final Map<String, String> DNS =
      Map.of(
          "www.douyin.com", "203.107.32.10",
          "haohuo.jinritemai.com", "2408:8719:100::10",
          "p3-aio.ecombdimg.com", "118.212.233.5",
          "internal.example.com", "10.1.2.3",
          "rebind.example.com", "169.254.169.254",
          "metadata6.example.com", "fd00:ec2::254");

  private static final AddressGuard.Resolver FAKE_DNS =
      host -> {
        String address = DNS.get(host);
        if (address != null) {
          return new InetAddress[] {InetAddress.getByName(address)};
        }
        if (Character.isDigit(host.charAt(0)) || host.contains(":")) {
          return InetAddress.getAllByName(host); // literals: no lookup
        }
        throw new UnknownHostException(host);
      };

  private final AddressGuard douyin =
      new AddressGuard(
          List.of("www.douyin.com", "*.jinritemai.com", "*.ecombdimg.com", "*.example.com"),
          false,
          FAKE_DNS);

  @Test
  void allowsListedPublicHosts() throws Exception {
    assertThat(douyin.check(URI.create("https://www.douyin.com/search/羽绒服女?type=goods")))
        .extracting(InetAddress::getHostAddress)
        .containsExactly("203.107.32.10");
    douyin.check(
        URI.create("https://haohuo.jinritemai.com/views/product/item2?id=3698123456789012345"));
    douyin.check(URI.create("https://P3-AIO.ecombdimg.com./obj/ecom-shop-material/k"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://evil.test/x",
        "https://douyin.com/",
        "https://jinritemai.com/",
        "https://www.douyin.com.evil.test/",
        "https://notjinritemai.com/"
      })
  void refusesHostsOffTheAllowList(String url) {
    assertRefused(douyin, url, Rule.HOST_NOT_ALLOWED, "is not on the allow-list");
  }

  @Test
  void refusesNonHttpSchemesAndHostlessUrls() {
    assertRefused(douyin, "file:///etc/passwd", Rule.SCHEME, "only http and https");
    assertRefused(douyin, "ftp://www.douyin.com/x", Rule.SCHEME, "only http and https");
    assertRefused(douyin, "https:///search", Rule.NO_HOST, "no host");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://127.0.0.1:9200/_cluster/health",
        "http://localhost:8080/search",
        "http://api.localhost/",
        "http://0.0.0.0/",
        "http://10.0.0.8/",
        "http://172.16.5.4/",
        "http://192.168.1.1/",
        "http://169.254.169.254/latest/meta-data/",
        "http://100.64.0.1/",
        "http://224.0.0.1/",
        "http://255.255.255.255/",
        "http://[::1]/",
        "http://[::]/",
        "http://[fe80::1]/",
        "http://[fd12:3456::1]/",
        "http://[fec0::1]/",
        "http://[ff02::1]/",
        "http://[::ffff:127.0.0.1]/",
        "http://[64:ff9b::a00:1]/",
        "https://internal.example.com/",
        "https://rebind.example.com/",
        "https://metadata6.example.com/"
      })
  void refusesNonPublicAddressesEvenWhenListed(String url) {
    AddressGuard anyHost = new AddressGuard(List.of("*"), false, FAKE_DNS);
    assertRefused(anyHost, url, Rule.PRIVATE_ADDRESS, "host ");
  }

  @Test
  void theSandboxProfileMayAllowLoopback() throws Exception {
    AddressGuard sandbox = new AddressGuard(List.of("127.0.0.1", "localhost"), true);

    assertThat(sandbox.check(URI.create("http://127.0.0.1:18080/search?keyword=x")))
        .allSatisfy(a -> assertThat(a.isLoopbackAddress()).isTrue());
    assertThat(sandbox.check(URI.create("http://localhost:18080/search")))
        .allSatisfy(a -> assertThat(a.isLoopbackAddress()).isTrue());
    assertRefused(sandbox, "http://10.0.0.1/", Rule.HOST_NOT_ALLOWED, "allow-list");
  }

  @Test
  void refusesHostsThatDoNotResolve() {
    assertRefused(douyin, "https://gone.example.com/", Rule.UNRESOLVED, "does not resolve");
  }

  @Test
  void messageNamesTheUrlWithoutItsQuery() {
    AddressGuard anyHost = new AddressGuard(List.of("*"), false, FAKE_DNS);

    assertThatThrownBy(() -> anyHost.check(URI.create("http://10.0.0.1/s?msToken=SECRET#frag")))
        .isInstanceOfSatisfying(
            AddressRefusedException.class,
            e -> {
              assertThat(e.url()).isEqualTo("http://10.0.0.1/s?…");
              assertThat(e.rule()).isEqualTo(Rule.PRIVATE_ADDRESS);
            })
        .hasMessage(
            "refused http://10.0.0.1/s?…: host 10.0.0.1 has the non-public address 10.0.0.1"
                + " (private) [PRIVATE_ADDRESS]")
        .hasMessageNotContaining("SECRET");
  }

  @Test
  void judgesIpv4InsideIpv6AsIpv4() throws Exception {
    byte[] mapped = new byte[16];
    mapped[10] = (byte) 0xff;
    mapped[11] = (byte) 0xff;
    mapped[12] = 10;
    mapped[15] = 1;
    InetAddress v6 = Inet6Address.getByAddress(null, mapped, null);
    assertThat(AddressGuard.nonPublicKind(v6)).isEqualTo("IPv4-embedded private");
    mapped[12] = (byte) 203;
    mapped[13] = 107;
    assertThat(AddressGuard.nonPublicKind(Inet6Address.getByAddress(null, mapped, null))).isNull();
    assertThat(AddressGuard.nonPublicKind(InetAddress.getByName("2408:8719:100::10"))).isNull();
    assertThat(AddressGuard.nonPublicKind(InetAddress.getByName("8.8.8.8"))).isNull();
  }

  private static void assertRefused(AddressGuard guard, String url, Rule rule, String text) {
    assertThatThrownBy(() -> guard.check(URI.create(url)))
        .isInstanceOfSatisfying(
            AddressRefusedException.class, e -> assertThat(e.rule()).isEqualTo(rule))
        .hasMessageContaining(text)
        .hasMessageContaining(url.contains("?") ? url.substring(0, url.indexOf('?')) : url);
  }
}
