package com.mallrank.batch.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.jul.JULHelper;
import ch.qos.logback.classic.jul.LevelChangePropagator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.AppenderBase;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.CoreConstants;
import com.mallrank.batch.config.PlainConfiguration;
import com.mallrank.batch.config.PlainConfiguration.NeedsSpring;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.function.Supplier;
import java.util.logging.LogManager;
import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * The console log of a command run without Spring, set up as Spring Boot sets it up for the others:
 * one console appender, on standard error ({@link ConsoleLogsToStderr}), with {@code
 * logging.pattern.console}, the console's charset, {@code logging.level.*}, and the JDK's own
 * logging bridged into it. The system properties Spring Boot's logging honours ({@code
 * CONSOLE_LOG_PATTERN}, {@code CONSOLE_LOG_CHARSET}) are honoured alike; structured logging or a
 * threshold is left to Spring.
 *
 * <p>What it costs a command that logs nothing is kept small: SLF4J starts with logback's context
 * unconfigured ({@link Provider}: logback's own start-up would search every jar for its files and
 * set up a console that is replaced at once), and the console appender, its pattern parsed, is made
 * on the first event ({@code FirstEventConsole}).
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
    if (!(loggerFactory() instanceof LoggerContext context)) {
      throw new NeedsSpring("not logback");
    }
    // the JDK's logging is bridged when it starts (most runs of these commands never start it), or
    // now when something may have started it or the user configures it with a class of their own
    boolean deferred = JdkLogging.defer(context);
    boolean bridged = !deferred && bridgeJdkLogging();
    context.stop();
    context.reset();
    if (bridged) {
      LevelChangePropagator levels = new LevelChangePropagator();
      levels.setContext(context);
      levels.setResetJUL(true);
      levels.start();
      context.addListener(levels);
    }
    Charset charset =
        Charset.forName(
            systemProperties.getOrDefault("CONSOLE_LOG_CHARSET", consoleCharset().name()));
    String pattern =
        systemProperties.getOrDefault("CONSOLE_LOG_PATTERN", configuration.consolePattern());
    FirstEventConsole console = new FirstEventConsole(() -> console(context, charset, pattern));
    console.setContext(context);
    console.setName("CONSOLE");
    console.start();
    ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    root.addAppender(console);
    root.setLevel(Level.INFO); // Spring Boot's, before logging.level.* applies
    configuration
        .levels()
        .forEach((name, level) -> context.getLogger(name).setLevel(Level.toLevel(level)));
  }

  /** The console appender on standard error, with this pattern. */
  private static ConsoleAppender<ILoggingEvent> console(
      LoggerContext context, Charset charset, String pattern) {
    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setContext(context);
    encoder.setCharset(charset);
    encoder.setPattern(pattern);
    encoder.start();
    ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
    console.setContext(context);
    console.setName("CONSOLE");
    console.setTarget("System.err");
    console.setEncoder(encoder);
    console.start();
    return console;
  }

  /**
   * The console appender, made on the first event: a command that logs nothing (most runs of these
   * commands) does not parse the pattern nor set up its converters (tens of classes).
   */
  private static final class FirstEventConsole extends AppenderBase<ILoggingEvent> {

    private final Supplier<ConsoleAppender<ILoggingEvent>> make;
    private ConsoleAppender<ILoggingEvent> console;

    FirstEventConsole(Supplier<ConsoleAppender<ILoggingEvent>> make) {
      this.make = make;
    }

    @Override
    protected void append(ILoggingEvent event) {
      // doAppend, which calls this, holds the appender's lock
      if (console == null) {
        console = make.get();
      }
      console.doAppend(event);
    }

    @Override
    public void stop() {
      if (console != null) {
        console.stop();
      }
      super.stop();
    }
  }

  /**
   * SLF4J's logger factory, started with {@link Provider}: the logback context without logback's
   * own configuration, which {@link #apply} then replaces. (Logback's looks for its files and its
   * configurators in every jar of the class path, then sets up a console of its own.) A provider
   * the user names ({@code -Dslf4j.provider}) is theirs; once SLF4J has started, it is the one it
   * started with.
   */
  private static ILoggerFactory loggerFactory() {
    if (System.getProperty(PROVIDER) != null) {
      return LoggerFactory.getILoggerFactory();
    }
    // SLF4J says "Attempting to load provider" for a provider named so, at its level INFO
    boolean quiet = System.getProperty(VERBOSITY) == null;
    System.setProperty(PROVIDER, Provider.class.getName());
    if (quiet) {
      System.setProperty(VERBOSITY, "WARN");
    }
    try {
      return LoggerFactory.getILoggerFactory();
    } finally {
      System.clearProperty(PROVIDER);
      if (quiet) {
        System.clearProperty(VERBOSITY);
      }
    }
  }

  private static final String PROVIDER = "slf4j.provider";

  private static final String VERBOSITY = "slf4j.internal.verbosity";

  /**
   * Logback as SLF4J's provider, its context not configured: what logback's own provider makes,
   * without its configuration search ({@link #loggerFactory}).
   */
  public static final class Provider implements SLF4JServiceProvider {

    private LoggerContext context;
    private LogbackMDCAdapter mdc;
    private IMarkerFactory markers;

    @Override
    public void initialize() {
      mdc = new LogbackMDCAdapter();
      markers = new BasicMarkerFactory();
      context = new LoggerContext();
      context.setName(CoreConstants.DEFAULT_CONTEXT_NAME);
      context.setMDCAdapter(mdc);
      context.start();
    }

    @Override
    public ILoggerFactory getLoggerFactory() {
      return context;
    }

    @Override
    public IMarkerFactory getMarkerFactory() {
      return markers;
    }

    @Override
    public MDCAdapter getMDCAdapter() {
      return mdc;
    }

    @Override
    public String getRequestedApiVersion() {
      return "2.0.99"; // as logback's provider
    }
  }

  /**
   * The JDK's logging configured, when it starts, as {@link #bridgeJdkLogging} and a {@link
   * LevelChangePropagator} would have left it at start-up: the JDK's own configuration file, its
   * console handler replaced by the bridge (Spring Boot's rule), and each level logback has at that
   * time given to the logger of that name. Starting it looks for the JDK's logger finders in every
   * jar of the class path (opening all of them): a command that never logs through it (a saved page
   * tested) does not pay that. Named by {@code java.util.logging.config.class}, which the JDK reads
   * when its logging starts.
   */
  public static final class JdkLogging {

    private static final String PROPERTY = "java.util.logging.config.class";

    private static volatile LoggerContext context;

    /**
     * Names this class as the JDK's logging configuration, unless the user names one or the JDK's
     * logging may have started already (then it is bridged now).
     */
    static boolean defer(LoggerContext logback) {
      if (System.getProperty(PROPERTY) != null || started()) {
        return false;
      }
      context = logback;
      System.setProperty(PROPERTY, JdkLogging.class.getName());
      return true;
    }

    /**
     * Whether the JDK's logging may have started (a JVM agent, a test framework): its {@code
     * LogManager} class is initialised, which the JDK tells only through {@code sun.misc.Unsafe}
     * (loading the class does not initialise it); when that cannot be asked, it may have.
     */
    private static boolean started() {
      try {
        Class<?> manager = Class.forName("java.util.logging.LogManager", false, null);
        java.lang.reflect.Field field = sun.misc.Unsafe.class.getDeclaredField("theUnsafe");
        field.setAccessible(true);
        @SuppressWarnings("removal")
        boolean uninitialised = ((sun.misc.Unsafe) field.get(null)).shouldBeInitialized(manager);
        return !uninitialised;
      } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
        // LinkageError: a JDK without Unsafe.shouldBeInitialized (removed in JDK 22)
        return true;
      }
    }

    /** The lean context takes over (it sets the JDK's logging up itself): this class is no more. */
    static void handOver() {
      if (JdkLogging.class.getName().equals(System.getProperty(PROPERTY))) {
        System.clearProperty(PROPERTY);
      }
      context = null;
    }

    /** Called by the JDK's {@code LogManager} when it starts, to read its configuration. */
    public JdkLogging() throws IOException {
      Properties properties = new Properties();
      String name = System.getProperty("java.util.logging.config.file");
      Path file =
          name != null
              ? Path.of(name)
              : Path.of(System.getProperty("java.home"), "conf", "logging.properties");
      try (InputStream in = Files.newInputStream(file)) {
        properties.load(in);
      }
      LoggerContext logback = context;
      if (logback != null && bridges(properties.getProperty("handlers"))) {
        properties.setProperty("handlers", SLF4JBridgeHandler.class.getName());
        for (ch.qos.logback.classic.Logger logger : logback.getLoggerList()) {
          if (logger.getLevel() != null) {
            String key =
                logger.getName().equals(org.slf4j.Logger.ROOT_LOGGER_NAME)
                    ? ".level"
                    : logger.getName() + ".level";
            properties.setProperty(key, JULHelper.asJULLevel(logger.getLevel()).getName());
          }
        }
      }
      java.io.ByteArrayOutputStream text = new java.io.ByteArrayOutputStream();
      properties.store(text, null);
      LogManager.getLogManager()
          .readConfiguration(new java.io.ByteArrayInputStream(text.toByteArray()));
    }

    /** {@link #bridgeJdkLogging}'s rule, on the handlers the configuration names. */
    private static boolean bridges(String handlers) {
      String[] names = handlers == null ? new String[0] : handlers.trim().split("[\\s,]+");
      if (names.length == 0 || (names.length == 1 && names[0].isEmpty())) {
        return true;
      }
      if (names.length > 1) {
        return false;
      }
      try {
        Class<?> handler = ClassLoader.getSystemClassLoader().loadClass(names[0]);
        return java.util.logging.ConsoleHandler.class.isAssignableFrom(handler)
            || SLF4JBridgeHandler.class.isAssignableFrom(handler);
      } catch (ClassNotFoundException e) {
        return false; // the JDK reports it, as without this class
      }
    }
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
