package com.mallrank.crawler.fetch.browser;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The device names a plan may give an identity ({@code device: "iPhone 13"}). Playwright for Java
 * has no device registry, so a small table of common phones and desktops ships as data ({@code
 * mallrank/devices/devices.tsv}, Playwright's names and metrics).
 */
public final class Devices {

  private static final String RESOURCE = "mallrank/devices/devices.tsv";
  private static final Map<String, Emulation> TABLE = load();

  private Devices() {}

  /** The device of that name (exact, as listed), with the given locale. */
  public static Optional<Emulation> named(String name, String locale) {
    Emulation e = TABLE.get(name);
    return e == null ? Optional.empty() : Optional.of(e.withLocale(locale));
  }

  /** Every known name, in table order. */
  public static Set<String> names() {
    return TABLE.keySet();
  }

  private static Map<String, Emulation> load() {
    Map<String, Emulation> table = new LinkedHashMap<>();
    try (InputStream in = Devices.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      while ((line = reader.readLine()) != null) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.split("\t");
        table.put(
            f[0],
            new Emulation(
                Integer.parseInt(f[1]),
                Integer.parseInt(f[2]),
                Double.parseDouble(f[3]),
                Boolean.parseBoolean(f[4]),
                Boolean.parseBoolean(f[5]),
                f[6],
                "zh-CN"));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Collections.unmodifiableMap(table);
  }
}
