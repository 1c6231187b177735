package com.mallrank.crawler.politeness;

import com.mallrank.crawler.politeness.AddressRefusedException.Rule;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a crawl on the hosts its profile names and off internal networks: a link in a page, a
 * redirect or a mistyped profile must not reach {@code 127.0.0.1:9200} or a cloud metadata address.
 *
 * <p>Rules, in order: the scheme is http or https; the host is on the allow-list, exactly
 * (case-insensitive) or under a {@code *.suffix} entry ({@code *.example.com} allows {@code
 * a.example.com}, not {@code example.com}; {@code *} allows any host); unless {@code
 * allowPrivateAddresses}, neither the host name ({@code localhost}, {@code *.localhost}) nor any
 * address it resolves to is loopback, unspecified ({@code 0.0.0.0}, {@code ::}), private/site-local
 * ({@code 10/8}, {@code 172.16/12}, {@code 192.168/16}, {@code fec0::/10}), unique-local ({@code
 * fc00::/7}), link-local ({@code 169.254/16}, {@code fe80::/10}), multicast, carrier-grade NAT
 * ({@code 100.64/10}), benchmarking ({@code 198.18/15}), {@code 0/8} or {@code 240/4}; IPv4 mapped,
 * compatible or NAT64-embedded in IPv6 is judged as IPv4.
 *
 * <p>The check resolves the host itself; a fetcher that wants to be immune to DNS rebinding should
 * connect to the addresses {@link #check} returns.
 */
public final class AddressGuard {

  /** Resolves a host name to its addresses; the JDK resolver by default. */
  @FunctionalInterface
  public interface Resolver {
    InetAddress[] resolve(String host) throws UnknownHostException;
  }

  private static final Logger log = LoggerFactory.getLogger(AddressGuard.class);

  private final List<String> allowedHosts;
  private final boolean allowPrivateAddresses;
  private final Resolver resolver;

  /**
   * @param allowedHosts host names, {@code *.suffix} patterns or {@code *}
   * @param allowPrivateAddresses whether loopback and private addresses may be fetched (the
   *     sandbox)
   * @param resolver how host names resolve
   */
  public AddressGuard(
      Collection<String> allowedHosts, boolean allowPrivateAddresses, Resolver resolver) {
    this.allowedHosts = allowedHosts.stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
    this.allowPrivateAddresses = allowPrivateAddresses;
    this.resolver = Objects.requireNonNull(resolver, "resolver");
  }

  /** A guard resolving through the JDK. */
  public AddressGuard(Collection<String> allowedHosts, boolean allowPrivateAddresses) {
    this(allowedHosts, allowPrivateAddresses, InetAddress::getAllByName);
  }

  /**
   * Checks a URL before it is fetched.
   *
   * @return the host's addresses, all of which passed
   * @throws AddressRefusedException naming the URL and the broken rule
   */
  public List<InetAddress> check(URI url) throws AddressRefusedException {
    String shown = withoutQuery(url);
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw refuse(shown, Rule.SCHEME, "only http and https are fetched");
    }
    String host = url.getHost();
    if (host == null || host.isBlank()) {
      throw refuse(shown, Rule.NO_HOST, "no host");
    }
    host = host.toLowerCase(Locale.ROOT);
    if (host.endsWith(".")) {
      host = host.substring(0, host.length() - 1);
    }
    if (!isAllowedHost(host)) {
      throw refuse(shown, Rule.HOST_NOT_ALLOWED, "host " + host + " is not on the allow-list");
    }
    if (!allowPrivateAddresses && (host.equals("localhost") || host.endsWith(".localhost"))) {
      throw refuse(shown, Rule.PRIVATE_ADDRESS, "host " + host + " names the loopback interface");
    }
    String lookup = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    InetAddress[] addresses;
    try {
      addresses = resolver.resolve(lookup);
    } catch (UnknownHostException e) {
      throw refuse(shown, Rule.UNRESOLVED, "host " + host + " does not resolve");
    }
    if (addresses.length == 0) {
      throw refuse(shown, Rule.UNRESOLVED, "host " + host + " does not resolve");
    }
    if (!allowPrivateAddresses) {
      for (InetAddress address : addresses) {
        String kind = nonPublicKind(address);
        if (kind != null) {
          throw refuse(
              shown,
              Rule.PRIVATE_ADDRESS,
              "host "
                  + host
                  + " has the non-public address "
                  + address.getHostAddress()
                  + " ("
                  + kind
                  + ")");
        }
      }
    }
    return List.of(addresses);
  }

  private boolean isAllowedHost(String host) {
    for (String allowed : allowedHosts) {
      if (allowed.equals("*") || allowed.equals(host)) {
        return true;
      }
      if (allowed.startsWith("*.") && host.endsWith(allowed.substring(1))) {
        return true;
      }
    }
    return false;
  }

  /** What kind of non-public address this is, or {@code null} for a public one. */
  static String nonPublicKind(InetAddress address) {
    if (address instanceof Inet6Address v6) {
      byte[] b = v6.getAddress();
      InetAddress embedded = embeddedIpv4(b);
      if (embedded != null) {
        String kind = nonPublicKind(embedded);
        return kind == null ? null : "IPv4-embedded " + kind;
      }
      if ((b[0] & 0xfe) == 0xfc) {
        return "unique-local";
      }
    }
    if (address.isAnyLocalAddress()) {
      return "unspecified";
    }
    if (address.isLoopbackAddress()) {
      return "loopback";
    }
    if (address.isLinkLocalAddress()) {
      return "link-local";
    }
    if (address.isSiteLocalAddress()) {
      return "private";
    }
    if (address.isMulticastAddress()) {
      return "multicast";
    }
    if (address instanceof Inet4Address) {
      byte[] b = address.getAddress();
      int first = b[0] & 0xff;
      int second = b[1] & 0xff;
      if (first == 0) {
        return "this-network";
      }
      if (first == 100 && second >= 64 && second <= 127) {
        return "carrier-grade NAT";
      }
      if (first == 198 && (second == 18 || second == 19)) {
        return "benchmarking";
      }
      if (first >= 240) {
        return "reserved";
      }
    }
    return null;
  }

  /** The IPv4 address inside a mapped ({@code ::ffff:a.b.c.d}), compatible or NAT64 address. */
  private static InetAddress embeddedIpv4(byte[] b) {
    boolean zeroPrefix = true;
    for (int i = 0; i < 10; i++) {
      zeroPrefix &= b[i] == 0;
    }
    boolean mapped = zeroPrefix && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
    boolean compatible = zeroPrefix && b[10] == 0 && b[11] == 0 && !allZero(b, 12, 15);
    boolean nat64 =
        (b[0] & 0xff) == 0x00
            && (b[1] & 0xff) == 0x64
            && (b[2] & 0xff) == 0xff
            && (b[3] & 0xff) == 0x9b
            && allZero(b, 4, 11);
    if (!mapped && !nat64 && !(compatible && !isLoopbackV6(b))) {
      return null;
    }
    try {
      return InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]});
    } catch (UnknownHostException impossible) {
      throw new IllegalStateException(impossible);
    }
  }

  private static boolean isLoopbackV6(byte[] b) {
    return allZero(b, 0, 14) && b[15] == 1;
  }

  private static boolean allZero(byte[] b, int from, int to) {
    for (int i = from; i <= to; i++) {
      if (b[i] != 0) {
        return false;
      }
    }
    return true;
  }

  private static AddressRefusedException refuse(String url, Rule rule, String detail) {
    AddressRefusedException e = new AddressRefusedException(url, rule, detail);
    log.warn(e.getMessage());
    return e;
  }

  /** The URL as it may be logged: search tokens ({@code msToken}, signatures) live in the query. */
  static String withoutQuery(URI url) {
    String s = url.toString();
    int query = s.indexOf('?');
    int fragment = s.indexOf('#');
    if (query >= 0) {
      return s.substring(0, query) + "?…";
    }
    return fragment < 0 ? s : s.substring(0, fragment);
  }
}
