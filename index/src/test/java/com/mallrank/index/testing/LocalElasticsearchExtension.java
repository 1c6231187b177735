package com.mallrank.index.testing;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.mallrank.index.client.EsClients;
import com.mallrank.index.client.EsConnection;
import com.mallrank.index.local.LocalElasticsearch;
import com.mallrank.index.local.LocalElasticsearchSettings;
import com.mallrank.index.schema.IndexNames;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension for tests against a real Elasticsearch.
 *
 * <p>Once per JVM it connects to {@code mallrank.test.es.url} when that system property is set (an
 * external or pre-started cluster), or otherwise ensures the local server runs on port {@code
 * mallrank.test.es.port} (default 9250) with data in {@code mallrank.test.data.dir} (default {@code
 * target/test-data}), reusing one already running there. A server started here is stopped when the
 * JVM exits unless {@code mallrank.test.es.keep=true} (a build wrapper then stops it).
 *
 * <p>Each test gets a {@link TestIndices} parameter with a unique prefix {@code
 * t-<class>-<random>}; the prefix's indices and templates are deleted after the test. {@link
 * ElasticsearchClient} and {@link IndexNames} parameters are resolved too. Other modules use {@link
 * #client()} and {@link #url()} directly.
 */
public final class LocalElasticsearchExtension
    implements BeforeEachCallback, AfterEachCallback, ParameterResolver {

  public static final String URL_PROPERTY = "mallrank.test.es.url";
  public static final String PORT_PROPERTY = "mallrank.test.es.port";
  public static final String DATA_DIR_PROPERTY = "mallrank.test.data.dir";
  public static final String KEEP_PROPERTY = "mallrank.test.es.keep";
  public static final int DEFAULT_PORT = 9250;

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(LocalElasticsearchExtension.class);

  private static String url;
  private static ElasticsearchClient client;
  private static LocalElasticsearch server;

  /** The cluster URL, starting the local server on first use. */
  public static synchronized String url() {
    ensureCluster();
    return url;
  }

  /** The JVM-wide client, starting the local server on first use. Do not close it. */
  public static synchronized ElasticsearchClient client() {
    ensureCluster();
    return client;
  }

  /** The local server handle, or {@code null} when an external URL is used. */
  public static synchronized LocalElasticsearch server() {
    ensureCluster();
    return server;
  }

  /**
   * A fresh, unique set of test indices (the caller cleans up with {@link TestIndices#deleteAll}).
   */
  public static TestIndices newTestIndices(Class<?> testClass) {
    return new TestIndices(client(), url(), uniquePrefix(testClass));
  }

  static String uniquePrefix(Class<?> testClass) {
    String name = testClass.getSimpleName().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    if (name.length() > 40) {
      name = name.substring(0, 40);
    }
    byte[] random = new byte[4];
    ThreadLocalRandom.current().nextBytes(random);
    return "t-" + name + "-" + HexFormat.of().formatHex(random);
  }

  private static void ensureCluster() {
    if (client != null) {
      return;
    }
    String external = System.getProperty(URL_PROPERTY);
    if (external != null && !external.isBlank()) {
      url = external.strip();
    } else {
      int port = Integer.getInteger(PORT_PROPERTY, DEFAULT_PORT);
      Path dataDir = Path.of(System.getProperty(DATA_DIR_PROPERTY, "target/test-data"));
      boolean keep = Boolean.getBoolean(KEEP_PROPERTY);
      // 4 minutes, not 90 s, per step: ./mallrank test's server may still be starting beside the
      // build (this then waits for it), and CI has two cores
      server =
          LocalElasticsearch.ensureRunning(
              LocalElasticsearchSettings.of(dataDir, port)
                  .withStartTimeout(Duration.ofMinutes(4))
                  .withShutdownHook(!keep));
      url = server.url();
    }
    ElasticsearchClient created = EsClients.create(EsConnection.of(url));
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    created.close();
                  } catch (IOException | RuntimeException e) {
                    // the JVM is exiting
                  }
                },
                "mallrank-test-es-client-close"));
    client = created;
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    context
        .getStore(NAMESPACE)
        .put(TestIndices.class, newTestIndices(context.getRequiredTestClass()));
  }

  @Override
  public void afterEach(ExtensionContext context) {
    TestIndices indices = context.getStore(NAMESPACE).remove(TestIndices.class, TestIndices.class);
    if (indices != null) {
      indices.deleteAll();
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext extension) {
    Class<?> type = parameter.getParameter().getType();
    return type == TestIndices.class
        || type == ElasticsearchClient.class
        || type == IndexNames.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext extension) {
    Class<?> type = parameter.getParameter().getType();
    if (type == ElasticsearchClient.class) {
      return client();
    }
    TestIndices indices = indices(extension);
    return type == IndexNames.class ? indices.names() : indices;
  }

  private static TestIndices indices(ExtensionContext context) {
    TestIndices indices = context.getStore(NAMESPACE).get(TestIndices.class, TestIndices.class);
    if (indices == null) {
      throw new IllegalStateException(
          "TestIndices are per test method; inject them into test methods, not constructors or"
              + " @BeforeAll");
    }
    return indices;
  }
}
