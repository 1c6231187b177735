package com.mallrank.batch.plan;

import com.mallrank.crawler.fetch.browser.DeviceProfile;
import com.mallrank.crawler.fetch.browser.Devices;
import com.mallrank.crawler.fetch.browser.Emulation;
import com.mallrank.crawler.net.UpstreamProxy;
import com.mallrank.crawler.yaml.YamlFields;
import com.mallrank.crawler.yaml.YamlTree.MapNode;
import com.mallrank.crawler.yaml.YamlTree.Node;
import com.mallrank.crawler.yaml.YamlTree.ScalarNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The network keys of an identity (an account or {@code anonymous}): its own proxy, device, locale,
 * time zone and place (issue 10 item 2). Credentials never come from the plan: a proxy URL holding
 * any is refused; they are read from an owner-only secret file or an environment variable, and
 * never shown.
 */
final class NetworkSection {

  /** The keys this section reads in an identity's mapping. */
  static final Set<String> KEYS =
      PlanReading.union(
          Set.of("proxy", "proxy-credentials", "proxy-credentials-env"),
          Set.of("device", "locale", "timezone", "geolocation"));

  private static final Set<String> DEVICE_KEYS =
      Set.of("user-agent", "viewport", "scale", "touch", "mobile");
  private static final Pattern LOCALE = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8})*");
  private static final Pattern ENV_NAME = Pattern.compile("[A-Z_][A-Z0-9_]{0,63}");
  private static final Pattern VIEWPORT = Pattern.compile("(\\d{2,4})x(\\d{2,4})");

  private final PlanReading reading;
  private final YamlFields yaml;
  private final Function<String, String> environment;

  NetworkSection(PlanReading reading, Function<String, String> environment) {
    this.reading = reading;
    this.yaml = reading.yaml;
    this.environment = environment;
  }

  /** The identity's network, its keys already checked against {@link #KEYS} by the caller. */
  IdentityNetwork read(MapNode map, String path) {
    UpstreamProxy proxy = proxy(map, path);
    Emulation device = device(map.value("device"), path + ".device");
    String locale = locale(map, path);
    String timezone = timezone(map, path);
    Double latitude = null;
    Double longitude = null;
    Node geoNode = map.value("geolocation");
    if (geoNode instanceof MapNode geo) {
      yaml.keys(geo, path + ".geolocation", Set.of("latitude", "longitude"));
      latitude = degrees(geo, "latitude", path + ".geolocation.latitude", 90);
      longitude = degrees(geo, "longitude", path + ".geolocation.longitude", 180);
      if (latitude == null || longitude == null) {
        latitude = null;
        longitude = null;
      }
    } else if (geoNode != null) {
      reading.problem(geoNode, path + ".geolocation", "expected a mapping (latitude, longitude)");
    }
    return new IdentityNetwork(proxy, device, locale, timezone, latitude, longitude);
  }

  private String locale(MapNode map, String path) {
    Node node = map.value("locale");
    String locale = yaml.scalar(node, path + ".locale");
    if (locale == null) {
      return DeviceProfile.DEFAULT_LOCALE;
    }
    if (!LOCALE.matcher(locale).matches()) {
      reading.problem(node, path + ".locale", "not a locale: '" + locale + "' (e.g. zh-CN)");
      return DeviceProfile.DEFAULT_LOCALE;
    }
    return locale;
  }

  private String timezone(MapNode map, String path) {
    Node zoneNode = map.value("timezone");
    String timezone = yaml.scalar(zoneNode, path + ".timezone");
    if (timezone == null) {
      return DeviceProfile.DEFAULT_TIMEZONE;
    }
    try {
      ZoneId.of(timezone);
      return timezone;
    } catch (DateTimeException e) {
      reading.problem(
          zoneNode,
          path + ".timezone",
          "unknown time zone '" + timezone + "' (e.g. Asia/Shanghai)");
      return DeviceProfile.DEFAULT_TIMEZONE;
    }
  }

  private UpstreamProxy proxy(MapNode map, String path) {
    Node urlNode = map.value("proxy");
    String url = yaml.scalar(urlNode, path + ".proxy");
    Node fileNode = map.value("proxy-credentials");
    String fileText = yaml.scalar(fileNode, path + ".proxy-credentials");
    Node envNode = map.value("proxy-credentials-env");
    String envName = yaml.scalar(envNode, path + ".proxy-credentials-env");
    Node credentialsNode = fileText != null ? fileNode : envNode;
    String credentialsPath =
        path + (fileText != null ? ".proxy-credentials" : ".proxy-credentials-env");
    if (url == null) {
      if (fileText != null || envName != null) {
        reading.problem(credentialsNode, credentialsPath, "credentials without a proxy");
      }
      return null;
    }
    UpstreamProxy proxy;
    try {
      proxy = UpstreamProxy.parse(url);
    } catch (IllegalArgumentException e) {
      // the message never repeats the URL: it may hold a password
      reading.problem(urlNode, path + ".proxy", e.getMessage());
      return null;
    }
    if (fileText != null && envName != null) {
      reading.problem(
          envNode,
          path + ".proxy-credentials-env",
          "give proxy-credentials or proxy-credentials-env, not both");
      return proxy;
    }
    String credentials =
        fileText != null
            ? fileCredentials(fileText, fileNode, credentialsPath)
            : envName != null ? envCredentials(envName, envNode, credentialsPath) : null;
    if (credentials == null) {
      return proxy;
    }
    try {
      return proxy.withCredentials(credentials);
    } catch (IllegalArgumentException e) {
      reading.problem(credentialsNode, credentialsPath, e.getMessage());
      return proxy;
    }
  }

  private String fileCredentials(String fileText, Node node, String path) {
    Path secret = reading.resolveBesidePlan(fileText);
    var insecure = SecretFiles.problem(secret);
    if (insecure.isPresent()) {
      reading.problem(node, path, insecure.get());
      return null;
    }
    try {
      return Files.readString(secret, StandardCharsets.UTF_8);
    } catch (IOException e) {
      reading.problem(node, path, "cannot read " + secret);
      return null;
    }
  }

  private String envCredentials(String envName, Node node, String path) {
    if (!ENV_NAME.matcher(envName).matches()) {
      reading.problem(node, path, "not an environment variable name");
      return null;
    }
    String credentials = environment.apply(envName);
    if (credentials == null || credentials.isBlank()) {
      reading.problem(node, path, "environment variable " + envName + " is not set");
      return null;
    }
    return credentials;
  }

  /** A device name from the table, or a mapping (user-agent, viewport, scale, touch, mobile). */
  private Emulation device(Node node, String path) {
    if (node == null) {
      return null;
    }
    if (node instanceof ScalarNode named) {
      String name = named.text();
      if (name == null || name.isEmpty()) {
        return null;
      }
      var device = Devices.named(name, DeviceProfile.DEFAULT_LOCALE);
      if (device.isEmpty()) {
        reading.problem(
            node,
            path,
            "unknown device '" + name + "'; devices: " + String.join(", ", Devices.names()));
        return null;
      }
      return device.get();
    }
    if (!(node instanceof MapNode map)) {
      reading.problem(
          node, path, "expected a device name or a mapping (user-agent, viewport, scale)");
      return null;
    }
    yaml.keys(map, path, DEVICE_KEYS);
    String agent = yaml.scalar(map.value("user-agent"), path + ".user-agent");
    if (agent == null) {
      reading.problem(map, path + ".user-agent", "required");
    } else if (!YamlFields.printableAscii(agent, 512)) {
      reading.problem(map, path + ".user-agent", "must be printable ASCII, at most 512 characters");
      agent = null;
    }
    Node viewportNode = map.value("viewport");
    String viewport = yaml.scalar(viewportNode, path + ".viewport");
    Matcher size = viewport == null ? null : VIEWPORT.matcher(viewport);
    if (viewport == null) {
      reading.problem(map, path + ".viewport", "required, e.g. 390x844");
    } else if (!size.matches()) {
      reading.problem(viewportNode, path + ".viewport", "not WIDTHxHEIGHT: '" + viewport + "'");
      size = null;
    }
    double scale = 1;
    Node scaleNode = map.value("scale");
    String scaleText = yaml.scalar(scaleNode, path + ".scale");
    if (scaleText != null) {
      try {
        scale = Double.parseDouble(scaleText);
        if (!(scale >= 0.5 && scale <= 5)) {
          reading.problem(scaleNode, path + ".scale", "must be 0.5..5, was " + scaleText);
        }
      } catch (NumberFormatException e) {
        reading.problem(scaleNode, path + ".scale", "not a number: '" + scaleText + "'");
      }
    }
    boolean touch = yaml.bool(map, "touch", path, true);
    boolean mobile = yaml.bool(map, "mobile", path, touch);
    if (agent == null || size == null || !(scale >= 0.5 && scale <= 5)) {
      return null;
    }
    return new Emulation(
        Integer.parseInt(size.group(1)),
        Integer.parseInt(size.group(2)),
        scale,
        mobile,
        touch,
        agent,
        DeviceProfile.DEFAULT_LOCALE);
  }

  private Double degrees(MapNode map, String key, String path, double limit) {
    Node node = map.value(key);
    String text = yaml.scalar(node, path);
    if (text == null) {
      reading.problem(map, path, "required");
      return null;
    }
    try {
      double value = Double.parseDouble(text);
      if (Math.abs(value) <= limit) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    reading.problem(
        node, path, "must be a number -" + limit + ".." + limit + ", was '" + text + "'");
    return null;
  }
}
