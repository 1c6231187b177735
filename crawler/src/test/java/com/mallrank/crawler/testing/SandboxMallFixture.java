package com.mallrank.crawler.testing;

import com.mallrank.crawler.sandbox.SandboxMall;
import java.time.Instant;
import java.util.Objects;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A sandbox mall for one test class, written once: started on a free loopback port with its clock
 * at a fixed time before the class, optionally cleared of faults after each test, closed after the
 * class. Register it as a {@code static} {@code @RegisterExtension} field ({@link BrowserFixture}
 * adds Chromium and a fetcher to it).
 */
public final class SandboxMallFixture
    implements BeforeAllCallback, AfterEachCallback, AfterAllCallback {

  private final Instant time;
  private final boolean clearFaults;
  private SandboxMall mall;

  private SandboxMallFixture(Instant time, boolean clearFaults) {
    this.time = Objects.requireNonNull(time, "time");
    this.clearFaults = clearFaults;
  }

  /** A mall whose clock stands at {@code time}. */
  public static SandboxMallFixture at(Instant time) {
    return new SandboxMallFixture(time, false);
  }

  /** Clears every fault set on the mall after each test. */
  public SandboxMallFixture clearingFaultsAfterEach() {
    return new SandboxMallFixture(time, true);
  }

  /** The running mall. */
  public SandboxMall mall() {
    if (mall == null) {
      throw new IllegalStateException("the sandbox mall runs from beforeAll to afterAll");
    }
    return mall;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    mall = SandboxMall.start();
    mall.setTime(time);
  }

  @Override
  public void afterEach(ExtensionContext context) {
    if (clearFaults && mall != null) {
      mall.faults().clearAll();
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (mall != null) {
      mall.close();
      mall = null;
    }
  }
}
