package com.mallrank.batch.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.net.URL;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.util.unit.DataSize;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.reader.UnicodeReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * The configuration of a command that runs without a Spring context ({@code profile test}, {@code
 * plan validate}, {@code evidence list|show}): the {@code crawler.*} and {@code batch.*} records
 * and the console log levels, read from the sources Spring Boot reads, in its order, and bound the
 * way its relaxed binding binds them:
 *
 * <ol>
 *   <li>{@code --key=value} arguments (a path-valued key resolved against the caller's directory,
 *       {@link com.mallrank.batch.cli.CallerPaths#commandLineValue});
 *   <li>Java system properties ({@code -Dkey=value});
 *   <li>environment variables ({@code CRAWLER_PROFILESDIR} or {@code CRAWLER_PROFILES_DIR});
 *   <li>{@code ./config/application.yml}, then {@code ./application.yml} (the working directory,
 *       which the launcher makes the checkout);
 *   <li>the packaged {@code application.yml}: every default ({@link ApplicationYaml}).
 * </ol>
 *
 * <p>Keys match in any of Spring's relaxed forms ({@code profiles-dir}, {@code profilesDir}, {@code
 * profiles_dir}); values convert as Spring converts them ({@code 20s}, {@code 8MB}, a path). This
 * reader is honest rather than complete: whatever it cannot read exactly as Spring Boot would is
 * {@link NeedsSpring} (a {@code .properties} file, a profile, {@code spring.config.*}, a {@code
 * ${placeholder}}, a value it does not convert, one a record refuses, a logging setting other than
 * {@code logging.level.*}, ...), and the command then starts the lean Spring context, which reads
 * it, and names the key of a bad value, as always. {@code PlainConfigurationTest} checks it against
 * Spring's binding of the same inputs. It holds no default of its own.
 */
public final class PlainConfiguration {

  /** What a command line's configuration is read from. */
  public record Inputs(
      List<String> args,
      Map<String, String> environment,
      Map<String, String> systemProperties,
      Path workingDirectory,
      ClassLoader classLoader) {

    /** This process's: its arguments, environment, system properties and working directory. */
    public static Inputs of(String... args) {
      Properties properties = System.getProperties();
      Map<String, String> system = new HashMap<>();
      for (String name : properties.stringPropertyNames()) {
        system.put(name, properties.getProperty(name));
      }
      ClassLoader loader = Thread.currentThread().getContextClassLoader();
      return new Inputs(
          List.of(args),
          System.getenv(),
          system,
          Path.of("").toAbsolutePath(),
          loader == null ? PlainConfiguration.class.getClassLoader() : loader);
    }
  }

  /** The configuration uses something this reader does not read as Spring Boot would. */
  public static final class NeedsSpring extends Exception {
    public NeedsSpring(String reason) {
      super(reason, null, false, false);
    }
  }

  /** Where a command-line value of a key comes from (see {@code CommandLineEnvironment}). */
  @FunctionalInterface
  public interface CommandLineValues {
    /** The value Spring sees for {@code key} given as {@code --key=value}. */
    String value(String key, String value);
  }

  /** The console log pattern, from the packaged {@code application.yml} only. */
  private static final String PATTERN_KEY = "logging.pattern.console";

  private static final Pattern URL_SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:");

