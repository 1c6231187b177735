package com.mallrank.crawler.politeness;

import com.mallrank.crawler.politeness.AddressRefusedException.Rule;
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
 * address it resolves to is in a special-purpose block of the IANA registries ({@link
 * AddressBlocks}: loopback, private, shared, link-local and metadata ({@code 169.254.169.254},
 * {@code fd00:ec2::254}), documentation, benchmarking, multicast, reserved, {@code 192.0.0.0/24},
 * 6to4, Teredo, ...); IPv4 mapped, compatible or NAT64-embedded ({@code 64:ff9b::/96}) in IPv6 is
 * judged as IPv4.
 *
 * <p>The check resolves the host itself; fetchers connect to the addresses {@link #check} returns
 * (OkHttp's name lookup is this check, {@link com.mallrank.crawler.net.HttpClients}), so DNS
 * rebinding between check and connect has nothing to rebind; and every socket is judged once more
 * by {@link #checkConnect} as it is opened.
 *
 * <p>A page's own requests in a browser (scripts, styles, XHR: a signing SDK on a CDN) may follow a
 * wider host list than the navigation ({@link #withSubrequestHosts}, {@link #subrequests()}); the
 * address rules are the same for both.
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

  /** Hosts a page's own requests may reach besides {@link #allowedHosts}; null = none. */
  private final List<String> subrequestHosts;

  /**
   * @param allowedHosts host names, {@code *.suffix} patterns or {@code *}
   * @param allowPrivateAddresses whether loopback and private addresses may be fetched (the
   *     sandbox)
   * @param resolver how host names resolve
   */
  public AddressGuard(
      Collection<String> allowedHosts, boolean allowPrivateAddresses, Resolver resolver) {
    this(allowedHosts, allowPrivateAddresses, resolver, null);
  }

  private AddressGuard(
      Collection<String> allowedHosts,
      boolean allowPrivateAddresses,
      Resolver resolver,
      Collection<String> subrequestHosts) {
    this.allowedHosts = normalized(allowedHosts);
    this.allowPrivateAddresses = allowPrivateAddresses;
    this.resolver = Objects.requireNonNull(resolver, "resolver");
    this.subrequestHosts = subrequestHosts == null ? null : normalized(subrequestHosts);
  }

  private static List<String> normalized(Collection<String> hosts) {
    return hosts.stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
  }

  /** A guard resolving through the JDK. */
  public AddressGuard(Collection<String> allowedHosts, boolean allowPrivateAddresses) {
    this(allowedHosts, allowPrivateAddresses, InetAddress::getAllByName);
  }

  /** A guard with these rules that resolves through {@code other}: one resolver per process. */
  public AddressGuard withResolver(Resolver other) {
    return new AddressGuard(allowedHosts, allowPrivateAddresses, other, subrequestHosts);
  }

  /**
   * This guard, whose page may also send its own requests (scripts, styles, XHR, frames) to {@code
   * hosts} (names, {@code *.suffix} or {@code *}): a page's signing SDK and bundles on another
   * company's CDN. The navigation stays on the allow-list; the address rules hold for every host.
   */
  public AddressGuard withSubrequestHosts(Collection<String> hosts) {
    return new AddressGuard(allowedHosts, allowPrivateAddresses, resolver, List.copyOf(hosts));
  }

  /**
   * The guard of a page's own requests: the allow-list plus the {@linkplain #withSubrequestHosts
   * subrequest hosts} (none unless given), with the same address rules and resolver.
   */
  public AddressGuard subrequests() {
    if (subrequestHosts == null || subrequestHosts.isEmpty()) {
      return this;
    }
    List<String> both = new java.util.ArrayList<>(allowedHosts);
    both.addAll(subrequestHosts);
    return new AddressGuard(both, allowPrivateAddresses, resolver, null);
  }

  /**
   * Whether the host (a URL's host, any case, a trailing dot ignored) is on the allow-list: the
   * name rule alone, without resolving it (for a response already received, such as a captured list
   * call or a redirect hop the browser followed).
   */
  public boolean allowsHost(String host) {
    if (host == null || host.isBlank()) {
      return false;
    }
    String h = host.toLowerCase(Locale.ROOT);
    return isAllowedHost(h.endsWith(".") ? h.substring(0, h.length() - 1) : h);
  }

  /**
   * The same address rules for any host: tells a request to a private address (reported) from one
   * to a public host that is merely off the allow-list (blocked quietly).
   */
  public AddressGuard anyHost() {
    return new AddressGuard(List.of("*"), allowPrivateAddresses, resolver);
  }

  /** Whether loopback and private addresses may be fetched (the sandbox only). */
  public boolean allowsPrivateAddresses() {
    return allowPrivateAddresses;
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

  /**
   * The last word before a connection is opened: the address the socket is about to connect to
   * (whatever name or literal led there) must be public unless this guard allows private ones (the
   * profile's own address policy, the sandbox's). The host allow-list was the URL's check.
   *
   * @throws AddressRefusedException naming the address and its kind
   */
  public void checkConnect(InetAddress address, int port) throws AddressRefusedException {
    if (allowPrivateAddresses) {
      return;
    }
    String kind = nonPublicKind(address);
    if (kind != null) {
      String shown =
          (address instanceof java.net.Inet6Address
                  ? "[" + address.getHostAddress() + "]"
                  : address.getHostAddress())
              + ":"
              + port;
      throw refuse(
          shown,
          Rule.PRIVATE_ADDRESS,
          "a connection to the non-public address " + address.getHostAddress() + " (" + kind + ")");
    }
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

  /**
   * What kind of non-public address this is (the registry name of its special-purpose block), or
   * {@code null} for a public one.
   */
  static String nonPublicKind(InetAddress address) {
    AddressBlocks.Block block = AddressBlocks.of(address);
    if (block == null) {
      return null;
    }
    if (block.verdict() == AddressBlocks.Verdict.IPV4_LAST32) {
      byte[] b = address.getAddress();
      InetAddress embedded;
      try {
        embedded = InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]});
      } catch (UnknownHostException impossible) {
        throw new IllegalStateException(impossible);
      }
      String kind = nonPublicKind(embedded);
      return kind == null ? null : "IPv4-embedded " + kind;
    }
    return block.name();
  }

  private static AddressRefusedException refuse(String url, Rule rule, String detail) {
    AddressRefusedException e = new AddressRefusedException(url, rule, detail);
    // The caller reports it (a sample's evidence); Chromium's own background requests are refused
    // here too and must not flood the log.
    log.debug(e.getMessage());
    return e;
  }

  /** The URL as it may be logged: search tokens ({@code msToken}, signatures) live in the query. */
  public static String withoutQueryOf(URI url) {
    return withoutQuery(url);
  }

  /**
   * {@link #withoutQueryOf(URI)} for a URL as written (a captured request's, which may not parse as
   * a URI): the one rule for every message, log line and evidence file that names a URL.
   */
  public static String withoutQueryOf(String url) {
    return url == null ? null : withoutQuery(url);
  }

  static String withoutQuery(URI url) {
    return withoutQuery(url.toString());
  }

  private static String withoutQuery(String s) {
    int query = s.indexOf('?');
    int fragment = s.indexOf('#');
    if (query >= 0) {
      return s.substring(0, query) + "?…";
    }
    return fragment < 0 ? s : s.substring(0, fragment);
  }
}
