package com.mallrank.batch.demo;

import com.mallrank.batch.runtime.DefaultTarget;
import com.mallrank.batch.runtime.Target;
import com.mallrank.crawler.sampler.SamplerSettings;
import com.mallrank.crawler.sandbox.SandboxClock;
import com.mallrank.crawler.sandbox.SandboxMall;
import com.mallrank.crawler.sandbox.SandboxWorld;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The in-process sandbox mall, started on first use (so {@code mallrank --help} starts nothing) and
 * stopped with the application, and the {@link Target} it is sampled as when {@code
 * crawler.base-url} is blank: no delays, its loopback address allowed, its simulated image CDN
 * answered by the mall, a vantage without a login state known by the mall's identity cookie, a QR
 * login completed by opening its link as the account.
 */
@Component
public class SandboxRuntime implements DefaultTarget, DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(SandboxRuntime.class);

  private final SandboxProperties properties;
  private SandboxMall mall;

  public SandboxRuntime(SandboxProperties properties) {
    this.properties = properties;
  }

  /** The running sandbox mall, started now if needed. */
  public synchronized SandboxMall mall() {
    if (mall == null) {
      if (!properties.enabled()) {
        throw new IllegalStateException(
            "the sandbox mall is disabled (crawler.sandbox.enabled=false) and crawler.base-url is"
                + " blank: set crawler.base-url to the site to sample");
      }
      mall = SandboxMall.start(SandboxWorld.create(), new SandboxClock(), properties.port());
      log.info("sandbox mall serving at {}", mall.baseUrl());
      if (properties.redesignSlot() != null) {
        mall.faults().redesignAt(properties.redesignSlot());
        log.info("sandbox mall redesigns its page from {}", properties.redesignSlot());
      }
    }
    return mall;
  }

  /** The running mall's base URL. */
  public String baseUrl() {
    return mall().baseUrl();
  }

  @Override
  public Target target() {
    return new Target(
        "sandbox mall",
        mall().baseUrl(),
        SamplerSettings.UNTHROTTLED,
        true,
        List.of(SandboxMall.IMAGE_HOSTS),
        SandboxMall.IDENTITY_COOKIE,
        SandboxMall::scanAs);
  }

  @Override
  public synchronized void destroy() {
    if (mall != null) {
      mall.close();
      mall = null;
    }
  }
}
