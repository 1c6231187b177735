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
        "https://metadata6.example.com/",
        // issue 8 row 11 and the rest of the IANA special-purpose registries
        "http://192.0.0.192/latest/",
        "http://192.0.0.1/",
        "http://192.0.2.1/",
        "http://192.88.99.1/",
        "http://198.51.100.7/",
        "http://203.0.113.9/",
        "http://[2002:7f00:1::1]/",
        "http://[2002:a9fe:a9fe::1]/",
        "http://[2002:808:808::1]/",
        "http://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/",
        "http://[2001:2::1]/",
        "http://[2001:db8::1]/",
        "http://[100::1]/",
        "http://[64:ff9b::7f00:1]/",
        "http://[64:ff9b::a9fe:a9fe]/",
        "http://[64:ff9b:1::a00:1]/",
        "http://[::ffff:169.254.169.254]/",
        "http://[::127.0.0.1]/",
        "http://[fd00:ec2::254]/"
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
                + " (Private-Use) [PRIVATE_ADDRESS]")
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
    assertThat(AddressGuard.nonPublicKind(v6)).isEqualTo("IPv4-embedded Private-Use");
    mapped[12] = (byte) 203;
    mapped[13] = 107;
    assertThat(AddressGuard.nonPublicKind(Inet6Address.getByAddress(null, mapped, null))).isNull();
    assertThat(AddressGuard.nonPublicKind(InetAddress.getByName("2408:8719:100::10"))).isNull();
    assertThat(AddressGuard.nonPublicKind(InetAddress.getByName("8.8.8.8"))).isNull();
  }

  @Test
  void namesTheRegistryBlockOfEachRefusedAddress() throws Exception {
    assertThat(AddressGuard.nonPublicKind(InetAddress.getByName("2002:7f00:1::1")))
        .isEqualTo("6to4");
    assertThat(AddressGuard.nonPublicKind(InetAddress.getByName("2001:0:4136:e378::1")))
        .isEqualTo("TEREDO");
    assertThat(AddressGuard.nonPublicKind(InetAddress.getByName("2001:2::1")))
        .isEqualTo("IETF Protocol Assignments");
    assertThat(AddressGuard.nonPublicKind(InetAddress.getByName("192.0.0.192")))
        .isEqualTo("IETF Protocol Assignments (Oracle Cloud metadata)");
    assertThat(AddressGuard.nonPublicKind(InetAddress.getByName("169.254.169.254")))
        .isEqualTo("Link Local");
    assertThat(AddressGuard.nonPublicKind(InetAddress.getByName("fd00:ec2::254")))
        .isEqualTo("Unique-Local");
    assertThat(AddressGuard.nonPublicKind(InetAddress.getByName("64:ff9b::a9fe:a9fe")))
        .isEqualTo("IPv4-embedded Link Local");
    assertThat(AddressGuard.nonPublicKind(InetAddress.getByName("64:ff9b:1::808:808")))
        .isEqualTo("IPv4-IPv6 Translat. (local use)");
    assertThat(AddressGuard.nonPublicKind(InetAddress.getByName("::")))
        .isEqualTo("Unspecified Address");
    assertThat(AddressGuard.nonPublicKind(InetAddress.getByName("::1")))
        .isEqualTo("Loopback Address");
    // Public addresses, also behind the well-known NAT64 prefix, pass.
    assertThat(AddressGuard.nonPublicKind(InetAddress.getByName("64:ff9b::808:808"))).isNull();
    assertThat(AddressGuard.nonPublicKind(InetAddress.getByName("2001:4860::8888"))).isNull();
    assertThat(AddressGuard.nonPublicKind(InetAddress.getByName("192.0.1.1"))).isNull();
    assertThat(AddressGuard.nonPublicKind(InetAddress.getByName("100.128.0.1"))).isNull();
    assertThat(AddressGuard.nonPublicKind(InetAddress.getByName("172.32.0.1"))).isNull();
  }

  @Test
  void theBlockListIsDataWithItsSourceAndEveryBlockIsRefusedAtBothEnds() throws Exception {
    assertThat(AddressBlocks.all()).hasSizeGreaterThanOrEqualTo(40);
    for (AddressBlocks.Block block : AddressBlocks.all()) {
      assertThat(block.name()).isNotBlank();
      assertThat(block.reference()).startsWith("RFC ");
      if (block.verdict() == AddressBlocks.Verdict.REFUSE) {
        byte[] first = block.network().clone();
        byte[] last = block.network().clone();
        for (int bit = block.prefixLength(); bit < last.length * 8; bit++) {
          last[bit / 8] |= (byte) (0x80 >>> (bit % 8));
        }
        String where = block.name() + " " + block.prefixLength();
        assertThat(AddressGuard.nonPublicKind(InetAddress.getByAddress(first)))
            .as(where)
            .isNotNull();
        assertThat(AddressGuard.nonPublicKind(InetAddress.getByAddress(last)))
            .as(where)
            .isNotNull();
      }
    }
    try (var in = AddressBlocks.class.getResourceAsStream(AddressBlocks.RESOURCE)) {
      String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      assertThat(text)
          .contains("iana-ipv4-special-registry")
          .contains("iana-ipv6-special-registry");
    }
  }

  @Test
  void aMalformedLineOfTheDataFileIsNamedWithItsLine() {
    assertThatThrownBy(() -> AddressBlocks.parse("10.0.0.0/33\trefuse\tX\tRFC 1", 7))
        .hasMessage(AddressBlocks.RESOURCE + ":7: prefix length out of range in 10.0.0.0/33");
    assertThatThrownBy(() -> AddressBlocks.parse("10.0.0.0/8\tmaybe\tX\tRFC 1", 9))
        .hasMessage(AddressBlocks.RESOURCE + ":9: unknown verdict 'maybe'");
  }

  private static void assertRefused(AddressGuard guard, String url, Rule rule, String text) {
    assertThatThrownBy(() -> guard.check(URI.create(url)))
        .isInstanceOfSatisfying(
            AddressRefusedException.class, e -> assertThat(e.rule()).isEqualTo(rule))
        .hasMessageContaining(text)
        .hasMessageContaining(url.contains("?") ? url.substring(0, url.indexOf('?')) : url);
  }

  @Test
  void aPagesOwnRequestsFollowTheWiderListWithTheSameAddressRules() throws Exception {
    AddressGuard buyin =
        new AddressGuard(List.of("*.jinritemai.com"), false, FAKE_DNS)
            .withSubrequestHosts(List.of("*.ecombdimg.com", "internal.example.com"));
    AddressGuard own = buyin.subrequests();

    assertThat(own.check(URI.create("https://p3-aio.ecombdimg.com/obj/x"))).hasSize(1);
    assertThat(own.check(URI.create("https://haohuo.jinritemai.com/x"))).hasSize(1);
    assertThatThrownBy(() -> buyin.check(URI.create("https://p3-aio.ecombdimg.com/obj/x")))
        .isInstanceOf(AddressRefusedException.class)
        .extracting(e -> ((AddressRefusedException) e).rule())
        .isEqualTo(Rule.HOST_NOT_ALLOWED);
    assertThatThrownBy(() -> own.check(URI.create("http://internal.example.com/admin")))
        .as("listed, but its address is private")
        .extracting(e -> ((AddressRefusedException) e).rule())
        .isEqualTo(Rule.PRIVATE_ADDRESS);
    assertThat(buyin.withResolver(FAKE_DNS).subrequests().allowsHost("p26-item.ecombdimg.com"))
        .as("kept by withResolver")
        .isTrue();
    assertThat(douyin.subrequests()).as("without a list: the allow-list").isSameAs(douyin);
  }

  @Test
  void allowsHostReadsTheNameRuleOnlyWithoutResolving() {
    assertThat(douyin.allowsHost("HAOHUO.jinritemai.com.")).isTrue();
    assertThat(douyin.allowsHost("jinritemai.com")).isFalse();
    assertThat(douyin.allowsHost("unresolvable.example.com")).isTrue();
    assertThat(douyin.allowsHost(null)).isFalse();
    assertThat(douyin.allowsHost("")).isFalse();
  }
}
