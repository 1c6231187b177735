package com.mallrank.batch.plan;

import com.mallrank.crawler.fetch.browser.DeviceProfile;
import com.mallrank.crawler.fetch.browser.Devices;
import com.mallrank.crawler.fetch.browser.Emulation;
import com.mallrank.crawler.net.UpstreamProxy;
import com.mallrank.crawler.yaml.ConfigProblem;
import com.mallrank.crawler.yaml.YamlTree;
import com.mallrank.crawler.yaml.YamlTree.Entry;
import com.mallrank.crawler.yaml.YamlTree.ListNode;
import com.mallrank.crawler.yaml.YamlTree.MapNode;
import com.mallrank.crawler.yaml.YamlTree.Node;
import com.mallrank.crawler.yaml.YamlTree.ScalarNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.convert.DurationStyle;

/**
 * Reads and validates a plan file. Every problem is reported with file, line and field, all at
 * once; a plan with any problem is refused as a whole. A matrix account's login state file is not
 * the plan's problem: one that cannot be used makes that account need a new login (see {@code
 * LoginStates}), never the whole plan invalid. The YAML is read the way site profiles are ({@link
 * YamlTree}, nodes that keep their line; a repeated key is a problem), and problems are the same
 * {@link ConfigProblem}s.
 */
public final class PlanLoader {

  /** The vantage of a logged-out shopper. */
  public static final String ANONYMOUS = "anonymous";

