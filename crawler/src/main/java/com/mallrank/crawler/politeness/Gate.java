package com.mallrank.crawler.politeness;

import java.net.InetAddress;
import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * What every outgoing request of a sample passes, hop by hop: the profile's {@link AddressGuard}
 * (scheme, host allow-list, resolved addresses) and then the host's turn at the shared {@link
 * HostThrottle}. A redirect is a new request: it passes the gate again.
 *
 * <pre>{@code
 * try (Gate.Passage passage = gate.enter(url)) {
 *   connectTo(passage.addresses()); // the checked addresses, never a second lookup
 * }
 * }</pre>
 */
public final class Gate {

  /** A request that passed: its checked addresses and its host turn (released on close). */
  public interface Passage extends AutoCloseable {
    List<InetAddress> addresses();

    @Override
    void close();
  }

  private final AddressGuard guard;
  private final HostThrottle throttle;

  /**
   * @param guard checks every hop
   * @param throttle paces every hop, or {@code null} when the caller paces (tests, one-off fetches)
   */
  public Gate(AddressGuard guard, HostThrottle throttle) {
    this.guard = Objects.requireNonNull(guard, "guard");
    this.throttle = throttle;
  }

  /** A gate that checks but does not pace. */
  public static Gate unpaced(AddressGuard guard) {
    return new Gate(guard, null);
  }

  public AddressGuard guard() {
    return guard;
  }

  /**
   * Checks the URL, then waits for its host's turn.
   *
   * @throws AddressRefusedException when the guard refuses it (no turn is then held)
   */
  public Passage enter(URI url) throws AddressRefusedException, InterruptedException {
    List<InetAddress> addresses = guard.check(url);
    HostThrottle.Permit permit = throttle == null ? () -> {} : throttle.acquire(url);
    return new Passage() {
      @Override
      public List<InetAddress> addresses() {
        return addresses;
      }

      @Override
      public void close() {
        permit.close();
      }
    };
  }
}
