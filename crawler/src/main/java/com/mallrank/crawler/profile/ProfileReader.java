package com.mallrank.crawler.profile;

import static com.mallrank.crawler.yaml.YamlFields.join;
import static com.mallrank.crawler.yaml.YamlFields.valueLine;

import com.mallrank.crawler.model.CaptureKeyword;
import com.mallrank.crawler.yaml.ConfigProblem;
import com.mallrank.crawler.yaml.YamlFields;
import com.mallrank.crawler.yaml.YamlTree.Entry;
import com.mallrank.crawler.yaml.YamlTree.ListNode;
import com.mallrank.crawler.yaml.YamlTree.MapNode;
import com.mallrank.crawler.yaml.YamlTree.Node;
import com.mallrank.crawler.yaml.YamlTree.ScalarNode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Turns a located YAML tree into a {@link SiteProfile}, collecting every problem instead of
 * stopping at the first. See {@code mallrank/profiles/sandbox-static.yml} for the documented keys.
 */
final class ProfileReader {

  private static final Set<String> ROOT_KEYS =
      Set.of(
          "id",
          "name",
          "mode",
          "search",
          "expect-cards",
          "cards",
          "items",
          "skip-cards",
          "dedupe",
          "fields",
          "sponsored",
          "markers",
          "fetch",
          "login");
  private static final Set<String> LOGIN_KEYS =
      Set.of("url-template", "qr", "logged-in", "logged-out", "logged-in-when-url-leaves");

  /** The fetch keys a HAR profile may have: the rest drive a browser. */
  private static final List<String> HAR_KEYS =
      List.of(
          "with",
          "mode",
          "capture-url",
          "capture-keyword",
          "capture-device",
          "items-pointer",
          "has-more-pointer");

  /** Every fetch key: a HAR profile's and those that drive a browser. */
  private static final Set<String> FETCH_KEYS =
      union(HAR_KEYS, List.of("load-more", "wait-for", "end", "actions", "subrequest-hosts"));

  private static final Set<String> SEARCH_KEYS =
      Set.of("url-template", "allowed-hosts", "allow-private-addresses", "requires-login");
  private static final Set<String> HTML_FIELD_KEYS =
      Set.of("select", "attr", "regex", "unit", "decimal-separator");
  private static final Set<String> JSON_FIELD_KEYS =
      Set.of("path", "regex", "unit", "decimal-separator");
  private static final Set<String> MARKER_GROUPS =
      Set.of("blocked", "login-required", "empty", "logged-in");

