package com.mallrank.batch.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Constructor;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.type.filter.AnnotationTypeFilter;

/**
 * Every default is written once, in {@code application.yml} (issue 13 item 3): no configuration
 * record carries a {@code @DefaultValue}, every record component has its key in {@code
 * application.yml}, bound from it alone each one with a value there is set, and every key there
 * belongs to a component (a removed key left in the file would be read by no one).
 *
 * <p>Records reached through a list or map (e.g. {@code alerts.webhooks[n]}) are entries a user
 * writes, which {@code application.yml} cannot give defaults to: they are not walked.
 */
class ConfigDefaultsTest {

  private static final Map<String, Object> yaml = new LinkedHashMap<>();
  private static final Map<String, Class<?>> roots = new LinkedHashMap<>();

  /** A record component and its key, e.g. {@code crawler.browser.executable}. */
  private record Key(String key, RecordComponent component) {}

  @BeforeAll
  static void load() throws Exception {
    for (PropertySource<?> source : ApplicationYaml.sources()) {
      EnumerablePropertySource<?> e = (EnumerablePropertySource<?>) source;
      for (String name : e.getPropertyNames()) {
        yaml.putIfAbsent(name, e.getProperty(name));
      }
    }
    var scanner = new ClassPathScanningCandidateComponentProvider(false);
    scanner.addIncludeFilter(new AnnotationTypeFilter(ConfigurationProperties.class));
    for (var candidate : scanner.findCandidateComponents("com.mallrank")) {
      Class<?> type = Class.forName(candidate.getBeanClassName());
      ConfigurationProperties annotation = type.getAnnotation(ConfigurationProperties.class);
      String prefix = annotation.prefix().isEmpty() ? annotation.value() : annotation.prefix();
      roots.put(prefix, type);
    }
  }

  @Test
  void theScanFindsTheKnownRecords() {
    assertThat(roots)
        .containsEntry("crawler", CrawlerProperties.class)
        .containsEntry("batch", BatchProperties.class)
        .containsEntry("index", IndexProperties.class)
        .containsKeys("alerts", "batch.retention");
  }

  @Test
  void noRecordWritesADefaultOfItsOwn() {
    List<String> twice = new ArrayList<>();
    for (Key key : keys()) {
      if (key.component().isAnnotationPresent(DefaultValue.class)
          || parameter(key.component()).isAnnotationPresent(DefaultValue.class)) {
        twice.add(key.key());
      }
    }
    assertThat(twice).as("@DefaultValue on (the default belongs in application.yml)").isEmpty();
  }

  @Test
  void everyComponentHasItsKeyInApplicationYml() {
    List<String> missing = new ArrayList<>();
    for (Key key : keys()) {
      if (!inYaml(key.key())) {
        missing.add(key.key());
      }
    }
    assertThat(missing)
        .as("keys missing from application.yml (document them, with a default)")
        .isEmpty();
  }

  @Test
  void everyKeyOfApplicationYmlBelongsToAComponent() {
    Set<String> known = new TreeSet<>();
    Set<String> open = new TreeSet<>(); // lists and maps: any key below them is theirs
    for (Key key : keys()) {
      known.add(key.key());
      Class<?> type = key.component().getType();
      if (Collection.class.isAssignableFrom(type) || Map.class.isAssignableFrom(type)) {
        open.add(key.key());
      }
    }
    Set<String> tops = new TreeSet<>();
    roots.keySet().forEach(prefix -> tops.add(prefix.split("\\.")[0]));
    List<String> orphans = new ArrayList<>();
    for (String name : yaml.keySet()) {
      if (!tops.contains(name.split("[.\\[]")[0])) {
        continue;
      }
      boolean bound =
          known.contains(name)
              || open.stream().anyMatch(o -> name.startsWith(o + "[") || name.startsWith(o + "."));
      if (!bound) {
        orphans.add(name);
      }
    }
    assertThat(orphans).as("keys in application.yml that no record reads").isEmpty();
  }

  @Test
  void boundFromApplicationYmlAloneEveryKeyWithAValueIsSet() throws Exception {
    Binder binder = ApplicationYaml.binder(Map.of());
    List<String> unset = new ArrayList<>();
    int checked = 0;
    for (Map.Entry<String, Class<?>> root : roots.entrySet()) {
      Object bound = binder.bind(root.getKey(), root.getValue()).orElse(null);
      assertThat(bound).as(root.getKey()).isNotNull();
      checked += unset(root.getKey(), bound, unset);
    }
    assertThat(unset).as("keys with a value in application.yml that bind to null").isEmpty();
    assertThat(checked).as("components checked").isGreaterThan(60);
  }

  /** Counts the components checked; adds those left null although application.yml sets them. */
  private static int unset(String prefix, Object value, List<String> unset) throws Exception {
    int checked = 0;
    for (RecordComponent component : value.getClass().getRecordComponents()) {
      String key = prefix + "." + kebab(component.getName());
      Object child = component.getAccessor().invoke(value);
      boolean blank = "".equals(String.valueOf(yaml.get(key)));
      checked++;
      if (child == null && !blank) {
        unset.add(key);
      } else if (child != null && child.getClass().isRecord()) {
        checked += unset(key, child, unset);
      }
    }
    return checked;
  }

  private static List<Key> keys() {
    List<Key> keys = new ArrayList<>();
    roots.forEach((prefix, type) -> walk(prefix, type, keys));
    return keys;
  }

  private static void walk(String prefix, Class<?> type, List<Key> keys) {
    for (RecordComponent component : type.getRecordComponents()) {
      String key = prefix + "." + kebab(component.getName());
      keys.add(new Key(key, component));
      // a list or map of records holds user entries: not walked (see the class comment)
      if (component.getType().isRecord()) {
        walk(key, component.getType(), keys);
      }
    }
  }

  private static boolean inYaml(String key) {
    return yaml.containsKey(key)
        || yaml.keySet().stream().anyMatch(k -> k.startsWith(key + ".") || k.startsWith(key + "["));
  }

  private static Parameter parameter(RecordComponent component) {
    Class<?> record = component.getDeclaringRecord();
    Class<?>[] types =
        java.util.Arrays.stream(record.getRecordComponents())
            .map(RecordComponent::getType)
            .toArray(Class<?>[]::new);
    try {
      Constructor<?> canonical = record.getDeclaredConstructor(types);
      RecordComponent[] all = record.getRecordComponents();
      for (int i = 0; i < all.length; i++) {
        if (all[i].getName().equals(component.getName())) {
          return canonical.getParameters()[i];
        }
      }
    } catch (NoSuchMethodException e) {
      throw new AssertionError(e);
    }
    throw new AssertionError(component);
  }

  /** {@code maxRedirects} → {@code max-redirects}, the way Spring's relaxed binding reads keys. */
  private static String kebab(String name) {
    StringBuilder out = new StringBuilder();
    for (char c : name.toCharArray()) {
      if (Character.isUpperCase(c)) {
        out.append('-').append(Character.toLowerCase(c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
