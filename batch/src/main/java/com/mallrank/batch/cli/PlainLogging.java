package com.mallrank.batch.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.jul.LevelChangePropagator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import com.mallrank.batch.config.PlainConfiguration;
import com.mallrank.batch.config.PlainConfiguration.NeedsSpring;
import java.io.Console;
import java.nio.charset.Charset;
import java.util.Map;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * The console log of a command run without Spring, set up as Spring Boot sets it up for the others:
 * one console appender, on standard error ({@link ConsoleLogsToStderr}), with {@code
 * logging.pattern.console}, the console's charset, {@code logging.level.*}, and the JDK's own
 * logging bridged into it. The system properties Spring Boot's logging honours ({@code
 * CONSOLE_LOG_PATTERN}, {@code CONSOLE_LOG_CHARSET}) are honoured alike; structured logging or a
 * threshold is left to Spring.
 */
final class PlainLogging {

  private PlainLogging() {}

  /**
   * Sets the console log up.
   *
   * @throws NeedsSpring when the logging is not logback's or asks for more than this
   */
  static void apply(PlainConfiguration configuration, Map<String, String> systemProperties)
      throws NeedsSpring {
    String structured = systemProperties.get("CONSOLE_LOG_STRUCTURED_FORMAT");
    String threshold = systemProperties.get("CONSOLE_LOG_THRESHOLD");
    if ((structured != null && !structured.isEmpty())
        || (threshold != null && !threshold.equalsIgnoreCase("TRACE"))) {
      throw new NeedsSpring("structured logging or a console threshold");
    }
    if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
      throw new NeedsSpring("not logback");
    }
    boolean bridged = bridgeJdkLogging();
    context.stop();
    context.reset();
    if (bridged) {
      LevelChangePropagator levels = new LevelChangePropagator();
      levels.setContext(context);
      levels.setResetJUL(true);
      levels.start();
      context.addListener(levels);
    }
    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setContext(context);
    encoder.setCharset(
        Charset.forName(
            systemProperties.getOrDefault("CONSOLE_LOG_CHARSET", consoleCharset().name())));
    encoder.setPattern(
        systemProperties.getOrDefault("CONSOLE_LOG_PATTERN", configuration.consolePattern()));
    encoder.start();
    ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
    console.setContext(context);
    console.setName("CONSOLE");
    console.setTarget("System.err");
    console.setEncoder(encoder);
    console.start();
    ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    root.addAppender(console);
    root.setLevel(Level.INFO); // Spring Boot's, before logging.level.* applies
    configuration
        .levels()
        .forEach((name, level) -> context.getLogger(name).setLevel(Level.toLevel(level)));
  }

  /** Spring Boot's rule: the JDK's logging goes to logback unless it has handlers of its own. */
  private static boolean bridgeJdkLogging() {
    java.util.logging.Logger root = java.util.logging.LogManager.getLogManager().getLogger("");
    java.util.logging.Handler[] handlers = root.getHandlers();
    if (handlers.length > 1
        || (handlers.length == 1
            && !(handlers[0] instanceof java.util.logging.ConsoleHandler)
            && !(handlers[0] instanceof SLF4JBridgeHandler))) {
      return false;
    }
    for (java.util.logging.Handler handler : handlers) {
      root.removeHandler(handler);
    }
    SLF4JBridgeHandler.install();
    return true;
  }

  private static Charset consoleCharset() {
    Console console = System.console();
    return console != null ? console.charset() : Charset.defaultCharset();
  }
}
