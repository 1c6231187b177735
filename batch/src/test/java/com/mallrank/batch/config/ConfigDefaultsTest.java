package com.mallrank.batch.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.mallrank.batch.changes.ChangeProperties;
import com.mallrank.batch.remote.Role;
import com.mallrank.crawler.fetch.JsoupFetcher;
import com.mallrank.crawler.fetch.browser.BrowserSettings;
import com.mallrank.crawler.fetch.browser.BrowserTimeouts;
import com.mallrank.crawler.testing.ApplicationDefaults;
import com.mallrank.index.testing.DetectionDefaults;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
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
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.type.filter.AnnotationTypeFilter;

/**
 * Every default is written once, in {@code application.yml} (issue 13 item 3): no configuration
 * record carries a {@code @DefaultValue}, every record component has its key in {@code
 * application.yml}, bound from it alone each one with a value there is set, and every key there
 * belongs to a component (a removed key left in the file would be read by no one).
 *
 * <p>Nor does production code build settings of its own ({@code JsoupFetcher.Settings}, {@code
 * BrowserSettings}, {@code BrowserTimeouts}, {@code DetectionSettings}: no static default of them);
 * tests build them from the yml's values ({@code ApplicationDefaults}, {@code DetectionDefaults}),
 * checked here against the binding of {@code application.yml}.
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
    // read by a bean condition, before any record binds: which beans exist depends on it
    known.add(Role.PROPERTY);
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

  @Test
  void noProductionSettingsCarryADefaultOfTheirOwn() throws Exception {
    var resolver = new PathMatchingResourcePatternResolver();
    List<String> names = new ArrayList<>();
    for (String pattern : List.of("*Settings.class", "*Timeouts.class")) {
      for (Resource resource : resolver.getResources("classpath*:com/mallrank/**/" + pattern)) {
        String url = resource.getURL().toString();
        if (url.contains("/test-classes/") || url.contains("-tests.jar")) {
          continue; // test code may build settings (from the yml's values)
        }
        names.add(url.substring(url.lastIndexOf("com/mallrank/")).replace('/', '.'));
      }
    }
    List<String> leaves = new ArrayList<>();
    for (String file : names) {
      Class<?> type =
          Class.forName(file.substring(0, file.length() - ".class".length()), false, loader());
      collectLeaves(type, leaves);
      for (Class<?> nested : type.getDeclaredClasses()) {
        collectLeaves(nested, leaves);
      }
    }
    assertThat(names).anyMatch(n -> n.endsWith("BrowserTimeouts.class"));
    assertThat(leaves)
        .as("settings built in code instead of from application.yml (tests: ApplicationDefaults)")
        .isEmpty();
  }

  private static ClassLoader loader() {
    return ConfigDefaultsTest.class.getClassLoader();
  }

  /** A static field or no-argument static method of a settings record giving one of its own. */
  private static void collectLeaves(Class<?> type, List<String> leaves) {
    if (!type.isRecord() || !type.getSimpleName().matches(".*(Settings|Timeouts)")) {
      return;
    }
    for (Method method : type.getDeclaredMethods()) {
      if (Modifier.isStatic(method.getModifiers())
          && method.getParameterCount() == 0
          && method.getReturnType().equals(type)) {
        leaves.add(type.getName() + "." + method.getName() + "()");
      }
    }
    for (Field field : type.getDeclaredFields()) {
      if (Modifier.isStatic(field.getModifiers())
          && field.getType().equals(type)
          && !NOT_DEFAULTS.contains(type.getName() + "." + field.getName())) {
        leaves.add(type.getName() + "." + field.getName());
      }
    }
  }

  /** Settings that are no default of a key: the sandbox mall is sampled without delays. */
  private static final Set<String> NOT_DEFAULTS =
      Set.of("com.mallrank.crawler.sampler.SamplerSettings.UNTHROTTLED");

  @Test
  void testsBuildSettingsFromTheseDefaults() {
    Binder binder = ApplicationYaml.binder(Map.of());
    CrawlerProperties crawler = binder.bind("crawler", CrawlerProperties.class).get();
    assertThat(ApplicationDefaults.jsoup())
        .isEqualTo(
            new JsoupFetcher.Settings(
                crawler.timeout(),
                Math.toIntExact(crawler.maxPageSize().toBytes()),
                crawler.userAgent(),
                crawler.acceptLanguage(),
                crawler.maxRedirects()));
    CrawlerProperties.Timeouts timeouts = crawler.browser().timeouts();
    assertThat(ApplicationDefaults.browserTimeouts())
        .isEqualTo(
            new BrowserTimeouts(
                timeouts.launch(),
                timeouts.navigation(),
                timeouts.waitForSelector(),
                timeouts.growth(),
                timeouts.page()));
    BrowserSettings browser = ApplicationDefaults.browser();
    assertThat(browser.executable()).isEqualTo(crawler.browser().executable());
    assertThat(browser.recycleAfterPages()).isEqualTo(crawler.browser().recycleAfterPages());
    assertThat(browser.relaunchAfterPages()).isEqualTo(crawler.browser().relaunchAfterPages());
    assertThat(browser.headless()).isEqualTo(crawler.browser().headless());
    assertThat(browser.blockResources()).isEqualTo(crawler.browser().blockResources());
    assertThat(browser.maxPageBytes()).isEqualTo(crawler.maxPageSize().toBytes());
    assertThat(DetectionDefaults.settings())
        .isEqualTo(binder.bind("batch.changes", ChangeProperties.class).get().settings());
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
