package com.mallrank.crawler.profile;

import com.mallrank.crawler.yaml.YamlFields;
import com.mallrank.crawler.yaml.YamlTree.Entry;
import com.mallrank.crawler.yaml.YamlTree.ListNode;
import com.mallrank.crawler.yaml.YamlTree.MapNode;
import com.mallrank.crawler.yaml.YamlTree.Node;
import com.mallrank.crawler.yaml.YamlTree.ScalarNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads {@code fetch.actions}, reporting every problem with its line and key path ({@code
 * fetch.actions[2].fill.selector}). Each action is a mapping with exactly one action key and, for
 * the action that sends the search, {@code search: true}:
 *
 * <pre>
 * actions:
 *   - wait-for: "#SearchBarWrapper input"
 *   - fill: {selector: "#SearchBarWrapper input", text: "{keyword}"}
 *   - press: Enter                      # or {key: Enter, selector: "…"}
 *   - wait-for: {response: "**&#47;material_list*"}
 *   - scroll: window                    # or a container selector
 *   - wait: 500                         # milliseconds, at most 10000
 * </pre>
 *
 * Without {@code search: true}, the last {@code press} or {@code click} sends the search.
 */
final class PageActionReader {

  private static final Pattern KEY_NAME = Pattern.compile("[A-Za-z0-9]+(\\+[A-Za-z0-9]+)*");
  private static final Set<String> ACTION_KEYS =
      new TreeSet<>(Arrays.stream(PageAction.Kind.values()).map(PageAction.Kind::key).toList());

  /** The words of page actions' field problems: a profile's, but no value may be blank. */
  private static final YamlFields.Wording WORDING =
      new YamlFields.Wording(
          ProfileReader.WORDING.unknownKey(),
          "must be a single, non-empty value",
          null,
          YamlFields.Blank.REFUSED,
          ProfileReader.WORDING.required(),
          ProfileReader.WORDING.notList(),
          ProfileReader.WORDING.notMapping(),
          ProfileReader.WORDING.notBoolean());

  private final YamlFields yaml;

  /**
   * @param problems the profile's reader's
   */
  PageActionReader(YamlFields.Problems problems) {
    this.yaml = new YamlFields(problems, WORDING);
  }

  /**
   * Whether a {@code fetch} section's actions fill the keyword in (a {@code fill} whose text has
   * {@code {keyword}} or no text): then the search URL need not carry it, as on 精选联盟 whose page URL
   * has no keyword.
   */
  static boolean typesKeyword(Entry fetch) {
    if (fetch == null || !(fetch.value() instanceof MapNode map)) {
      return false;
    }
    Entry actions = map.entries().get("actions");
    if (actions == null || !(actions.value() instanceof ListNode list)) {
      return false;
    }
    for (Node item : list.items()) {
      Entry fill = item instanceof MapNode action ? action.entries().get("fill") : null;
      if (fill != null && fill.value() instanceof MapNode fillMap) {
        Entry text = fillMap.entries().get("text");
        if (text == null
            || (text.value() instanceof ScalarNode scalar
                && scalar.text() != null
                && scalar.text().contains("{keyword}"))) {
          return true;
        }
      }
    }
    return false;
  }

  /** The actions of {@code fetch.actions}, or an empty list when absent or invalid. */
  List<PageAction> read(Entry entry) {
    List<PageAction> actions = new ArrayList<>();
    if (entry == null) {
      return actions;
    }
    String listPath = "fetch.actions";
    if (!(entry.value() instanceof ListNode list)) {
      yaml.problem(listPath, entry.keyLine(), "must be a list of actions");
      return actions;
    }
    if (list.items().size() > PageAction.MAX_ACTIONS) {
      yaml.problem(listPath, entry.keyLine(), "at most " + PageAction.MAX_ACTIONS + " actions");
    }
    int searches = 0;
    for (int i = 0; i < list.items().size(); i++) {
      String path = listPath + "[" + i + "]";
      PageAction action = action(list.items().get(i), path);
      if (action != null) {
        actions.add(action);
        if (action.search() && ++searches == 2) {
          yaml.problem(path + ".search", action.line(), "only one action sends the search");
        }
      }
    }
    if (searches == 0) {
      for (int i = actions.size() - 1; i >= 0; i--) {
        PageAction.Kind kind = actions.get(i).kind();
        if (kind == PageAction.Kind.PRESS || kind == PageAction.Kind.CLICK) {
          actions.set(i, actions.get(i).asSearch());
          break;
        }
      }
    }
    return actions;
  }