  static final int MAX_DEPTH = 60;
  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,39}");
  private static final Set<String> TOP_KEYS =
      Set.of("accounts", "groups", "keyword-files", ANONYMOUS);
  private static final Set<String> NETWORK_KEYS =
      Set.of(
          "proxy",
          "proxy-credentials",
          "proxy-credentials-env",
          "device",
          "locale",
          "timezone",
          "geolocation");
  private static final Set<String> ACCOUNT_KEYS =
      union(
          Set.of("id", "name", "shop-ids", "product-ids", "storage-state", "budget"), NETWORK_KEYS);
  private static final Set<String> ANONYMOUS_KEYS = union(Set.of("budget"), NETWORK_KEYS);
  private static final Set<String> BUDGET_KEYS = Set.of("per-minute", "per-day");
  private static final Set<String> DEVICE_KEYS =
      Set.of("user-agent", "viewport", "scale", "touch", "mobile");
  private static final Pattern LOCALE = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8})*");
  private static final Pattern ENV_NAME = Pattern.compile("[A-Z_][A-Z0-9_]{0,63}");
  private static final Pattern VIEWPORT = Pattern.compile("(\\d{2,4})x(\\d{2,4})");
  private static final Set<String> GROUP_KEYS =
      Set.of("name", "profile", "depth", "vantages", "keywords", "cadence", "window");

  private final Predicate<String> knownProfile;
  private final ZoneId zone;
  private final Function<String, String> environment;

  /**
   * @param knownProfile tells whether a profile id exists (built in or in the profiles folder)
   * @param zone the zone cadences are read in ({@code batch.zone})
   */
  public PlanLoader(Predicate<String> knownProfile, ZoneId zone) {
    this(knownProfile, zone, System::getenv);
  }

  /**
   * @param environment where {@code proxy-credentials-env} names are looked up (the process
   *     environment; tests give their own)
   */
  public PlanLoader(
      Predicate<String> knownProfile, ZoneId zone, Function<String, String> environment) {
    this.knownProfile = knownProfile;
    this.zone = zone;
    this.environment = environment;
  }

  /** A loader reading cadences in Beijing time, Douyin's. */
  public PlanLoader(Predicate<String> knownProfile) {
    this(knownProfile, ZoneId.of("Asia/Shanghai"));
  }

  public Plan load(Path file) {
    return load(file, List.of());
  }

  /**
   * Reads a plan as if its {@code keyword-files} also listed {@code extraKeywordFiles}: checks
   * keyword lists before they are added to the plan.
   */
  public Plan load(Path file, List<Path> extraKeywordFiles) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (java.nio.file.NoSuchFileException e) {
      throw new PlanException(
          List.of(new ConfigProblem(file.toString(), 0, "(file)", "cannot read: no such file")));
    } catch (IOException e) {
      throw new PlanException(
          List.of(new ConfigProblem(file.toString(), 0, "(file)", "cannot read: " + e)));
    }
    Reading reading = new Reading(file, extraKeywordFiles);
    Node root;
    try {
      root =
          YamlTree.parse(
              text, (key, line) -> reading.problem(line, key, "duplicate key (first one wins)"));
    } catch (YamlTree.SyntaxException e) {
      throw new PlanException(
          List.of(new ConfigProblem(file.toString(), e.line(), "(yaml)", e.getMessage())));
    }
    return reading.plan(root);
  }

  /** One pass over one file, collecting problems. */
  private final class Reading {
    private final Path file;
    private final List<ConfigProblem> problems = new ArrayList<>();
    private final List<Path> extraKeywordFiles;

    Reading(Path file, List<Path> extraKeywordFiles) {
      this.file = file;
      this.extraKeywordFiles = extraKeywordFiles;
    }

    Plan plan(Node root) {
      if (!(root instanceof MapNode map)) {
        problem(root, "(root)", "expected a mapping with 'accounts' and 'groups'");
        throw new PlanException(problems);
      }
      checkKeys(map, "", TOP_KEYS);
      List<MatrixAccount> accounts = new ArrayList<>();
      Set<String> accountIds = new HashSet<>();
      Map<String, IdentityBudget> budgets = new LinkedHashMap<>();
      Node anonymousNode = value(map, "anonymous");
      if (anonymousNode != null) {
        if (anonymousNode instanceof MapNode anonymous) {
          checkKeys(anonymous, "anonymous.", ANONYMOUS_KEYS);
          IdentityBudget budget = budget(value(anonymous, "budget"), "anonymous.budget");
          if (budget != null) {
            budgets.put(ANONYMOUS, budget);
          }
        } else {
          problem(
              anonymousNode,
              "anonymous",
              "expected a mapping (budget, proxy, device, locale, timezone)");
        }
      }
      Node accountsNode = value(map, "accounts");
      for (Indexed item : sequence(accountsNode, "accounts")) {
        MatrixAccount account = account(item.node(), item.path());
        if (account != null && item.node() instanceof MapNode accountMap) {
          IdentityBudget budget = budget(value(accountMap, "budget"), item.path() + ".budget");
          if (budget != null) {
            budgets.put(account.id(), budget);
          }
        }
        if (account != null) {
          if (!accountIds.add(account.id())) {
            problem(
                item.node(), item.path() + ".id", "duplicate account id '" + account.id() + "'");
          }
          accounts.add(account);
        }
      }
      List<KeywordGroup> groups = new ArrayList<>();
      Set<String> groupNames = new HashSet<>();
      Node groupsNode = value(map, "groups");
      if (groupsNode == null) {
        problem(map, "groups", "required: at least one keyword group");
      }
      for (Indexed item : sequence(groupsNode, "groups")) {
        KeywordGroup group = group(item.node(), item.path(), accountIds);
        if (group != null) {
          if (!groupNames.add(group.name())) {
            problem(item.node(), item.path() + ".name", "duplicate group '" + group.name() + "'");
          }
          groups.add(group);
        }
      }
      groups = withKeywordFiles(value(map, "keyword-files"), groups);
      IdentityNetwork anonymous = IdentityNetwork.DEFAULT;
      if (anonymousNode instanceof MapNode anonymousMap) {
        anonymous = network(anonymousMap, ANONYMOUS); // its keys were checked above
      }
      if (!problems.isEmpty()) {
        throw new PlanException(problems);
      }
      return new Plan(file, accounts, groups, budgets, anonymous);
    }

    /** A {@code budget: {per-minute: N, per-day: M}} mapping, or null when absent or bad. */
    private IdentityBudget budget(Node node, String path) {
      if (node == null) {
        return null;
      }
      if (!(node instanceof MapNode map)) {
        problem(node, path, "expected a mapping (per-minute, per-day)");
        return null;
      }
      checkKeys(map, path + ".", BUDGET_KEYS);
      int before = problems.size();
      Integer perMinute = limit(value(map, "per-minute"), path + ".per-minute");
      Integer perDay = limit(value(map, "per-day"), path + ".per-day");
      if (problems.size() > before) {
        return null;
      }
      if (perMinute == null && perDay == null) {
        problem(map, path, "set per-minute, per-day or both");
        return null;
      }
      return new IdentityBudget(perMinute, perDay);
    }

    private Integer limit(Node node, String path) {
      String text = scalar(node, path);
      if (text == null) {
        return null;
      }
      int limit;
      try {
        limit = Integer.parseInt(text.strip());
      } catch (NumberFormatException e) {
        problem(node, path, "not a whole number: '" + text.strip() + "'");
        return null;
      }
      if (limit < 1 || limit > IdentityBudget.MAX) {
        problem(node, path, "must be 1.." + IdentityBudget.MAX + ", was " + limit);
        return null;
      }
      return limit;
    }

    /** Adds the rows of the plan's CSV keyword lists to their groups. */
    private List<KeywordGroup> withKeywordFiles(Node filesNode, List<KeywordGroup> groups) {
      Map<String, List<String>> keywords = new LinkedHashMap<>();
      Map<String, Map<String, Integer>> depths = new LinkedHashMap<>();
      for (KeywordGroup group : groups) {
        keywords.put(group.name(), new ArrayList<>(group.keywords()));
        depths.put(group.name(), new LinkedHashMap<>(group.depths()));
      }
      List<Path> files = new ArrayList<>();
      for (Indexed item : sequence(filesNode, "keyword-files")) {
        String name = scalar(item.node(), item.path());
        if (name == null) {
          continue;
        }
        Path csv = resolveBesidePlan(name);
        if (!Files.isRegularFile(csv)) {
          problem(item.node(), item.path(), "no such keyword list: " + csv);
          continue;
        }
        files.add(csv);
      }
      files.addAll(extraKeywordFiles);
      for (Path csv : files) {
        KeywordCsv.Result result = KeywordCsv.read(csv);
        problems.addAll(result.problems());
        for (KeywordCsv.Row row : result.rows()) {
          List<String> list = keywords.get(row.group());
          if (list == null) {
            problems.add(
                new ConfigProblem(
                    csv.toString(),
                    row.line(),
                    "group",
                    "unknown group '" + row.group() + "'; groups: " + keywords.keySet()));
          } else if (list.contains(row.keyword())) {
            problems.add(
                new ConfigProblem(
                    csv.toString(),
                    row.line(),
                    "keyword",
                    "duplicate keyword '" + row.keyword() + "' in group '" + row.group() + "'"));
          } else {
            list.add(row.keyword());
            if (row.depth() != null) {
              depths.get(row.group()).put(row.keyword(), row.depth());
            }
          }
        }
      }
      List<KeywordGroup> merged = new ArrayList<>();
      for (KeywordGroup g : groups) {
        merged.add(
            new KeywordGroup(
                g.name(),
                g.profile(),
                g.depth(),
                g.vantages(),
                keywords.get(g.name()),
                g.cadence(),
                depths.get(g.name())));
      }
      return merged;
    }

    private Path resolveBesidePlan(String name) {
      Path path = Path.of(name);
      Path folder = file.toAbsolutePath().getParent();
      return path.isAbsolute() || folder == null ? path : folder.resolve(path).normalize();
    }

    private MatrixAccount account(Node node, String path) {
      if (!(node instanceof MapNode map)) {
        problem(node, path, "expected a mapping (id, name, shop-ids, product-ids)");
        return null;
      }
      checkKeys(map, path + ".", ACCOUNT_KEYS);
      String id = requiredId(map, path + ".id");
      String name = scalar(value(map, "name"), path + ".name");
      Set<String> shops = idSet(value(map, "shop-ids"), path + ".shop-ids");
      Set<String> products = idSet(value(map, "product-ids"), path + ".product-ids");
      if (shops.isEmpty() && products.isEmpty()) {
        problem(map, path, "an account needs shop-ids or product-ids to own listings");
      }
      // A state file that is missing, too open or expired is that account's trouble only, not the
      // plan's: its samples are skipped as needs-login and `plan validate` warns (LoginStates).
      String stateText = scalar(value(map, "storage-state"), path + ".storage-state");
      Path state = stateText == null ? null : Path.of(stateText);
      IdentityNetwork network = network(map, path);
      return id == null
          ? null
          : new MatrixAccount(id, name == null ? id : name, shops, products, state, network);
    }

    /**
     * An identity's own proxy, device, locale, time zone and place (issue 10 item 2). Credentials
     * never come from the plan: a proxy URL holding any is refused; they are read from an
     * owner-only secret file or an environment variable, and never shown.
     */
    private IdentityNetwork network(MapNode map, String path) {
      UpstreamProxy proxy = proxy(map, path);
      Emulation device = device(value(map, "device"), path + ".device");
      Node localeNode = value(map, "locale");
      String locale = scalar(localeNode, path + ".locale");
      if (locale == null) {
        locale = DeviceProfile.DEFAULT_LOCALE;
      } else if (!LOCALE.matcher(locale).matches()) {
        problem(localeNode, path + ".locale", "not a locale: '" + locale + "' (e.g. zh-CN)");
        locale = DeviceProfile.DEFAULT_LOCALE;
      }
      Node zoneNode = value(map, "timezone");
      String timezone = scalar(zoneNode, path + ".timezone");
      if (timezone == null) {
        timezone = DeviceProfile.DEFAULT_TIMEZONE;
      } else {
        try {
          ZoneId.of(timezone);
        } catch (DateTimeException e) {
          problem(
              zoneNode,
              path + ".timezone",
              "unknown time zone '" + timezone + "' (e.g. Asia/Shanghai)");
          timezone = DeviceProfile.DEFAULT_TIMEZONE;
        }
      }
      Double latitude = null;
      Double longitude = null;
      Node geoNode = value(map, "geolocation");
      if (geoNode instanceof MapNode geo) {
        checkKeys(geo, path + ".geolocation.", Set.of("latitude", "longitude"));
        latitude = degrees(geo, "latitude", path + ".geolocation.latitude", 90);
        longitude = degrees(geo, "longitude", path + ".geolocation.longitude", 180);
        if (latitude == null || longitude == null) {
          latitude = null;
          longitude = null;
        }
      } else if (geoNode != null) {
        problem(geoNode, path + ".geolocation", "expected a mapping (latitude, longitude)");
      }
      return new IdentityNetwork(proxy, device, locale, timezone, latitude, longitude);
    }

    private UpstreamProxy proxy(MapNode map, String path) {
      Node urlNode = value(map, "proxy");
      String url = scalar(urlNode, path + ".proxy");
      Node fileNode = value(map, "proxy-credentials");
      String fileText = scalar(fileNode, path + ".proxy-credentials");
      Node envNode = value(map, "proxy-credentials-env");
      String envName = scalar(envNode, path + ".proxy-credentials-env");
      if (url == null) {
        if (fileText != null || envName != null) {
          problem(
              fileText != null ? fileNode : envNode,
              path + (fileText != null ? ".proxy-credentials" : ".proxy-credentials-env"),
              "credentials without a proxy");
        }
        return null;
      }
      UpstreamProxy proxy;
      try {
        proxy = UpstreamProxy.parse(url);
      } catch (IllegalArgumentException e) {
        // the message never repeats the URL: it may hold a password
        problem(urlNode, path + ".proxy", e.getMessage());
        return null;
      }
      if (fileText != null && envName != null) {
        problem(
            envNode,
            path + ".proxy-credentials-env",
            "give proxy-credentials or proxy-credentials-env, not both");
        return proxy;
      }
      String credentials = null;
      if (fileText != null) {
        Path secret = resolveBesidePlan(fileText);
        var insecure = SecretFiles.problem(secret);
        if (insecure.isPresent()) {
          problem(fileNode, path + ".proxy-credentials", insecure.get());
          return proxy;
        }
        try {
          credentials = Files.readString(secret, StandardCharsets.UTF_8);
        } catch (IOException e) {
          problem(fileNode, path + ".proxy-credentials", "cannot read " + secret);
          return proxy;
        }
      } else if (envName != null) {
        if (!ENV_NAME.matcher(envName).matches()) {
          problem(envNode, path + ".proxy-credentials-env", "not an environment variable name");
          return proxy;
        }
        credentials = environment.apply(envName);
        if (credentials == null || credentials.isBlank()) {
          problem(
              envNode,
              path + ".proxy-credentials-env",
              "environment variable " + envName + " is not set");
          return proxy;
        }
      }
      if (credentials == null) {
        return proxy;
      }
      try {
        return proxy.withCredentials(credentials);
      } catch (IllegalArgumentException e) {
        problem(
            fileText != null ? fileNode : envNode,
            path + (fileText != null ? ".proxy-credentials" : ".proxy-credentials-env"),
            e.getMessage());
        return proxy;
      }
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
          problem(
              node,
              path,
              "unknown device '" + name + "'; devices: " + String.join(", ", Devices.names()));
          return null;
        }
        return device.get();
      }
      if (!(node instanceof MapNode map)) {
        problem(node, path, "expected a device name or a mapping (user-agent, viewport, scale)");
        return null;
      }
      checkKeys(map, path + ".", DEVICE_KEYS);
      String agent = scalar(value(map, "user-agent"), path + ".user-agent");
      if (agent == null) {
        problem(map, path + ".user-agent", "required");
      } else if (agent.length() > 512 || agent.chars().anyMatch(c -> c < 0x20 || c > 0x7e)) {
        problem(map, path + ".user-agent", "must be printable ASCII, at most 512 characters");
        agent = null;
      }
      Node viewportNode = value(map, "viewport");
      String viewport = scalar(viewportNode, path + ".viewport");
      Matcher size = viewport == null ? null : VIEWPORT.matcher(viewport);
      if (viewport == null) {
        problem(map, path + ".viewport", "required, e.g. 390x844");
      } else if (!size.matches()) {
        problem(viewportNode, path + ".viewport", "not WIDTHxHEIGHT: '" + viewport + "'");
        size = null;
      }
      double scale = 1;
      Node scaleNode = value(map, "scale");
      String scaleText = scalar(scaleNode, path + ".scale");
      if (scaleText != null) {
        try {
          scale = Double.parseDouble(scaleText);
          if (!(scale >= 0.5 && scale <= 5)) {
            problem(scaleNode, path + ".scale", "must be 0.5..5, was " + scaleText);
          }
        } catch (NumberFormatException e) {
          problem(scaleNode, path + ".scale", "not a number: '" + scaleText + "'");
        }
      }
      boolean touch = flag(map, "touch", path + ".touch", true);
      boolean mobile = flag(map, "mobile", path + ".mobile", touch);
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

    private boolean flag(MapNode map, String key, String path, boolean otherwise) {
      Node node = value(map, key);
      String text = scalar(node, path);
      if (text == null) {
        return otherwise;
      }
      if (!text.equals("true") && !text.equals("false")) {
        problem(node, path, "must be true or false, was '" + text + "'");
        return otherwise;
      }
      return Boolean.parseBoolean(text);
    }

    private Double degrees(MapNode map, String key, String path, double limit) {
      Node node = value(map, key);
      String text = scalar(node, path);
      if (text == null) {
        problem(map, path, "required");
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
      problem(node, path, "must be a number -" + limit + ".." + limit + ", was '" + text + "'");
      return null;
    }

    private KeywordGroup group(Node node, String path, Set<String> accountIds) {
      if (!(node instanceof MapNode map)) {
        problem(node, path, "expected a mapping (name, profile, depth, vantages, keywords)");
        return null;
      }
      checkKeys(map, path + ".", GROUP_KEYS);
      String name = requiredId(map, path + ".name");
      Node profileNode = value(map, "profile");
      String profile = scalar(profileNode, path + ".profile");
      if (profile == null) {
        problem(map, path + ".profile", "required: a site profile id, e.g. sandbox-static");
      } else if (!knownProfile.test(profile)) {
        problem(profileNode, path + ".profile", "unknown site profile '" + profile + "'");
      }
      int depth = 20;
      Node depthNode = value(map, "depth");
      String depthText = scalar(depthNode, path + ".depth");
      if (depthText != null) {
        try {
          depth = Integer.parseInt(depthText);
          if (depth < 1 || depth > MAX_DEPTH) {
            problem(depthNode, path + ".depth", "must be 1.." + MAX_DEPTH + ", was " + depth);
          }
        } catch (NumberFormatException e) {
          problem(depthNode, path + ".depth", "not a whole number: '" + depthText + "'");
        }
      }
      List<String> vantages = new ArrayList<>();
      Node vantagesNode = value(map, "vantages");
      if (vantagesNode == null) {
        vantages.add(ANONYMOUS);
      }
      for (Indexed item : sequence(vantagesNode, path + ".vantages")) {
        String vantage = scalar(item.node(), item.path());
        if (vantage == null) {
          continue;
        }
        if (!vantage.equals(ANONYMOUS) && !accountIds.contains(vantage)) {
          problem(
              item.node(),
              item.path(),
              "unknown vantage '" + vantage + "': use 'anonymous' or an account id " + accountIds);
        } else if (vantages.contains(vantage)) {
          problem(item.node(), item.path(), "duplicate vantage '" + vantage + "'");
        } else {
          vantages.add(vantage);
        }
      }
      Node keywordsNode = value(map, "keywords");
      if (keywordsNode == null) {
        problem(map, path + ".keywords", "required: at least one keyword");
      }
      Set<String> keywords = new LinkedHashSet<>();
      for (Indexed item : sequence(keywordsNode, path + ".keywords")) {
        String keyword = scalar(item.node(), item.path());
        if (keyword == null || keyword.isBlank()) {
          problem(item.node(), item.path(), "a keyword cannot be blank");
        } else if (Keywords.problem(keyword.strip()).isPresent()) {
          problem(item.node(), item.path(), Keywords.problem(keyword.strip()).get());
        } else if (!keywords.add(keyword.strip())) {
          problem(item.node(), item.path(), "duplicate keyword '" + keyword.strip() + "'");
        }
      }
      Cadence cadence = cadence(map, path);
      if (name == null || profile == null || cadence == null) {
        return null;
      }
      return new KeywordGroup(
          name, profile, depth, vantages, List.copyOf(keywords), cadence, Map.of());
    }

    /** The group's cadence (default hourly) and window, or null after a problem. */
    private Cadence cadence(MapNode map, String path) {
      Node cronNode = value(map, "cadence");
      String cron = scalar(cronNode, path + ".cadence");
      Node windowNode = value(map, "window");
      String windowText = scalar(windowNode, path + ".window");
      Duration window = Cadence.DEFAULT_WINDOW;
      boolean ok = true;
      if (windowText != null) {
        try {
          window = DurationStyle.detectAndParse(windowText);
          if (window.isNegative() || window.isZero()) {
            problem(windowNode, path + ".window", "must be positive, was '" + windowText + "'");
            ok = false;
          }
        } catch (IllegalArgumentException e) {
          problem(
              windowNode,
              path + ".window",
              "not a duration: '" + windowText + "' (use e.g. 30m, 10m, 1h)");
          ok = false;
        }
      }
      try {
        Cadence cadence = new Cadence(cron == null ? Cadence.DEFAULT_CRON : cron, zone, window);
        return ok ? cadence : null;
      } catch (IllegalArgumentException e) {
        problem(
            cronNode,
            path + ".cadence",
            "invalid cron '"
                + cron
                + "': "
                + e.getMessage()
                + " (six fields: second minute hour day month weekday, e.g. '0 5 * * * *')");
        return null;
      }
    }

    private String requiredId(MapNode map, String path) {
      Node node = value(map, path.substring(path.lastIndexOf('.') + 1));
      String id = scalar(node, path);
      if (id == null) {
        problem(map, path, "required");
      } else if (!ID.matcher(id).matches()) {
        problem(node, path, "'" + id + "' must be lower-case letters, digits, '-' or '_'");
        return null;
      }
      return id;
    }

    private Set<String> idSet(Node node, String path) {
      Set<String> ids = new LinkedHashSet<>();
      for (Indexed item : sequence(node, path)) {
        String id = scalar(item.node(), item.path());
        if (id != null && !ids.add(id)) {
          problem(item.node(), item.path(), "duplicate id '" + id + "'");
        }
      }
      return ids;
    }

    private void checkKeys(MapNode map, String prefix, Set<String> allowed) {
      for (Entry entry : map.entries().values()) {
        if (!allowed.contains(entry.key())) {
          problem(
              entry.keyLine(),
              prefix + entry.key(),
              "unknown key; expected one of " + allowed.stream().sorted().toList());
        }
      }
    }

    private List<Indexed> sequence(Node node, String path) {
      if (node == null) {
        return List.of();
      }
      if (!(node instanceof ListNode seq)) {
        problem(node, path, "expected a list");
        return List.of();
      }
      List<Indexed> items = new ArrayList<>();
      for (int i = 0; i < seq.items().size(); i++) {
        items.add(new Indexed(seq.items().get(i), path + "[" + i + "]"));
      }
      return items;
    }

    private String scalar(Node node, String path) {
      if (node == null) {
        return null;
      }
      if (!(node instanceof ScalarNode scalar)) {
        problem(node, path, "expected a single value");
        return null;
      }
      String value = scalar.text();
      return value == null || value.isEmpty() ? null : value;
    }

    private Node value(MapNode map, String key) {
      return map.value(key);
    }

    private void problem(Node node, String field, String message) {
      problem(node == null ? 0 : node.line(), field, message);
    }

    void problem(int line, String field, String message) {
      problems.add(new ConfigProblem(file.toString(), line, field, message));
    }
  }

  private record Indexed(Node node, String path) {}

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> all = new HashSet<>(a);
    all.addAll(b);
    return Set.copyOf(all);
  }
}