  /** A key as this reader reads it (Spring strips other characters, or reads brackets). */
  private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._-]+");

  private static final Pattern ENVIRONMENT_NAME = Pattern.compile("[A-Z0-9_]+");

  /** Spring Boot's names of the logging configuration files it would use instead of its own. */
  private static final List<String> LOGGING_FILES =
      List.of(
          "logback-test.groovy",
          "logback-test.xml",
          "logback.groovy",
          "logback.xml",
          "logback-test-spring.groovy",
          "logback-test-spring.xml",
          "logback-spring.groovy",
          "logback-spring.xml");

  /** Spring Boot's configuration file names (no profile active: "default") and extensions. */
  private static final List<String> CONFIG_NAMES = List.of("application", "application-default");

  private static final List<String> CONFIG_EXTENSIONS = List.of("properties", "xml", "yml", "yaml");

  /** The log levels Spring Boot knows, as logback names them ({@code FATAL} is logback's ERROR). */
  private static final Map<String, String> LEVELS =
      Map.of(
          "trace", "TRACE",
          "debug", "DEBUG",
          "info", "INFO",
          "warn", "WARN",
          "error", "ERROR",
          "fatal", "ERROR",
          "off", "OFF");

  /** The configuration records these commands use, by prefix. */
  private static final Map<String, Class<? extends Record>> RECORDS =
      Map.of("crawler", CrawlerProperties.class, "batch", BatchProperties.class);

  private final Map<String, Object> bound;
  private final Map<String, String> levels;
  private final String consolePattern;

  private PlainConfiguration(
      Map<String, Object> bound, Map<String, String> levels, String consolePattern) {
    this.bound = bound;
    this.levels = levels;
    this.consolePattern = consolePattern;
  }

  /** {@code crawler.*}. */
  public CrawlerProperties crawler() {
    return record("crawler", CrawlerProperties.class);
  }

  /**
   * {@code batch.*}: made on first use, when {@code batch.zone} is a region of the JDK's time-zone
   * database ({@link PendingZone}).
   */
  public BatchProperties batch() {
    return record("batch", BatchProperties.class);
  }

  private synchronized <T extends Record> T record(String key, Class<T> type) {
    Object value = bound.get(key);
    if (value instanceof Pending pending) {
      try {
        value = pending.make(false);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("cannot create " + type.getName(), e);
      }
      bound.put(key, value);
    }
    return type.cast(value);
  }

  /**
   * {@code logging.level.*}: logger name ({@code ROOT} for the root) to logback level, the highest
   * source's level of each name.
   */
  public Map<String, String> levels() {
    return levels;
  }

  /** {@code logging.pattern.console}. */
  public String consolePattern() {
    return consolePattern;
  }

  /**
   * Reads the configuration.
   *
   * @param commandLine what Spring sees for each {@code --key=value} (paths resolved)
   * @throws NeedsSpring when anything in it is beyond this reader (naming what)
   */
  public static PlainConfiguration read(Inputs inputs, CommandLineValues commandLine)
      throws NeedsSpring {
    List<Source> sources = new ArrayList<>();
    sources.add(arguments(inputs.args(), commandLine));
    sources.add(systemProperties(inputs.systemProperties()));
    sources.add(environment(inputs.environment()));
    sources.addAll(files(inputs));
    Source packaged = packaged(inputs.classLoader());
    sources.add(packaged);
    noLoggingFile(inputs.classLoader());

    Map<String, Object> bound = new LinkedHashMap<>();
    for (Map.Entry<String, Class<? extends Record>> root : RECORDS.entrySet()) {
      bound.put(root.getKey(), bind(root.getKey(), root.getValue(), sources, inputs.classLoader()));
    }
    Object pattern = packaged.values().get(PATTERN_KEY);
    if (!(pattern instanceof String text) || text.isBlank()) {
      throw new NeedsSpring("no " + PATTERN_KEY + " in the packaged application.yml");
    }
    return new PlainConfiguration(bound, levels(sources), text);
  }

  // --- the sources --------------------------------------------------------------------------

  /**
   * One source: its values by key in uniform form (lower case, letters and digits, dot-separated),
   * and the logger names below {@code logging.level} as Spring keys its map (see {@link #levels}).
   */
  private record Source(String name, Map<String, Object> values, Map<String, Object> loggers) {}

  private static Source arguments(List<String> args, CommandLineValues commandLine)
      throws NeedsSpring {
    Map<String, String> options = new LinkedHashMap<>();
    for (String arg : args) {
      if (arg.equals("--")) {
        break; // what follows is no option, for Spring as for picocli
      }
      if (!arg.startsWith("--")) {
        continue;
      }
      int equals = arg.indexOf('=');
      String name = equals < 0 ? arg.substring(2) : arg.substring(2, equals);
      String value = equals < 0 ? "" : arg.substring(equals + 1);
      if (name.isEmpty()) {
        throw new NeedsSpring("argument " + arg); // Spring refuses it, with its message
      }
      if (options.put(name, value) != null && relevant(uniform(name))) {
        throw new NeedsSpring("--" + name + " given twice"); // Spring joins them with commas
      }
    }
    Map<String, String> seen = new LinkedHashMap<>();
    for (Map.Entry<String, String> option : options.entrySet()) {
      String key = option.getKey();
      if (key.equals("debug")) {
        continue; // mallrank's --debug: Spring's debug is turned off (CommandLineEnvironment)
      }
      seen.put(key, commandLine.value(key, option.getValue()));
    }
    return source("the command line", seen, true);
  }

  private static Source systemProperties(Map<String, String> properties) throws NeedsSpring {
    if (properties.containsKey("org.springframework.boot.logging.LoggingSystem")) {
      throw new NeedsSpring("system property org.springframework.boot.logging.LoggingSystem");
    }
    return source("the system properties", properties, true);
  }

  /**
   * @param user a source the user writes: a key beyond this reader is left to Spring (the packaged
   *     file sets some of those, e.g. {@code spring.main.*}, for every start alike)
   */
  private static Source source(String name, Map<String, ?> properties, boolean user)
      throws NeedsSpring {
    Map<String, Object> values = new HashMap<>();
    Map<String, Object> loggers = new LinkedHashMap<>();
    for (Map.Entry<String, ?> property : properties.entrySet()) {
      String key = property.getKey();
      String uniform = uniform(key);
      if (!relevant(uniform)) {
        continue;
      }
      if (!KEY.matcher(key).matches()) {
        throw new NeedsSpring(key + " in " + name + ": a key form this reader does not read");
      }
      if (user && beyondThisReader(uniform)) {
        throw new NeedsSpring(key + " in " + name);
      }
      Object value = property.getValue();
      if (uniform.startsWith("logging.level.")) {
        // the map's key keeps its form: Spring sets the level of the logger of that name
        String logger = key.substring(nthDot(key, 2) + 1);
        if (loggers.put(logger, value) != null) {
          throw new NeedsSpring(key + " twice in " + name);
        }
        continue;
      }
      if (values.put(uniform, value) != null) {
        throw new NeedsSpring(key + " in two spellings in " + name);
      }
    }
    return new Source(name, values, loggers);
  }

  /**
   * The environment: {@code CRAWLER_PROFILESDIR} and the legacy {@code CRAWLER_PROFILES_DIR} name
   * {@code crawler.profiles-dir}; {@code LOGGING_LEVEL_COM_MALLRANK} the logger {@code
   * com.mallrank}. Variables of these prefixes in lower or mixed case are left to Spring.
   */
  private static Source environment(Map<String, String> environment) throws NeedsSpring {
    Map<String, Object> values = new HashMap<>();
    Map<String, Object> loggers = new LinkedHashMap<>();
    Map<String, String> leafNames = environmentNames();
    for (Map.Entry<String, String> variable : environment.entrySet()) {
      String name = variable.getKey();
      String uniform = uniform(name.replace('_', '.'));
      if (!relevant(uniform)) {
        continue;
      }
      if (!ENVIRONMENT_NAME.matcher(name).matches()) {
        throw new NeedsSpring("environment variable " + name + ": not upper case");
      }
      if (uniform.startsWith("logging.level.")) {
        String logger = name.substring("LOGGING_LEVEL_".length()).toLowerCase(Locale.ROOT);
        if (logger.isEmpty() || logger.startsWith("_") || logger.endsWith("_")) {
          throw new NeedsSpring("environment variable " + name);
        }
        for (String element : logger.split("_")) {
          if (element.isEmpty() || element.chars().allMatch(Character::isDigit)) {
            throw new NeedsSpring("environment variable " + name + ": an index or empty element");
          }
        }
        loggers.put(logger.replace('_', '.'), variable.getValue());
        continue;
      }
      String key = leafNames.get(name);
      if (key == null) {
        // a prefix of keys (CRAWLER_POLITENESS), a removed key, spring.config, debug, ...:
        // whatever it would do, Spring does it
        if (beyondThisReader(uniform) || isPrefixOfALeaf(uniform)) {
          throw new NeedsSpring("environment variable " + name);
        }
        continue; // no key of these records: Spring ignores it too
      }
      if (values.put(key, variable.getValue()) != null) {
        throw new NeedsSpring("environment variable " + name + ": its key set twice");
      }
    }
    return new Source("the environment", values, loggers);
  }

  /** Environment names of every leaf key, to its uniform key. */
  private static Map<String, String> environmentNames() {
    Map<String, String> names = new HashMap<>();
    for (Map.Entry<String, String> leaf : LEAVES.entrySet()) {
      String uniform = leaf.getKey();
      String dashed = leaf.getValue();
      names.put(uniform.replace('.', '_').toUpperCase(Locale.ROOT), uniform);
      names.put(dashed.replace('.', '_').replace('-', '_').toUpperCase(Locale.ROOT), uniform);
    }
    return names;
  }

  /**
   * {@code ./config/application.yml} and {@code ./application.yml}; any other file Spring Boot
   * would read ({@code .properties}, {@code application-default.*}, {@code ./config/<dir>/}, {@code
   * classpath:config/}, two files in one place) is left to Spring.
   */
  private static List<Source> files(Inputs inputs) throws NeedsSpring {
    Path dir = inputs.workingDirectory();
    Path config = dir.resolve("config");
    if (Files.isDirectory(config)) {
      try (DirectoryStream<Path> subfolders =
          Files.newDirectoryStream(config, Files::isDirectory)) {
        for (Path subfolder : subfolders) {
          if (!present(subfolder).isEmpty()) {
            throw new NeedsSpring("configuration file in " + subfolder);
          }
        }
      } catch (IOException e) {
        throw new NeedsSpring("cannot list " + config + ": " + e.getMessage());
      }
    }
    List<Source> sources = new ArrayList<>();
    for (Path folder : List.of(config, dir)) {
      List<Path> files = present(folder);
      if (files.size() > 1 || (files.size() == 1 && !isYaml(files.get(0).getFileName() + ""))) {
        throw new NeedsSpring("configuration files " + files);
      }
      for (Path file : files) {
        try (Reader reader = new UnicodeReader(Files.newInputStream(file))) {
          sources.add(yaml(file.toString(), reader, true));
        } catch (IOException | RuntimeException e) {
          throw new NeedsSpring("cannot read " + file + ": " + e.getMessage());
        }
      }
    }
    for (String name : CONFIG_NAMES) {
      for (String extension : CONFIG_EXTENSIONS) {
        String file = name + "." + extension;
        boolean packaged = file.equals(ApplicationYaml.RESOURCE);
        if (ClassPathRoots.onClassPath(inputs.classLoader(), "config/" + file)
            || (!packaged && ClassPathRoots.onClassPath(inputs.classLoader(), file))) {
          throw new NeedsSpring("configuration file on the class path: " + file);
        }
      }
    }
    return sources;
  }

  private static List<Path> present(Path folder) {
    List<Path> files = new ArrayList<>();
    for (String name : CONFIG_NAMES) {
      for (String extension : CONFIG_EXTENSIONS) {
        Path file = folder.resolve(name + "." + extension);
        if (Files.exists(file)) {
          files.add(file);
        }
      }
    }
    return files;
  }

  private static boolean isYaml(String fileName) {
    return fileName.equals("application.yml") || fileName.equals("application.yaml");
  }

  /**
   * The packaged {@code application.yml}: its values as the build wrote them ({@link
   * PackagedDefaults}) when they are of these very bytes, else read here.
   */
  private static Source packaged(ClassLoader loader) throws NeedsSpring {
    URL resource = loader.getResource(ApplicationYaml.RESOURCE);
    if (resource == null) {
      throw new NeedsSpring("no packaged " + ApplicationYaml.RESOURCE);
    }
    String name = "classpath:" + ApplicationYaml.RESOURCE;
    try {
      byte[] yaml;
      try (InputStream in = resource.openStream()) {
        yaml = in.readAllBytes();
      }
      Map<String, Object> values = PackagedDefaults.read(loader, yaml);
      if (values == null) {
        values = flatYaml(name, yaml);
      }
      return source(name, values, false);
    } catch (IOException | RuntimeException e) {
      throw new NeedsSpring("cannot read " + resource + ": " + e.getMessage());
    }
  }

  private static void noLoggingFile(ClassLoader loader) throws NeedsSpring {
    for (String file : LOGGING_FILES) {
      if (ClassPathRoots.onClassPath(loader, file)) {
        throw new NeedsSpring("logging configuration on the class path: " + file);
      }
    }
  }

  /**
   * One YAML file as Spring Boot reads it: SnakeYAML with Spring's settings (no duplicate keys,
   * timestamps left as text), nested keys joined with dots, {@code null} as {@code ""}. Several
   * documents, lists and keys that are not text are left to Spring.
   */
  private static Source yaml(String name, Reader reader, boolean user) throws NeedsSpring {
    return source(name, flatYaml(name, reader), user);
  }

  /** One YAML file's values by their dotted keys, as {@link #yaml} reads it. */
  static Map<String, Object> flatYaml(String name, byte[] yaml) throws NeedsSpring {
    return flatYaml(name, new UnicodeReader(new java.io.ByteArrayInputStream(yaml)));
  }

  private static Map<String, Object> flatYaml(String name, Reader reader) throws NeedsSpring {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    // what Yaml.loadAll does, without the dumping half it would set up too
    SafeConstructor constructor = new SafeConstructor(options);
    constructor.setComposer(
        new Composer(
            new ParserImpl(new StreamReader(reader), options), new NoTimestamps(), options));
    List<Object> documents = new ArrayList<>();
    while (constructor.checkData()) {
      Object document = constructor.getData();
      if (document != null) {
        documents.add(document);
      }
    }
    if (documents.size() > 1) {
      throw new NeedsSpring(name + ": several YAML documents");
    }
    Map<String, Object> flat = new LinkedHashMap<>();
    if (documents.size() == 1) {
      if (!(documents.get(0) instanceof Map<?, ?> map)) {
        throw new NeedsSpring(name + ": not a YAML mapping");
      }
      flatten("", map, flat, name);
    }
    return flat;
  }

  private static void flatten(String path, Map<?, ?> map, Map<String, Object> flat, String file)
      throws NeedsSpring {
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      if (!(entry.getKey() instanceof String name)) {
        if (relevant(uniform(path))) {
          throw new NeedsSpring(file + ": key " + entry.getKey() + " under " + path);
        }
        continue;
      }
      String key = path.isEmpty() ? name : path + "." + name;
      Object value = entry.getValue();
      if (value instanceof Map<?, ?> child && !child.isEmpty()) {
        flatten(key, child, flat, file);
      } else if (value instanceof Collection<?> || value instanceof Map<?, ?>) {
        if (relevant(uniform(key))) {
          throw new NeedsSpring(file + ": " + key + " is a list or an empty mapping");
        }
      } else {
        flat.put(key, value == null ? "" : value);
      }
    }
  }

  /** Spring Boot's YAML resolver: a date stays the text it is. */
  private static final class NoTimestamps extends Resolver {
    @Override
    public void addImplicitResolver(Tag tag, Pattern regexp, String first, int limit) {
      if (tag != Tag.TIMESTAMP) {
        super.addImplicitResolver(tag, regexp, first, limit);
      }
    }
  }

  // --- which keys -------------------------------------------------------------------------

  /** Keys whose value this reader takes or refuses; all others are no concern of these commands. */
  private static boolean relevant(String uniform) {
    return under(uniform, "crawler")
        || under(uniform, "batch")
        || under(uniform, "logging")
        || beyondThisReader(uniform);
  }

  /**
   * Keys that change how Spring reads the configuration or sets up logging, or that it refuses:
   * left to Spring whenever set.
   */
  private static boolean beyondThisReader(String uniform) {
    return under(uniform, "spring.config")
        || under(uniform, "spring.profiles")
        || under(uniform, "spring.main")
        || under(uniform, "spring.application.json")
        || uniform.equals("debug")
        || uniform.equals("trace")
        || uniform.equals("mallrank.cli.enabled")
        || RemovedKeys.REMOVED.keySet().stream().anyMatch(key -> uniform.equals(uniform(key)))
        || (under(uniform, "logging") && !uniform.startsWith("logging.level."));
  }

  private static boolean under(String uniform, String prefix) {
    return uniform.equals(prefix) || uniform.startsWith(prefix + ".");
  }

  /**
   * A key in uniform form, as Spring compares names: elements split at dots, lower case, only
   * letters and digits.
   */
  static String uniform(String key) {
    StringBuilder out = new StringBuilder(key.length());
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if (c == '.') {
        out.append('.');
      } else if (Character.isLetterOrDigit(c) && c < 128) {
        out.append(Character.toLowerCase(c));
      }
    }
    return out.toString();
  }

  private static int nthDot(String key, int n) {
    int at = -1;
    for (int i = 0; i < n; i++) {
      at = key.indexOf('.', at + 1);
    }
    return at;
  }

  /** Every leaf key of the records: uniform form to dashed form ({@code crawler.max-page-size}). */
  private static final Map<String, String> LEAVES = leaves();

  private static Map<String, String> leaves() {
    Map<String, String> leaves = new LinkedHashMap<>();
    RECORDS.forEach((prefix, type) -> collect(prefix, prefix, type, leaves));
    return leaves;
  }

  private static void collect(
      String uniform, String dashed, Class<?> type, Map<String, String> leaves) {
    for (RecordComponent component : type.getRecordComponents()) {
      String name = component.getName();
      String childUniform = uniform + "." + name.toLowerCase(Locale.ROOT);
      String childDashed =
          dashed + "." + name.replaceAll("([A-Z])", "-$1").toLowerCase(Locale.ROOT);
      if (isNested(component.getType())) {
        collect(childUniform, childDashed, component.getType(), leaves);
      } else {
        leaves.put(childUniform, childDashed);
      }
    }
  }

  private static boolean isPrefixOfALeaf(String uniform) {
    return LEAVES.keySet().stream().anyMatch(leaf -> leaf.startsWith(uniform + "."));
  }

  private static boolean isNested(Class<?> type) {
    return type.isRecord() && type.getPackageName().startsWith("com.mallrank");
  }

  // --- binding ------------------------------------------------------------------------------

  /** The record, or a {@link Pending} one when a value of it is a {@link PendingZone}. */
  private static Object bind(String key, Class<?> type, List<Source> sources, ClassLoader loader)
      throws NeedsSpring {
    for (Source source : sources) {
      if (source.values().containsKey(key)) {
        // a value where Spring expects the keys of a record: its conversion is Spring's to make
        throw new NeedsSpring(key + " set to a value in " + source.name());
      }
    }
    RecordComponent[] components = type.getRecordComponents();
    Object[] values = new Object[components.length];
    Class<?>[] types = new Class<?>[components.length];
    for (int i = 0; i < components.length; i++) {
      RecordComponent component = components[i];
      String child = key + "." + component.getName().toLowerCase(Locale.ROOT);
      types[i] = component.getType();
      values[i] =
          isNested(types[i])
              ? bind(child, types[i], sources, loader)
              : value(child, types[i], sources, loader);
    }
    for (Source source : sources) {
      for (String set : source.values().keySet()) {
        if (set.startsWith(key + ".") && !set.substring(key.length() + 1).contains(".")) {
          continue; // a component of this record, or a key it does not have (ignored by Spring)
        }
        if (set.startsWith(key + ".") && isBelowALeaf(set, key, components)) {
          throw new NeedsSpring(set + " in " + source.name() + ": a key below a value");
        }
      }
    }
    try {
      Pending pending = new Pending(type.getDeclaredConstructor(types), values);
      // made now, a pending zone as UTC: the record's own checks refuse a value now
      Record made = pending.make(true);
      return Arrays.stream(values).anyMatch(v -> v instanceof Pending || v instanceof PendingZone)
          ? pending
          : made;
    } catch (InvocationTargetException e) {
      // the record refuses the value (crawler.max-redirects must be 0..20): Spring says it with
      // the key and where it was set
      throw new NeedsSpring(key + ": " + e.getCause().getMessage());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot create " + type.getName(), e);
    }
  }

  private static boolean isBelowALeaf(String set, String key, RecordComponent[] components) {
    String first = set.substring(key.length() + 1).split("\\.", 2)[0];
    for (RecordComponent component : components) {
      if (component.getName().toLowerCase(Locale.ROOT).equals(first)) {
        return !isNested(component.getType());
      }
    }
    return false;
  }

  private static Object value(String key, Class<?> type, List<Source> sources, ClassLoader loader)
      throws NeedsSpring {
    for (Source source : sources) {
      if (source.values().containsKey(key)) {
        Object raw = source.values().get(key);
        try {
          return convert(raw, type, loader);
        } catch (NeedsSpring | RuntimeException e) {
          throw new NeedsSpring(key + " in " + source.name() + ": " + e.getMessage());
        }
      }
    }
    throw new NeedsSpring(key + ": no value, not even in the packaged application.yml");
  }

  /**
   * A value converted as Spring converts it, where this reader is sure to agree: anything else
   * (blanks, {@code yes}, {@code 0x10}, {@code 1.5} milliseconds, a number for a zone) is Spring's.
   */
  static Object convert(Object raw, Class<?> type, ClassLoader loader) throws NeedsSpring {
    String text = raw.toString();
    if (text.contains("${")) {
      throw new NeedsSpring("a placeholder");
    }
    if (type == String.class) {
      return text;
    }
    if (text.isBlank()) {
      throw new NeedsSpring("blank");
    }
    if (type == Path.class) {
      return path(text, loader);
    }
    if (text.chars().anyMatch(Character::isWhitespace)) {
      throw new NeedsSpring("blanks in '" + text + "'");
    }
    boolean number = raw instanceof Integer || raw instanceof Long;
    boolean string = raw instanceof String;
    if (type == boolean.class && raw instanceof Boolean b) {
      return b;
    }
    if (type == boolean.class
        && string
        && (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false"))) {
      return Boolean.parseBoolean(text);
    }
    if (type == int.class && (string || raw instanceof Integer)) {
      return Integer.parseInt(text);
    }
    if (type == double.class && (string || number || raw instanceof Double)) {
      return Double.valueOf(text);
    }
    if (type == Duration.class && (string || number)) {
      return DurationStyle.detectAndParse(text);
    }
    if (type == DataSize.class && (string || number)) {
      return DataSize.parse(text);
    }
    if (type == ZoneId.class && string) {
      return PendingZone.isTzdbRegion(text, loader) ? new PendingZone(text) : ZoneId.of(text);
    }
    throw new NeedsSpring("a " + raw.getClass().getSimpleName() + " for a " + type.getName());
  }

  /**
   * A zone that is a region of the JDK's own time-zone database ({@code Asia/Shanghai}), made a
   * {@code ZoneId} on first use: {@code ZoneId.of} of a region first loads the zone-rules
   * providers, and looking for those opens every jar of the class path (as {@link ClassPathRoots}
   * avoids for resources), which a command that never uses the zone ({@code profile test --page})
   * need not pay. Any other zone text is {@code ZoneId.of}'s to convert, now.
   */
  record PendingZone(String id) {

    /**
     * Whether {@code ZoneId.of(id)} is certain to give that region: a region id ({@code Area/City})
     * that {@code java.util.TimeZone} knows (it reads the same database without the providers), and
     * no other zone-rules provider, neither named by {@code
     * java.time.zone.DefaultZoneRulesProvider} nor declared by a jar or a module.
     */
    static boolean isTzdbRegion(String id, ClassLoader loader) {
      if (id.indexOf('/') <= 0
          || id.startsWith("SystemV/")
          || System.getProperty("java.time.zone.DefaultZoneRulesProvider") != null
          || !Arrays.asList(java.util.TimeZone.getAvailableIDs()).contains(id)) {
        return false;
      }
      String service = "java.time.zone.ZoneRulesProvider";
      for (Module module : ModuleLayer.boot().modules()) {
        if (module.getDescriptor().provides().stream().anyMatch(p -> p.service().equals(service))) {
          return false;
        }
      }
      return !ClassPathRoots.onClassPath(loader, "META-INF/services/" + service);
    }
  }

  /** A record to make when first used, since a value of it is a {@link PendingZone}. */
  private record Pending(Constructor<?> constructor, Object[] values) {

    /** The record; {@code placeholder}: each pending zone as UTC. */
    Record make(boolean placeholder) throws ReflectiveOperationException {
      Object[] made = values.clone();
      for (int i = 0; i < made.length; i++) {
        if (made[i] instanceof Pending pending) {
          made[i] = pending.make(placeholder);
        } else if (made[i] instanceof PendingZone zone) {
          made[i] = placeholder ? java.time.ZoneOffset.UTC : ZoneId.of(zone.id());
        }
      }
      return (Record) constructor.newInstance(made);
    }
  }

  /**
   * A path as Spring's {@code PathEditor} makes it of a plain file name: {@code
   * Paths.get(text).normalize()}, unless the text is a URL or names a class path resource (Spring
   * resolves those).
   */
  private static Path path(String text, ClassLoader loader) throws NeedsSpring {
    if (URL_SCHEME.matcher(text).find()) {
      throw new NeedsSpring("a URL or a drive letter");
    }
    String resource = text.trim();
    while (resource.startsWith("/")) {
      resource = resource.substring(1);
    }
    if (!resource.isEmpty()
        && ClassPathRoots.onClassPath(loader, Paths.get(resource).normalize() + "")) {
      throw new NeedsSpring("names a class path resource");
    }
    return Paths.get(text).normalize();
  }

  /**
   * {@code logging.level.*}: each logger's level from the highest source that sets it. Boot's
   * groups ({@code web}, {@code sql}) are left to Spring.
   */
  private static Map<String, String> levels(List<Source> sources) throws NeedsSpring {
    Map<String, String> levels = new LinkedHashMap<>();
    for (Source source : sources) {
      for (Map.Entry<String, Object> entry : source.loggers().entrySet()) {
        String logger = entry.getKey();
        if (logger.equals("web") || logger.equals("sql")) {
          throw new NeedsSpring("logging.level." + logger + ": a logger group");
        }
        if (logger.equalsIgnoreCase("root") && !logger.equals("root")) {
          // Spring keys its map by the spelling: ROOT and root would both be applied, in order
          throw new NeedsSpring("logging.level." + logger + ": root spelled otherwise");
        }
        String name = logger.equals("root") ? "ROOT" : logger;
        if (levels.containsKey(name)) {
          continue;
        }
        Object value = entry.getValue();
        String level =
            value instanceof Boolean b && !b
                ? "OFF" // YAML reads OFF as false; Spring's lenient conversion makes it OFF again
                : value instanceof String text ? LEVELS.get(text.toLowerCase(Locale.ROOT)) : null;
        if (level == null) {
          throw new NeedsSpring(
              "logging.level." + logger + " in " + source.name() + ": '" + value + "'");
        }
        levels.put(name, level);
      }
    }
    return levels;
  }

  /** The keys {@link #read} binds, in dashed form ({@code crawler.max-page-size}). */
  static Set<String> keys() {
    return Set.copyOf(LEAVES.values());
  }
}