  private PageAction action(Node node, String path) {
    if (!(node instanceof MapNode map)) {
      yaml.problem(path, node.line(), "must be a mapping like {click: …}; actions: " + ACTION_KEYS);
      return null;
    }
    List<Entry> actionEntries = new ArrayList<>();
    boolean search = false;
    for (Entry e : map.entries().values()) {
      if (ACTION_KEYS.contains(e.key())) {
        actionEntries.add(e);
      } else if (e.key().equals("search")) {
        String value = yaml.scalar(e.value(), path + ".search");
        if ("true".equals(value)) {
          search = true;
        } else if (!"false".equals(value)) {
          yaml.problem(path + ".search", e.value().line(), "must be true or false");
        }
      } else {
        yaml.problem(
            path + "." + e.key(),
            e.keyLine(),
            "unknown action; allowed here: " + String.join(", ", ACTION_KEYS) + ", search");
      }
    }
    if (actionEntries.size() != 1) {
      if (actionEntries.size() > 1) {
        yaml.problem(path, map.line(), "must have exactly one action, had " + actionEntries.size());
      } else if (map.entries().keySet().stream().allMatch(k -> k.equals("search"))) {
        yaml.problem(path, map.line(), "must have one of " + String.join(", ", ACTION_KEYS));
      }
      return null;
    }
    Entry e = actionEntries.get(0);
    String keyPath = path + "." + e.key();
    PageAction action =
        switch (e.key()) {
          case "fill" -> fill(e, keyPath);
          case "press" -> press(e, keyPath);
          case "click" -> selectorAction(PageAction.Kind.CLICK, e, keyPath);
          case "wait-for" -> waitFor(e, keyPath);
          case "scroll" -> scroll(e, keyPath);
          default -> waitMillis(e, keyPath);
        };
    return action == null || !search ? action : action.asSearch();
  }

  private PageAction fill(Entry e, String path) {
    MapNode map = mapping(e, path, Set.of("selector", "text"));
    if (map == null) {
      return null;
    }
    String selector = css(map, "selector", path, true);
    String text = yaml.string(map, "text", path, false);
    return selector == null
        ? null
        : new PageAction(
            PageAction.Kind.FILL,
            selector,
            text == null ? "{keyword}" : text,
            null,
            null,
            0,
            false,
            e.keyLine());
  }

  private PageAction press(Entry e, String path) {
    String key;
    String selector = null;
    if (e.value() instanceof MapNode) {
      MapNode map = mapping(e, path, Set.of("key", "selector"));
      key = yaml.string(map, "key", path, false);
      if (key == null) {
        yaml.problem(path + ".key", map.line(), "required key is missing");
        return null;
      }
      selector = css(map, "selector", path, false);
      path = path + ".key";
    } else {
      key = yaml.scalar(e.value(), path);
    }
    if (key == null) {
      return null;
    }
    if (key.length() > 40 || !KEY_NAME.matcher(key).matches()) {
      yaml.problem(
          path, e.value().line(), "must be a key name like Enter or Control+A, was '" + key + "'");
      return null;
    }
    return new PageAction(PageAction.Kind.PRESS, selector, null, key, null, 0, false, e.keyLine());
  }

