package com.mallrank.batch.report.html;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * The ECharts library as one script, read from the {@code org.webjars.npm:echarts} webjar on the
 * classpath ({@code META-INF/resources/webjars/echarts/<version>/dist/echarts.min.js}), to be
 * inlined: the report must work offline and load nothing from a CDN.
 */
public final class EchartsLibrary {

  private static final String POM_PROPERTIES =
      "META-INF/maven/org.webjars.npm/echarts/pom.properties";

  private static volatile EchartsLibrary loaded;

  private final String version;
  private final String script;

  private EchartsLibrary(String version, String script) {
    this.version = version;
    this.script = script;
  }

  /** The library, read once per JVM (about 1 MB). */
  public static EchartsLibrary load() {
    EchartsLibrary library = loaded;
    if (library == null) {
      synchronized (EchartsLibrary.class) {
        if (loaded == null) {
          loaded = read();
        }
        library = loaded;
      }
    }
    return library;
  }

  /** The webjar's version, e.g. {@code 5.3.1}. */
  public String version() {
    return version;
  }

  /** {@code echarts.min.js}, safe to put between {@code <script>} and {@code </script>}. */
  public String script() {
    return script;
  }

  private static EchartsLibrary read() {
    ClassLoader loader = EchartsLibrary.class.getClassLoader();
    try {
      Properties pom = new Properties();
      try (InputStream in = loader.getResourceAsStream(POM_PROPERTIES)) {
        if (in == null) {
          throw new IllegalStateException(
              "the ECharts webjar (org.webjars.npm:echarts) is not on the classpath");
        }
        pom.load(in);
      }
      String version = pom.getProperty("version");
      String path = "META-INF/resources/webjars/echarts/" + version + "/dist/echarts.min.js";
      try (InputStream in = loader.getResourceAsStream(path)) {
        if (in == null) {
          throw new IllegalStateException(path + " is missing from the ECharts webjar");
        }
        String script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        // Cannot occur in 5.x; if it ever does, `<\/` is the same inside a JavaScript string.
        script = script.replace("</script", "<\\/script").replace("</SCRIPT", "<\\/SCRIPT");
        return new EchartsLibrary(version, script);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("reading the ECharts webjar failed", e);
    }
  }
}
