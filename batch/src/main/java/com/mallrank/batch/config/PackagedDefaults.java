package com.mallrank.batch.config;

import com.mallrank.batch.config.PlainConfiguration.NeedsSpring;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * The packaged {@code application.yml}'s values as {@link PlainConfiguration} reads them (dotted
 * keys, typed leaves), written by the build beside it ({@code process-classes}, {@link #main}), so
 * that a command without Spring does not parse the 450-line file with SnakeYAML at every start. The
 * yml stays the one home of the defaults: this file is derived from it, carries the length and
 * CRC-32 of the bytes it was made of, and is used only for those very bytes (otherwise the yml is
 * read); {@code PackagedDefaultsTest} checks it against the yml.
 *
 * <p>One line per key: {@code key TAB type TAB value}, backslash, tab and line breaks escaped.
 */
public final class PackagedDefaults {

  /** The class path resource, beside {@code application.yml} in the jar. */
  static final String RESOURCE = "mallrank/application-yml.tsv";

  private static final String HEADER = "# application.yml";

  private PackagedDefaults() {}

  /**
   * Writes {@link #RESOURCE} from {@code application.yml} in a class output folder.
   *
   * <p>usage: {@code PackagedDefaults <classes folder>}
   */
  public static void main(String[] args) throws IOException, NeedsSpring {
    Path classes = Path.of(args[0]);
    byte[] yaml = Files.readAllBytes(classes.resolve(ApplicationYaml.RESOURCE));
    Map<String, Object> values =
        PlainConfiguration.flatYaml("classpath:" + ApplicationYaml.RESOURCE, yaml);
    Path target = classes.resolve(RESOURCE);
    Files.createDirectories(target.getParent());
    Files.writeString(target, write(values, yaml), StandardCharsets.UTF_8);
  }

  /**
   * The values of {@code yaml} (the packaged file's bytes) as the build wrote them, or {@code null}
   * when there is no such file or it was made of other bytes.
   */
  static Map<String, Object> read(ClassLoader loader, byte[] yaml) throws IOException {
    URL resource = loader.getResource(RESOURCE);
    if (resource == null) {
      return null;
    }
    try (InputStream in = resource.openStream()) {
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), yaml);
    }
  }

  /** The text of {@link #RESOURCE} for these values of these bytes. */
  static String write(Map<String, Object> values, byte[] yaml) {
    StringBuilder out = new StringBuilder(header(yaml)).append('\n');
    for (Map.Entry<String, Object> entry : values.entrySet()) {
      out.append(escape(entry.getKey()))
          .append('\t')
          .append(type(entry.getKey(), entry.getValue()))
          .append('\t')
          .append(escape(entry.getValue().toString()))
          .append('\n');
    }
    return out.toString();
  }

  /**
   * The values in {@code text}, or {@code null} when it is not of these bytes or not well-formed.
   */
  static Map<String, Object> parse(String text, byte[] yaml) {
    String[] lines = text.split("\n", -1);
    if (!lines[0].equals(header(yaml)) || !lines[lines.length - 1].isEmpty()) {
      return null;
    }
    Map<String, Object> values = new LinkedHashMap<>();
    for (int i = 1; i < lines.length - 1; i++) {
      String[] fields = lines[i].split("\t", -1);
      if (fields.length != 3) {
        return null;
      }
      Object typed = typed(fields[1], unescape(fields[2]));
      if (typed == null || values.put(unescape(fields[0]), typed) != null) {
        return null;
      }
    }
    return values;
  }

  private static Object typed(String type, String value) {
    try {
      return switch (type) {
        case "string" -> value;
        case "int" -> Integer.valueOf(value);
        case "long" -> Long.valueOf(value);
        case "bigint" -> new BigInteger(value);
        case "double" -> Double.valueOf(value);
        case "boolean" ->
            value.equals("true") || value.equals("false") ? Boolean.valueOf(value) : null;
        default -> null;
      };
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static String header(byte[] yaml) {
    CRC32 crc = new CRC32();
    crc.update(yaml);
    return HEADER + " length=" + yaml.length + " crc32=" + Long.toHexString(crc.getValue());
  }

  /** The value types SnakeYAML reads scalars as (timestamps are text), by their names here. */
  private static final Map<Class<?>, String> TYPES =
      Map.of(
          String.class, "string",
          Integer.class, "int",
          Long.class, "long",
          BigInteger.class, "bigint",
          Double.class, "double",
          Boolean.class, "boolean");

  private static String type(String key, Object value) {
    String type = TYPES.get(value.getClass());
    if (type == null) {
      throw new IllegalArgumentException(
          ApplicationYaml.RESOURCE + ": " + key + " is a " + value.getClass().getName());
    }
    return type;
  }

  private static String escape(String text) {
    return text.replace("\\", "\\\\")
        .replace("\t", "\\t")
        .replace("\n", "\\n")
        .replace("\r", "\\r");
  }

  private static String unescape(String text) {
    if (text.indexOf('\\') < 0) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\' && i + 1 < text.length()) {
        char next = text.charAt(++i);
        out.append(next == 't' ? '\t' : next == 'n' ? '\n' : next == 'r' ? '\r' : next);
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