  private PageAction selectorAction(PageAction.Kind kind, Entry e, String path) {
    String selector;
    if (e.value() instanceof MapNode) {
      MapNode map = mapping(e, path, Set.of("selector"));
      selector = map == null ? null : css(map, "selector", path, true);
    } else {
      selector = cssScalar(e.value(), path);
    }
    return selector == null
        ? null
        : new PageAction(kind, selector, null, null, null, 0, false, e.keyLine());
  }

  private PageAction waitFor(Entry e, String path) {
    if (!(e.value() instanceof MapNode)) {
      return selectorAction(PageAction.Kind.WAIT_FOR, e, path);
    }
    MapNode map = mapping(e, path, Set.of("selector", "response"));
    if (map == null) {
      return null;
    }
    boolean hasSelector = map.entries().containsKey("selector");
    boolean hasResponse = map.entries().containsKey("response");
    if (hasSelector == hasResponse) {
      yaml.problem(path, map.line(), "must have exactly one of selector, response");
      return null;
    }
    if (hasSelector) {
      return selectorAction(PageAction.Kind.WAIT_FOR, e, path);
    }
    String pattern = yaml.string(map, "response", path, false);
    if (pattern == null || !validPattern(pattern, path + ".response", map)) {
      return null;
    }
    return new PageAction(
        PageAction.Kind.WAIT_FOR, null, null, null, pattern, 0, false, e.keyLine());
  }

  private PageAction scroll(Entry e, String path) {
    String target = yaml.scalar(e.value(), path);
    if (target == null) {
      return null;
    }
    String selector = target.equals("window") ? null : cssScalar(e.value(), path);
    if (selector == null && !target.equals("window")) {
      return null;
    }
    return new PageAction(
        PageAction.Kind.SCROLL, selector, null, null, null, 0, false, e.keyLine());
  }

  private PageAction waitMillis(Entry e, String path) {
    String text = yaml.scalar(e.value(), path);
    if (text == null) {
      return null;
    }
    int millis;
    try {
      millis = Integer.parseInt(text);
    } catch (NumberFormatException ex) {
      millis = -1;
    }
    if (millis < 1 || millis > PageAction.MAX_WAIT_MILLIS) {
      yaml.problem(
          path,
          e.value().line(),
          "must be milliseconds, 1.." + PageAction.MAX_WAIT_MILLIS + ", was '" + text + "'");
      return null;
    }
    return new PageAction(PageAction.Kind.WAIT, null, null, null, null, millis, false, e.keyLine());
  }

  private boolean validPattern(String pattern, String path, MapNode map) {
    String problem = null;
    if (pattern.isBlank()) {
      problem = "must not be empty";
    } else if (pattern.startsWith("regex:")) {
      try {
        Pattern.compile(pattern.substring("regex:".length()));
      } catch (PatternSyntaxException ex) {
        problem = "invalid regex: " + ex.getDescription();
      }
    }
    if (problem != null) {
      yaml.problem(path, YamlFields.valueLine(map, "response"), problem);
      return false;
    }
    return true;
  }

  private MapNode mapping(Entry e, String path, Set<String> keys) {
    if (!(e.value() instanceof MapNode map)) {
      yaml.problem(path, e.keyLine(), "must be a mapping with " + new TreeSet<>(keys));
      return null;
    }
    yaml.keys(map, path, keys);
    return map;
  }

  private String css(MapNode map, String key, String path, boolean required) {
    Entry entry = map.entries().get(key);
    if (entry == null) {
      yaml.string(map, key, path, required); // reports it when required
      return null;
    }
    return cssScalar(entry.value(), path + "." + key);
  }

  private String cssScalar(Node node, String path) {
    String text = yaml.scalar(node, path);
    if (text == null) {
      return null;
    }
    try {
      Locator.css(text);
      return text;
    } catch (IllegalArgumentException ex) {
      yaml.problem(path, node.line(), ex.getMessage());
      return null;
    }
  }
}
