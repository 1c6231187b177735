package com.mallrank.batch.config;

import java.util.Map;
import java.util.function.Predicate;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;

/**
 * Refuses configuration keys that were removed, at start-up, with one line naming the key and its
 * replacement: a removed key set by a user would otherwise be ignored without a word (Spring binds
 * unknown keys to nothing), and the user would believe it is in effect. It runs once the
 * environment is complete (every file, the command line, the environment) and just after logging is
 * set up from it, so the failure is the application's one line, not Spring's stack trace.
 */
public class RemovedKeys
    implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

  /** A removed key and what to set instead. */
  static final Map<String, String> REMOVED =
      Map.of(
          "batch.browser-executable",
          "crawler.browser.executable (the one Chromium key: it runs the browser fetcher and is"
              + " the one /actuator/health checks)",
          "batch.write-retries",
          "index.bulk-retry (the one retry of a slot's writes: how long a bulk, and the look-up"
              + " and deletion of a rewritten sample's stale listings, are retried while the"
              + " cluster heals)");

  /** Thrown at start-up when a removed key is set. */
  public static final class RemovedKeyException extends IllegalStateException {
    RemovedKeyException(String key, String replacement) {
      super("configuration key " + key + " was removed: set " + replacement + " instead");
    }
  }

  @Override
  public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
    check(event.getEnvironment()::containsProperty);
  }

  @Override
  public int getOrder() {
    return LoggingApplicationListener.DEFAULT_ORDER + 1;
  }

  /**
   * Fails on the first removed key that is set.
   *
   * @param isSet whether a key is set in any source (files, command line, environment)
   * @throws RemovedKeyException naming the key and its replacement
   */
  public static void check(Predicate<String> isSet) {
    REMOVED.forEach(
        (key, replacement) -> {
          if (isSet.test(key)) {
            throw new RemovedKeyException(key, replacement);
          }
        });
  }
}
