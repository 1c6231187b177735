package com.mallrank.batch.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * The packaged {@code application.yml}, the one home of every default: the configuration records
 * ({@link CrawlerProperties}, {@link BatchProperties}, ...) carry no {@code @DefaultValue}s of
 * their own. Code that binds a record outside the Spring context (a test, a command that starts no
 * context) binds it from here, with its own values on top, and so sees the same defaults as the
 * application.
 */
public final class ApplicationYaml {

  /** The classpath resource. */
  public static final String RESOURCE = "application.yml";

  private ApplicationYaml() {}

  /** The packaged {@code application.yml}, as read by Spring (one source per YAML document). */
  public static List<PropertySource<?>> sources() {
    try {
      return new YamlPropertySourceLoader().load(RESOURCE, new ClassPathResource(RESOURCE));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read classpath:" + RESOURCE, e);
    }
  }

  /**
   * A binder over {@code overrides} (relaxed names, e.g. {@code crawler.images.fingerprint}) and,
   * below them, the packaged defaults.
   */
  public static Binder binder(Map<String, ?> overrides) {
    List<ConfigurationPropertySource> sources = new ArrayList<>();
    sources.add(new MapConfigurationPropertySource(overrides));
    ConfigurationPropertySources.from(sources()).forEach(sources::add);
    return new Binder(sources);
  }

  /** Binds {@code type} at {@code prefix} from the defaults with {@code overrides} on top. */
  public static <T> T bind(String prefix, Class<T> type, Map<String, ?> overrides) {
    return binder(overrides)
        .bind(prefix, type)
        .orElseThrow(() -> new IllegalStateException("nothing to bind at " + prefix));
  }
}
