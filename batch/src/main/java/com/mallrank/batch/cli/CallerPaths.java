package com.mallrank.batch.cli;

import com.mallrank.batch.alert.AlertProperties;
import com.mallrank.batch.broker.BrokerProperties;
import com.mallrank.batch.config.BatchProperties;
import com.mallrank.batch.config.CrawlerProperties;
import com.mallrank.batch.config.IndexProperties;
import com.mallrank.batch.remote.RemoteProperties;
import com.mallrank.batch.retention.RetentionProperties;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Paths as the user typed them: relative to the directory mallrank was started from, not to the
 * checkout. The {@code ./mallrank} launcher runs the jar in the checkout (where the defaults {@code
 * config/} and {@code data/} live) and passes the caller's directory as {@code -D}{@value
 * #PROPERTY}; without it ({@code java -jar} run directly) the caller's directory is the working
 * directory. The one place a path the user gave is resolved: every command-line option of type
 * {@link Path} ({@code --page}, {@code --har}, {@code --storage-state}, {@code evidence show},
 * {@code plan import-keywords}), {@code -o}, {@code profile test --profile FILE}, and each
 * path-valued configuration key given on the command line ({@code --batch.plan=plan.yml}, {@code
 * --batch.accounts-dir=…}; see {@link #PATH_KEYS}). Defaults and {@code config/application.yml}
 * stay relative to the checkout.
 */
public final class CallerPaths {

  /** The system property naming the caller's directory. */
  public static final String PROPERTY = "mallrank.caller.dir";

  /** The configuration records whose {@link Path} components are path-valued keys. */
  private static final Set<Class<?>> PROPERTY_RECORDS =
      Set.of(
          BatchProperties.class,
          CrawlerProperties.class,
          IndexProperties.class,
          BrokerProperties.class,
          RetentionProperties.class,
          AlertProperties.class,
          RemoteProperties.class);

  /**
   * The configuration keys whose value is a path ({@code batch.plan}, {@code crawler.evidence.dir},
   * …), read from the configuration records, in the canonical form {@link #canonical} gives.
   */
  static final Set<String> PATH_KEYS = pathKeys();

  private CallerPaths() {}

  /** The directory the user started mallrank from. */
  public static Path dir() {
    String caller = System.getProperty(PROPERTY, "");
    return Path.of(caller.isBlank() ? System.getProperty("user.dir") : caller)
        .toAbsolutePath()
        .normalize();
  }

  /** A path the user typed, resolved against {@link #dir()}: absolute, normalised. */
  public static Path resolve(String typed) {
    Path path = Path.of(typed);
    return (path.isAbsolute() ? path : dir().resolve(path)).normalize();
  }

  /**
   * The value the application gets for {@code --key=value}: a path-valued key's value (not blank,
   * not a list) resolved against {@link #dir()}, any other unchanged.
   */
  public static String commandLineValue(String key, String value) {
    if (isPathKey(key) && value != null && !value.isBlank() && !value.contains(",")) {
      return resolve(value.strip()).toString();
    }
    return value;
  }

  /** Whether a configuration key (in any of Spring's relaxed forms) holds a path. */
  static boolean isPathKey(String key) {
    return PATH_KEYS.contains(canonical(key));
  }

  /**
   * A key without case, dashes and underscores: {@code batch.accountsDir} = {@code
   * batch.accounts-dir}.
   */
  static String canonical(String key) {
    return key.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
  }

  private static Set<String> pathKeys() {
    Set<String> keys = new TreeSet<>();
    for (Class<?> type : PROPERTY_RECORDS) {
      ConfigurationProperties annotation = type.getAnnotation(ConfigurationProperties.class);
      String prefix = annotation.prefix().isEmpty() ? annotation.value() : annotation.prefix();
      collect(type, canonical(prefix), keys);
    }
    return Set.copyOf(keys);
  }

  private static void collect(Class<?> type, String prefix, Set<String> keys) {
    for (RecordComponent component : type.getRecordComponents()) {
      String key = prefix + "." + canonical(component.getName());
      if (component.getType() == Path.class) {
        keys.add(key);
      } else if (component.getType().isRecord()
          && component.getType().getPackageName().startsWith("com.mallrank")) {
        collect(component.getType(), key, keys);
      }
    }
  }
}
