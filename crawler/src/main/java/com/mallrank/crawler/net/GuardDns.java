package com.mallrank.crawler.net;

import com.mallrank.crawler.politeness.AddressGuard;
import com.mallrank.crawler.politeness.AddressRefusedException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import okhttp3.Dns;

/**
 * OkHttp's name lookup, decided by the guard: every host name a connection is opened for is
 * resolved by {@link AddressGuard#check} at that moment, and OkHttp connects only to the addresses
 * that passed (it never looks the name up again), so a name that rebinds between two lookups has
 * nothing to rebind. IP literals never come here: the {@link com.mallrank.crawler.politeness.Gate
 * Gate} checked them before the call. Equal guards make equal lookups, so OkHttp pools a guard's
 * connections across its calls and never lends them to another guard.
 *
 * @param guard decides every address
 * @param proxyHost the identity's HTTP proxy's host (resolved as configured, not judged: the plan
 *     names it), or {@code null}
 */
record GuardDns(AddressGuard guard, String proxyHost) implements Dns {

  @Override
  public List<InetAddress> lookup(String host) throws UnknownHostException {
    if (proxyHost != null && proxyHost.equalsIgnoreCase(host)) {
      return List.of(InetAddress.getAllByName(host));
    }
    URI url;
    try {
      url = new URI("http", null, host.toLowerCase(Locale.ROOT), -1, "/", null, null);
    } catch (URISyntaxException e) {
      throw new UnknownHostException("not a host name: " + UpstreamProxy.bounded(host));
    }
    try {
      return guard.check(url);
    } catch (AddressRefusedException e) {
      throw new Refused(e);
    }
  }

  /** The guard refused an address at connect time; OkHttp passes it up as a failed lookup. */
  static final class Refused extends UnknownHostException {

    private static final long serialVersionUID = 1L;

    private final transient AddressRefusedException refusal;

    Refused(AddressRefusedException refusal) {
      super(refusal.getMessage());
      this.refusal = refusal;
      initCause(refusal);
    }

    AddressRefusedException refusal() {
      return refusal;
    }
  }
}