  /** Where a marker list is: what it may test. */
  private enum MarkerUse {
    /** blocked, login-required, empty: the page, its rendered DOM, its HTTP status */
    PAGE,
    /** logged-in: the page, its rendered DOM, the identity's cookies, the page's URL */
    LOGIN,
    /**
     * logged-in of a phone capture ({@code fetch.with: har}): the captured answer only. A {@code
     * select}, {@code cookie} or {@code url} proof could never hold on a capture, or would hold on
     * where the HAR file lies (its URL is the file's), so a logged-out capture would be ok
     */
    CAPTURED_LOGIN,
    /** skip-cards: one card, and what it lacks ({@code missing}) */
    CARD
  }

  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]*");
  private static final Pattern COOKIE_NAME = Pattern.compile("[A-Za-z0-9!#$%&'*+.^_`|~-]{1,128}");

  /** A profile's words for the common field problems. */
  static final YamlFields.Wording WORDING =
      new YamlFields.Wording(
          allowed -> "unknown key; allowed here: " + String.join(", ", allowed),
          "must be a single value",
          "must not be null",
          YamlFields.Blank.NULL_REFUSED,
          "required key is missing",
          "must be a list",
          "must be a mapping",
          text -> "must be true or false");

  private final String file;
  private final List<ConfigProblem> problems = new ArrayList<>();
  private final YamlFields yaml = new YamlFields(this::problem, WORDING);

  ProfileReader(String file) {
    this.file = file;
  }

  void problem(String keyPath, int line, String message) {
    problems.add(new ConfigProblem(file, line, keyPath, message));
  }

  List<ConfigProblem> problems() {
    return problems;
  }

  /** Reads the profile; returns {@code null} when there were problems. */
  SiteProfile read(Node root) {
    if (!(root instanceof MapNode map)) {
      problem("", root == null ? 0 : root.line(), "a profile must be a YAML mapping");
      return null;
    }
    yaml.keys(map, "", ROOT_KEYS);
    String id = yaml.string(map, "id", "", true);
    if (id != null && !ID.matcher(id).matches()) {
      problem("id", valueLine(map, "id"), "must be lower-case letters, digits and '-'");
    }
    String name = yaml.string(map, "name", "", false);
    ProfileMode mode = mode(map);
    SearchSettings search = search(map);
    boolean expectCards = yaml.bool(map, "expect-cards", "", true);
    Locator cards = mode == null ? null : cards(map, mode);
    List<Marker> skipCards =
        mode == null
            ? List.of()
            : markerList(map, "skip-cards", "skip-cards", mode, MarkerUse.CARD);
    boolean dedupe = dedupe(map);
    Map<FieldName, FieldRule> fields = mode == null ? Map.of() : fields(map, mode);
    SponsoredRule sponsored = mode == null ? null : sponsored(map, mode);
    FetchRule fetch = fetch(map);
    Markers markers = mode == null ? Markers.NONE : markers(map, mode, fetch.har());
    LoginRule login = login(map);
    if (!problems.isEmpty()) {
      return null;
    }
    return new SiteProfile(
        id,
        name == null ? id : name,
        mode,
        search,
        expectCards,
        cards,
        skipCards,
        dedupe,
        fields,
        sponsored,
        markers,
        fetch,
        login,
        file);
  }

  /** {@code dedupe: product-id} (drop repeated product ids) or {@code none} (the default). */
  private boolean dedupe(MapNode map) {
    return "product-id".equals(yaml.choice(map, "dedupe", "", false, null, "product-id", "none"));
  }

  /**
   * The optional {@code login:} mapping: {@code url-template} and {@code qr}, then either the
   * {@code logged-in} and {@code logged-out} selectors or {@code logged-in-when-url-leaves}.
   */
  private LoginRule login(MapNode root) {
    MapNode map = yaml.section(root, "login", "", false, LOGIN_KEYS);
    if (map == null) {
      return null;
    }
    String url = yaml.string(map, "url-template", "login", true);
    if (url != null) {
      try {
        new LoginRule(url, "", "", "").url("http://127.0.0.1");
      } catch (IllegalArgumentException e) {
        problem(
            "login.url-template",
            valueLine(map, "url-template"),
            "must be an absolute http(s) URL, {base} allowed: " + e.getMessage());
        url = null;
      }
    }
    String qr =
        css(map, "qr", "login", true) == null ? null : yaml.string(map, "qr", "login", true);
    if (map.entries().containsKey("logged-in-when-url-leaves")) {
      String leaves = yaml.string(map, "logged-in-when-url-leaves", "login", true);
      for (String key : List.of("logged-in", "logged-out")) {
        if (map.entries().containsKey(key)) {
          problem(
              "login." + key,
              map.entries().get(key).keyLine(),
              "not with logged-in-when-url-leaves: the page URL tells both states");
        }
      }
      if (leaves != null && (leaves.isBlank() || leaves.length() > 200)) {
        problem(
            "login.logged-in-when-url-leaves",
            valueLine(map, "logged-in-when-url-leaves"),
            "must be the part of the login page's URL that marks it, e.g. /account/login");
        leaves = null;
      }
      return url == null || qr == null || leaves == null
          ? null
          : new LoginRule(url, qr, null, null, leaves.strip());
    }
    String[] selectors = new String[2];
    String[] keys = {"logged-in", "logged-out"};
    for (int i = 0; i < keys.length; i++) {
      if (css(map, keys[i], "login", true) != null) {
        selectors[i] = yaml.string(map, keys[i], "login", true);
      }
    }
    if (url == null || qr == null || selectors[0] == null || selectors[1] == null) {
      return null;
    }
    return new LoginRule(url, qr, selectors[0], selectors[1]);
  }

  private FetchRule fetch(MapNode root) {
    MapNode map = yaml.section(root, "fetch", "", false, FETCH_KEYS);
    if (map == null) {
      return FetchRule.STATIC;
    }
    String with = yaml.choice(map, "with", "fetch", false, "static", "static", "browser", "har");
    String mode = yaml.choice(map, "mode", "fetch", false, "dom", "dom", "capture");
    boolean browser = "browser".equals(with);
    boolean har = "har".equals(with);
    boolean capture = "capture".equals(mode);
    String captureUrl = yaml.string(map, "capture-url", "fetch", false);
    String itemsPointer = pointer(map, "items-pointer");
    String hasMorePointer = pointer(map, "has-more-pointer");
    if (har) {
      for (String key : map.entries().keySet()) {
        if (!HAR_KEYS.contains(key)) {
          problem("fetch." + key, valueLine(map, key), "with: har takes " + HAR_KEYS + " only");
        }
      }
      if (!capture) {
        problem("fetch.mode", valueLine(map, "with"), "with: har needs mode: capture");
      }
    } else if (!browser && map.entries().size() > (map.entries().containsKey("with") ? 1 : 0)) {
      problem("fetch.with", valueLine(map, "with"), "the other fetch keys need with: browser");
    }
    if (captureUrl != null && captureUrl.startsWith("regex:")) {
      captureRegex(captureUrl.substring("regex:".length()), valueLine(map, "capture-url"));
    }
    if (capture && captureUrl == null) {
      problem("fetch.capture-url", map.line(), "mode: capture needs the URL pattern to capture");
    }
    CaptureKeyword captureKeyword = places(map, "capture-keyword");
    CaptureKeyword captureDevice =
        map.entries().containsKey("capture-device") ? places(map, "capture-device") : null;
    if (captureDevice != null && !har) {
      problem(
          "fetch.capture-device",
          valueLine(map, "capture-device"),
          "capture-device is for phone captures: it needs with: har");
    }
    if (!capture
        && (captureUrl != null
            || itemsPointer != null
            || hasMorePointer != null
            || map.entries().containsKey("capture-keyword"))) {
      problem("fetch.mode", valueLine(map, "mode"), "capture keys need mode: capture");
    }
    return new FetchRule(
        browser,
        capture,
        captureUrl,
        itemsPointer,
        hasMorePointer,
        cssOrNull(map, "load-more"),
        cssOrNull(map, "wait-for"),
        cssOrNull(map, "end"),
        new PageActionReader(this::problem).read(map.entries().get("actions")),
        har,
        subrequestHosts(map),
        captureKeyword,
        captureDevice);
  }

  /** A host name, an IP literal, {@code *.suffix} or {@code *}. */
  private static final Pattern HOST_PATTERN =
      Pattern.compile(
          "\\*|(\\*\\.)?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*"
              + "|\\[[0-9a-f:.]+\\]",
          Pattern.CASE_INSENSITIVE);

  /**
   * {@code fetch.subrequest-hosts}: the hosts a browser page's own requests may reach besides the
   * allow-list; absent = any public host, {@code []} = the allow-list only.
   */
  private List<String> subrequestHosts(MapNode map) {
    Entry entry = map.entries().get("subrequest-hosts");
    if (entry == null) {
      return FetchRule.ANY_PUBLIC_HOST;
    }
    List<String> hosts = new ArrayList<>();
    List<Node> items = yaml.list(entry, "fetch.subrequest-hosts");
    for (int i = 0; i < items.size(); i++) {
      String host = yaml.scalar(items.get(i), "fetch.subrequest-hosts[" + i + "]");
      if (host == null) {
        continue;
      }
      if (host.strip().length() > 253 || !HOST_PATTERN.matcher(host.strip()).matches()) {
        problem(
            "fetch.subrequest-hosts[" + i + "]",
            items.get(i).line(),
            "must be a host name, *.suffix or * (no scheme, port or path), was '" + host + "'");
      } else {
        hosts.add(host.strip());
      }
    }
    return hosts;
  }

  /**
   * {@code fetch.capture-keyword}: one location or a list ({@code form:keyword}, {@code
   * query:keyword}, {@code json:/search_text}); only with {@code mode: capture}.
   */
  /** {@code fetch.capture-keyword} or {@code fetch.capture-device}: places in a request. */
  private CaptureKeyword places(MapNode map, String key) {
    Entry entry = map.entries().get(key);
    if (entry == null) {
      return CaptureKeyword.ANY;
    }
    String path = "fetch." + key;
    List<Node> items =
        entry.value() instanceof ListNode list ? list.items() : List.of(entry.value());
    List<CaptureKeyword.Location> locations = new ArrayList<>();
    for (Node item : items) {
      String text = yaml.scalar(item, path);
      if (text == null) {
        continue;
      }
      try {
        locations.add(CaptureKeyword.parse(text.strip()));
      } catch (IllegalArgumentException e) {
        problem(path, item.line(), e.getMessage());
      }
    }
    if (locations.isEmpty() && problems.isEmpty()) {
      problem(
          path,
          entry.keyLine(),
          "must name at least one place (e.g. "
              + (key.equals("capture-device") ? "query:device_id" : "form:keyword")
              + ")");
    }
    return new CaptureKeyword(locations);
  }

  /** A capture URL regex must compile and must not backtrack exponentially on a long URL. */
  private void captureRegex(String regex, int line) {
    try {
      Pattern.compile(regex);
      RegexSafety.problem(regex).ifPresent(why -> problem("fetch.capture-url", line, why));
    } catch (PatternSyntaxException e) {
      problem(
          "fetch.capture-url",
          line,
          "invalid regex: " + e.getDescription() + " near index " + e.getIndex());
    }
  }

  private String pointer(MapNode map, String key) {
    String value = yaml.string(map, key, "fetch", false);
    if (value != null && !value.startsWith("/")) {
      problem(
          "fetch." + key, valueLine(map, key), "a JSON pointer starts with '/', e.g. /data/items");
    }
    return value;
  }

  private String cssOrNull(MapNode map, String key) {
    Locator locator = css(map, key, "fetch", false);
    return locator == null ? null : yaml.string(map, key, "fetch", false);
  }

  private ProfileMode mode(MapNode map) {
    String mode = yaml.choice(map, "mode", "", true, null, "html", "json");
    return mode == null ? null : mode.equals("html") ? ProfileMode.HTML : ProfileMode.JSON;
  }

  private SearchSettings search(MapNode root) {
    MapNode search = yaml.section(root, "search", "", true, SEARCH_KEYS);
    if (search == null) {
      return null;
    }
    String template = yaml.string(search, "url-template", "search", true);
    if (template != null
        && !template.contains("{keyword}")
        && !PageActionReader.typesKeyword(root.entries().get("fetch"))) {
      problem(
          "search.url-template",
          valueLine(search, "url-template"),
          "must contain the {keyword} placeholder (or a fetch action must fill it in)");
    }
    List<String> hosts = new ArrayList<>();
    Entry hostsEntry = search.entries().get("allowed-hosts");
    if (hostsEntry != null) {
      for (Node item : yaml.list(hostsEntry, "search.allowed-hosts")) {
        String host = yaml.scalar(item, "search.allowed-hosts");
        if (host != null) {
          hosts.add(host);
        }
      }
    }
    boolean allowPrivate = yaml.bool(search, "allow-private-addresses", "search", false);
    boolean requiresLogin = yaml.bool(search, "requires-login", "search", false);
    return template == null
        ? null
        : new SearchSettings(template, hosts, allowPrivate, requiresLogin);
  }

  private Locator cards(MapNode root, ProfileMode mode) {
    if (mode == ProfileMode.HTML) {
      forbid(root, "items", "is for json profiles; html profiles use cards.select");
      MapNode cards = yaml.section(root, "cards", "", true, Set.of("select"));
      if (cards == null) {
        return null;
      }
      return css(cards, "select", "cards", true);
    }
    forbid(root, "cards", "is for html profiles; json profiles use items");
    return jsonPath(root, "items", "", true);
  }

  private Map<FieldName, FieldRule> fields(MapNode root, ProfileMode mode) {
    MapNode fields = yaml.map(root, "fields", "", true);
    Map<FieldName, FieldRule> rules = new EnumMap<>(FieldName.class);
    if (fields == null) {
      return rules;
    }
    for (Entry entry : fields.entries().values()) {
      String path = "fields." + entry.key();
      Optional<FieldName> name = FieldName.fromKey(entry.key());
      if (name.isEmpty()) {
        problem(path, entry.keyLine(), "unknown field; known: " + fieldKeys());
        continue;
      }
      FieldRule rule = fieldRule(name.get(), entry, path, mode);
      if (rule != null) {
        rules.put(name.get(), rule);
      }
    }
    if (!fields.entries().containsKey(FieldName.PRODUCT_ID.key())) {
      problem(
          "fields.product-id", root.entries().get("fields").keyLine(), "required field is missing");
    }
    return rules;
  }

  private FieldRule fieldRule(FieldName name, Entry entry, String path, ProfileMode mode) {
    String locatorKey = mode == ProfileMode.HTML ? "select" : "path";
    if (entry.value() instanceof ScalarNode scalar) {
      Locator locator = locator(scalar.text(), mode, path, scalar.line());
      return locator == null ? null : new FieldRule(locator, List.of(), null, null, '.');
    }
    if (mode == ProfileMode.JSON && entry.value() instanceof ListNode) {
      Locator locator = jsonAlternatives(entry, path);
      return locator == null ? null : new FieldRule(locator, List.of(), null, null, '.');
    }
    if (!(entry.value() instanceof MapNode map)) {
      problem(path, entry.keyLine(), "must be a " + locatorKey + " or a mapping");
      return null;
    }
    yaml.keys(map, path, mode == ProfileMode.HTML ? HTML_FIELD_KEYS : JSON_FIELD_KEYS);
    Locator locator;
    if (mode == ProfileMode.HTML) {
      locator = css(map, "select", path, false);
      if (locator == null && !map.entries().containsKey("select")) {
        locator = Locator.css("");
      }
    } else {
      locator = jsonPath(map, "path", path, true);
    }
    List<String> attributes = new ArrayList<>();
    Entry attr = map.entries().get("attr");
    if (attr != null) {
      if (attr.value() instanceof ListNode) {
        for (Node item : yaml.list(attr, path + ".attr")) {
          String a = yaml.scalar(item, path + ".attr");
          if (a != null) {
            attributes.add(a);
          }
        }
      } else {
        String a = yaml.scalar(attr.value(), path + ".attr");
        if (a != null) {
          attributes.add(a);
        }
      }
    }
    Pattern regex = null;
    String regexText = yaml.string(map, "regex", path, false);
    if (regexText != null) {
      try {
        regex = Pattern.compile(regexText);
        if (regex.matcher("").groupCount() != 1) {
          problem(
              path + ".regex",
              valueLine(map, "regex"),
              "must have exactly one capturing group, has " + regex.matcher("").groupCount());
        }
        Optional<String> unsafe = RegexSafety.problem(regexText);
        if (unsafe.isPresent()) {
          problem(path + ".regex", valueLine(map, "regex"), unsafe.get());
          regex = null;
        }
      } catch (PatternSyntaxException e) {
        problem(
            path + ".regex",
            valueLine(map, "regex"),
            "invalid regex: " + e.getDescription() + " near index " + e.getIndex());
      }
    }
    NumberUnit unit = null;
    String unitText = yaml.string(map, "unit", path, false);
    if (unitText != null) {
      Optional<NumberUnit> parsed = NumberUnit.fromKey(unitText);
      if (parsed.isEmpty() || !parsed.get().appliesTo(name)) {
        problem(
            path + ".unit",
            valueLine(map, "unit"),
            "'"
                + unitText
                + "' is not a unit for "
                + name.key()
                + (name == FieldName.PRICE
                    ? " (yuan or fen)"
                    : name == FieldName.COMMISSION
                        ? " (percent or basis-points)"
                        : " (only price and commission have units)"));
      } else {
        unit = parsed.get();
      }
    }
    char separator = '.';
    String sep = yaml.string(map, "decimal-separator", path, false);
    if (sep != null) {
      if (sep.equals(".") || sep.equals(",")) {
        separator = sep.charAt(0);
      } else {
        problem(path + ".decimal-separator", valueLine(map, "decimal-separator"), "must be . or ,");
      }
    }
    if (locator == null) {
      return null;
    }
    return new FieldRule(locator, attributes, regex, unit, separator);
  }

  private SponsoredRule sponsored(MapNode root, ProfileMode mode) {
    Entry entry = root.entries().get("sponsored");
    if (entry == null) {
      return null;
    }
    if (entry.value() instanceof ScalarNode scalar) {
      Locator locator = locator(scalar.text(), mode, "sponsored", scalar.line());
      return locator == null ? null : new SponsoredRule(locator, null, null);
    }
    if (!(entry.value() instanceof MapNode map)) {
      problem("sponsored", entry.keyLine(), "must be a mapping");
      return null;
    }
    if (mode == ProfileMode.HTML) {
      yaml.keys(map, "sponsored", Set.of("select", "text"));
      Locator locator = css(map, "select", "sponsored", false);
      String text = yaml.string(map, "text", "sponsored", false);
      if (locator == null && text == null) {
        if (!map.entries().containsKey("select")) {
          problem("sponsored", entry.keyLine(), "needs select, text or both");
        }
        return null;
      }
      return new SponsoredRule(locator, text, null);
    }
    yaml.keys(map, "sponsored", Set.of("path", "equals"));
    Locator locator = jsonPath(map, "path", "sponsored", true);
    String equals = yaml.string(map, "equals", "sponsored", false);
    return locator == null ? null : new SponsoredRule(locator, null, equals);
  }

  /**
   * @param phoneCapture {@code fetch.with: har}: a phone's capture has no rendered page, no cookies
   *     of the account and no page URL (its URL is the HAR file's), so its login can be proven by
   *     the captured answer only ({@code path}, {@code text})
   */
  private Markers markers(MapNode root, ProfileMode mode, boolean phoneCapture) {
    MapNode markers = yaml.section(root, "markers", "", false, MARKER_GROUPS);
    if (markers == null) {
      return Markers.NONE;
    }
    return new Markers(
        markerList(markers, "blocked", "markers.blocked", mode, MarkerUse.PAGE),
        markerList(markers, "login-required", "markers.login-required", mode, MarkerUse.PAGE),
        markerList(markers, "empty", "markers.empty", mode, MarkerUse.PAGE),
        markerList(
            markers,
            "logged-in",
            "markers.logged-in",
            mode,
            phoneCapture ? MarkerUse.CAPTURED_LOGIN : MarkerUse.LOGIN));
  }

  private List<Marker> markerList(
      MapNode parent, String key, String keyPath, ProfileMode mode, MarkerUse use) {
    Entry entry = parent.entries().get(key);
    List<Marker> result = new ArrayList<>();
    if (entry == null) {
      return result;
    }
    List<Node> items = yaml.list(entry, keyPath);
    for (int i = 0; i < items.size(); i++) {
      String path = keyPath + "[" + i + "]";
      Node item = items.get(i);
      if (!(item instanceof MapNode map) || map.entries().isEmpty()) {
        problem(path, item.line(), "must be a mapping like {select: ...}, {text: ...}");
        continue;
      }
      Set<String> allowed = new java.util.HashSet<>();
      allowed.addAll(
          mode == ProfileMode.HTML ? Set.of("select", "text") : Set.of("path", "equals", "text"));
      switch (use) {
        case PAGE -> {
          allowed.add("http-status");
          allowed.add("select"); // json: tests a browser capture's rendered page ("dom")
        }
        case LOGIN -> {
          allowed.add("select");
          allowed.add("cookie");
          allowed.add("url");
        }
        case CARD -> allowed.add("missing"); // skip-cards: skip a card by what it lacks
        case CAPTURED_LOGIN -> {
          boolean refused = false;
          for (String proof : List.of("select", "cookie", "url")) {
            if (map.entries().containsKey(proof)) {
              problem(
                  path + "." + proof,
                  map.entries().get(proof).keyLine(),
                  "a phone capture (fetch.with: har) has no rendered page, no cookies of the"
                      + " account and no page URL: prove the login with a path or text of the"
                      + " captured answer");
              refused = true;
            }
          }
          if (refused) {
            continue;
          }
        }
      }
      yaml.keys(map, path, allowed);
      Set<String> present = new java.util.HashSet<>(map.entries().keySet());
      present.remove("equals");
      present.remove("missing");
      int before = result.size();
      present.retainAll(allowed);
      if (present.size() != 1) {
        List<String> kinds = new ArrayList<>(allowed);
        kinds.removeAll(List.of("equals", "missing"));
        kinds.sort(null);
        problem(path, map.line(), "must have exactly one of " + String.join(", ", kinds));
        continue;
      }
      String kind = present.iterator().next();
      switch (kind) {
        case "select" -> {
          Locator css = css(map, "select", path, true);
          if (css != null) {
            result.add(Marker.select(css));
          }
        }
        case "path" -> {
          Locator json = jsonPath(map, "path", path, true);
          if (json != null) {
            result.add(Marker.path(json, yaml.string(map, "equals", path, false)));
          }
        }
        case "text", "url" -> {
          String text = yaml.string(map, kind, path, true);
          if (text != null && !text.isEmpty()) {
            result.add(kind.equals("text") ? Marker.text(text) : Marker.url(text));
          } else if (text != null) {
            problem(path + "." + kind, valueLine(map, kind), "must not be empty");
          }
        }
        case "cookie" -> {
          String name = yaml.string(map, "cookie", path, true);
          if (name != null && COOKIE_NAME.matcher(name).matches()) {
            result.add(Marker.cookie(name));
          } else if (name != null) {
            problem(
                path + ".cookie",
                valueLine(map, "cookie"),
                "must be a cookie name (letters, digits and !#$%&'*+-.^_`|~), was '" + name + "'");
          }
        }
        default -> {
          String status = yaml.string(map, "http-status", path, true);
          if (status != null) {
            try {
              int code = Integer.parseInt(status);
              if (code < 100 || code > 599) {
                throw new NumberFormatException();
              }
              result.add(Marker.httpStatus(code));
            } catch (NumberFormatException e) {
              problem(
                  path + ".http-status",
                  valueLine(map, "http-status"),
                  "must be an HTTP status 100-599");
            }
          }
        }
      }
      if (map.entries().containsKey("missing")
          && yaml.bool(map, "missing", path, false)
          && result.size() > before) {
        result.set(before, result.get(before).whenMissing());
      }
    }
    return result;
  }

  // --- helpers -----------------------------------------------------------------------------

  private void forbid(MapNode map, String key, String why) {
    Entry entry = map.entries().get(key);
    if (entry != null) {
      problem(key, entry.keyLine(), why);
    }
  }

  private Locator css(MapNode map, String key, String path, boolean required) {
    String text = yaml.string(map, key, path, required);
    if (text == null) {
      return null;
    }
    return locator(text, ProfileMode.HTML, join(path, key), valueLine(map, key));
  }

  /** A JSON path, or a YAML list of alternatives (joined with {@code |}, see {@link JsonPath}). */
  private Locator jsonPath(MapNode map, String key, String path, boolean required) {
    Entry entry = map.entries().get(key);
    if (entry != null && entry.value() instanceof ListNode) {
      return jsonAlternatives(entry, join(path, key));
    }
    String text = yaml.string(map, key, path, required);
    if (text == null) {
      return null;
    }
    return locator(text, ProfileMode.JSON, join(path, key), valueLine(map, key));
  }

  private Locator jsonAlternatives(Entry entry, String keyPath) {
    List<String> alternatives = new ArrayList<>();
    for (Node item : yaml.list(entry, keyPath)) {
      String alternative = yaml.scalar(item, keyPath);
      if (alternative != null) {
        alternatives.add(alternative);
      }
    }
    if (alternatives.isEmpty()) {
      problem(keyPath, entry.keyLine(), "must not be an empty list");
      return null;
    }
    return locator(
        String.join(" | ", alternatives), ProfileMode.JSON, keyPath, entry.value().line());
  }

  private Locator locator(String text, ProfileMode mode, String path, int line) {
    if (text == null) {
      problem(path, line, "must not be null");
      return null;
    }
    if (mode == ProfileMode.HTML && text.toLowerCase(Locale.ROOT).contains(":matches")) {
      problem(
          path,
          line,
          "regex selectors (:matches, :matchesOwn, ...) run on every element without a step"
              + " bound; select the element and give the field a regex instead");
      return null;
    }
    try {
      return mode == ProfileMode.HTML ? Locator.css(text) : Locator.json(text);
    } catch (IllegalArgumentException e) {
      problem(path, line, e.getMessage());
      return null;
    }
  }

  private static Set<String> union(List<String> a, List<String> b) {
    Set<String> all = new java.util.HashSet<>(a);
    all.addAll(b);
    return Set.copyOf(all);
  }

  private static String fieldKeys() {
    List<String> keys = new ArrayList<>();
    for (FieldName name : FieldName.values()) {
      keys.add(name.key());
    }
    return String.join(", ", keys);
  }
}
