package com.mallrank.batch.runtime;

import com.mallrank.batch.config.ApplicationYaml;
import com.mallrank.batch.config.CrawlerProperties;
import com.mallrank.batch.demo.SandboxProperties;
import com.mallrank.batch.demo.SandboxRuntime;
import java.util.Map;

/** The crawler's configuration as application.yml has it, and the sandbox mall, for tests. */
public final class SandboxCrawler {

  private static final Map<String, String> FREE_PORT = Map.of("crawler.sandbox.port", "0");

  private SandboxCrawler() {}

  /** {@code crawler.*} with the defaults of application.yml, the sandbox mall on a free port. */
  public static CrawlerProperties properties() {
    return ApplicationYaml.bind("crawler", CrawlerProperties.class, FREE_PORT);
  }

  /** The demo wiring's sandbox mall on a free port, started on first use. */
  public static SandboxRuntime sandbox() {
    return new SandboxRuntime(
        ApplicationYaml.bind("crawler.sandbox", SandboxProperties.class, FREE_PORT));
  }
}
