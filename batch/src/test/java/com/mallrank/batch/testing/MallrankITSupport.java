package com.mallrank.batch.testing;

import com.mallrank.index.testing.LocalElasticsearchExtension;
import com.mallrank.index.testing.TestIndices;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.support.TestPropertySourceUtils;

/**
 * The machinery behind {@link MallrankIT}: one {@link TestIndices} (unique prefix) per test class,
 * the standard properties derived from it, and the deletion of its indices after the class.
 */
public final class MallrankITSupport {

  private static final Map<Class<?>, TestIndices> INDICES = new ConcurrentHashMap<>();

  private MallrankITSupport() {}

  /** The test class's own indices (created with a unique prefix on first use). */
  public static TestIndices indices(Class<?> testClass) {
    return INDICES.computeIfAbsent(testClass, LocalElasticsearchExtension::newTestIndices);
  }

  /** The test class's index prefix, as the app under test sees it in {@code index.prefix}. */
  public static String prefix(Class<?> testClass) {
    return indices(testClass).prefix();
  }

  /**
   * The properties every batch run in a test needs for its prefix: the shared cluster, the prefix,
   * an H2 job repository named after it ({@code h2Options} appended), and the plan unless empty.
   */
  public static Map<String, String> standardProperties(
      String prefix, String h2Options, String plan) {
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put("index.es.url", LocalElasticsearchExtension.url());
    properties.put("index.prefix", prefix);
    properties.put("spring.datasource.url", "jdbc:h2:mem:" + prefix + h2Options);
    if (!plan.isEmpty()) {
      properties.put("batch.plan", plan);
    }
    return properties;
  }

  /** Adds the standard properties under the test's own ones (inlined and dynamic). */
  public static final class StandardProperties implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(
        Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
      String plan =
          MergedAnnotations.from(testClass, MergedAnnotations.SearchStrategy.TYPE_HIERARCHY)
              .get(MallrankIT.class)
              .getValue("plan", String.class)
              .orElse(MallrankIT.SANDBOX_PLAN);
      return new Customizer(prefix(testClass), plan);
    }
  }

  private record Customizer(String prefix, String plan) implements ContextCustomizer {

    static final String NAME = "mallrank IT standard properties";

    @Override
    public void customizeContext(
        ConfigurableApplicationContext context, MergedContextConfiguration merged) {
      MutablePropertySources sources = context.getEnvironment().getPropertySources();
      Map<String, Object> properties =
          new LinkedHashMap<>(standardProperties(prefix, ";DB_CLOSE_DELAY=-1", plan));
      properties.put("mallrank.cli.enabled", "false");
      MapPropertySource standard = new MapPropertySource(NAME, properties);
      String above = null;
      for (String name :
          List.of(
              TestPropertySourceUtils.INLINED_PROPERTIES_PROPERTY_SOURCE_NAME,
              "Dynamic Test Properties")) {
        if (sources.contains(name)
            && (above == null
                || sources.precedenceOf(sources.get(name))
                    > sources.precedenceOf(sources.get(above)))) {
          above = name;
        }
      }
      if (above == null) {
        sources.addFirst(standard);
      } else {
        sources.addAfter(above, standard);
      }
    }
  }

  /**
   * Deletes the class's indices and templates after it (in a {@link MallrankIT}, once its context
   * has been closed). A test that starts the app in other JVMs with {@link #prefix} registers it
   * with {@code @ExtendWith}.
   */
  public static final class DeleteIndicesAfterAll implements AfterAllCallback {

    @Override
    public void afterAll(ExtensionContext context) {
      TestIndices indices = INDICES.remove(context.getRequiredTestClass());
      if (indices != null) {
        indices.deleteAll();
      }
    }
  }
}
