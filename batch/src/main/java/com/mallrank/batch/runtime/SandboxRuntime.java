package com.mallrank.batch.runtime;

import com.mallrank.batch.config.CrawlerProperties;
import com.mallrank.crawler.sandbox.SandboxClock;
import com.mallrank.crawler.sandbox.SandboxMall;
import com.mallrank.crawler.sandbox.SandboxWorld;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The in-process sandbox mall, started on first use (so {@code mallrank --help} starts nothing) and
 * stopped with the application.
 */
@Component
public class SandboxRuntime implements DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(SandboxRuntime.class);

  private final CrawlerProperties properties;
  private SandboxMall mall;

  public SandboxRuntime(CrawlerProperties properties) {
    this.properties = properties;
  }

  /** The running sandbox mall, started now if needed. */
  public synchronized SandboxMall mall() {
    if (mall == null) {
      if (!properties.sandbox().enabled()) {
        throw new IllegalStateException(
            "the sandbox mall is disabled (crawler.sandbox.enabled=false) and crawler.base-url is"
                + " blank: set crawler.base-url to the site to sample");
      }
      mall =
          SandboxMall.start(SandboxWorld.create(), new SandboxClock(), properties.sandbox().port());
      log.info("sandbox mall serving at {}", mall.baseUrl());
      if (properties.sandbox().redesignSlot() != null) {
        mall.faults().redesignAt(properties.sandbox().redesignSlot());
        log.info("sandbox mall redesigns its page from {}", properties.sandbox().redesignSlot());
      }
    }
    return mall;
  }

  /** Whether {@code {base}} is the in-process sandbox (no {@code crawler.base-url} is set). */
  public boolean usesSandbox() {
    String configured = properties.baseUrl();
    return configured == null || configured.isBlank();
  }

  /**
   * The value of {@code {base}} in profile URL templates: the configured base URL or the sandbox.
   */
  public String baseUrl() {
    return usesSandbox() ? mall().baseUrl() : properties.baseUrl();
  }

  @Override
  public synchronized void destroy() {
    if (mall != null) {
      mall.close();
      mall = null;
    }
  }
}
