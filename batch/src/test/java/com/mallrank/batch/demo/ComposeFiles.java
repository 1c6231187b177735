package com.mallrank.batch.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.Yaml;

/**
 * A compose project's effective configuration as {@code docker compose config} renders it (no
 * Docker engine on the build machines), for the parts mallrank's files use: YAML anchors and merge
 * keys ({@code <<}), several files merged in order as compose does (maps merged key by key, the
 * later file's scalar wins, {@code environment} merged by variable whatever its form, {@code ports}
 * and {@code volumes} appended), and {@code ${VAR}}, {@code ${VAR:-default}}, {@code
 * ${VAR-default}}, {@code ${VAR:?error}}, {@code ${VAR?error}} and {@code $$} interpolated from an
 * env file (compose-spec: "Interpolation", "Merge and override").
 */
final class ComposeFiles {

  private static final Pattern REFERENCE =
      Pattern.compile("\\$\\$|\\$\\{(\\w+)(?:(:?)([?-])([^}]*))?}|\\$(\\w+)");

  private ComposeFiles() {}

  /** The env file's variables ({@code NAME=value} lines; {@code #} comments). */
  static Map<String, String> envFile(Path file) throws IOException {
    Map<String, String> variables = new LinkedHashMap<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      int eq = line.indexOf('=');
      if (!line.strip().startsWith("#") && eq > 0) {
        variables.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
      }
    }
    return variables;
  }

  /** The merged, interpolated project of the files, in order (base first). */
  @SuppressWarnings("unchecked")
  static Map<String, Object> render(List<Path> files, Map<String, String> variables)
      throws IOException {
    Map<String, Object> merged = new LinkedHashMap<>();
    for (Path file : files) {
      Map<String, Object> loaded = new Yaml().load(Files.readString(file, StandardCharsets.UTF_8));
      normalise(loaded);
      merged = (Map<String, Object>) merge(merged, loaded, "");
    }
    return (Map<String, Object>) interpolate(merged, variables);
  }

  /** A service of a rendered project. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> service(Map<String, Object> project, String name) {
    Map<String, Object> services = (Map<String, Object>) project.get("services");
    Map<String, Object> service = (Map<String, Object>) services.get(name);
    if (service == null) {
      throw new AssertionError("no service " + name + " in " + services.keySet());
    }
    return service;
  }

  /** A service's environment as a map. */
  @SuppressWarnings("unchecked")
  static Map<String, String> environment(Map<String, Object> service) {
    Map<String, String> env = new LinkedHashMap<>();
    ((Map<String, Object>) service.getOrDefault("environment", Map.of()))
        .forEach((key, value) -> env.put(key, value == null ? "" : String.valueOf(value)));
    return env;
  }

  /** One value with compose's interpolation. */
  static String interpolate(String value, Map<String, String> variables) {
    Matcher reference = REFERENCE.matcher(value);
    StringBuilder out = new StringBuilder();
    while (reference.find()) {
      String resolved;
      if (reference.group().equals("$$")) {
        resolved = "$";
      } else {
        String name = reference.group(1) != null ? reference.group(1) : reference.group(5);
        String found = variables.get(name);
        boolean colon = ":".equals(reference.group(2));
        boolean unset = found == null || (colon && found.isEmpty());
        String kind = reference.group(3);
        if (unset && "?".equals(kind)) {
          throw new IllegalArgumentException(name + ": " + reference.group(4));
        }
        resolved = unset ? ("-".equals(kind) ? reference.group(4) : "") : found;
      }
      reference.appendReplacement(out, Matcher.quoteReplacement(resolved));
    }
    return reference.appendTail(out).toString();
  }

  /** A service's list-form environment ({@code - KEY=value}) becomes a map. */
  @SuppressWarnings("unchecked")
  private static void normalise(Map<String, Object> project) {
    Object services = project.get("services");
    if (!(services instanceof Map<?, ?> map)) {
      return;
    }
    for (Object service : map.values()) {
      if (service instanceof Map<?, ?> s && s.get("environment") instanceof List<?> list) {
        Map<String, Object> env = new LinkedHashMap<>();
        for (Object entry : list) {
          String text = String.valueOf(entry);
          int eq = text.indexOf('=');
          env.put(eq < 0 ? text : text.substring(0, eq), eq < 0 ? null : text.substring(eq + 1));
        }
        ((Map<String, Object>) s).put("environment", env);
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static Object merge(Object base, Object override, String key) {
    if (base instanceof Map<?, ?> b && override instanceof Map<?, ?> o) {
      Map<String, Object> out = new LinkedHashMap<>((Map<String, Object>) b);
      ((Map<String, Object>) o)
          .forEach((k, v) -> out.put(k, out.containsKey(k) ? merge(out.get(k), v, k) : v));
      return out;
    }
    if (base instanceof List<?> b
        && override instanceof List<?> o
        && (key.equals("ports") || key.equals("volumes") || key.equals("expose"))) {
      List<Object> out = new ArrayList<>(b);
      o.stream().filter(v -> !out.contains(v)).forEach(out::add);
      return out;
    }
    return override;
  }

  private static Object interpolate(Object node, Map<String, String> variables) {
    if (node instanceof Map<?, ?> map) {
      Map<String, Object> out = new LinkedHashMap<>();
      map.forEach((k, v) -> out.put(String.valueOf(k), interpolate(v, variables)));
      return out;
    }
    if (node instanceof List<?> list) {
      return list.stream().map(v -> interpolate(v, variables)).toList();
    }
    return node instanceof String text ? interpolate(text, variables) : node;
  }
}
