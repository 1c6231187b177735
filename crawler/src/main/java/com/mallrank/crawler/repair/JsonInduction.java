package com.mallrank.crawler.repair;

import com.fasterxml.jackson.databind.JsonNode;
import com.mallrank.crawler.model.Listing;
import com.mallrank.crawler.parse.CardReading;
import com.mallrank.crawler.profile.FieldName;
import com.mallrank.crawler.profile.FieldRule;
import com.mallrank.crawler.profile.Locator;
import com.mallrank.crawler.profile.Marker;
import com.mallrank.crawler.profile.SiteProfile;
import com.mallrank.crawler.profile.SponsoredRule;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * Repair of a json profile (an API answer, a browser capture's {@code responses[*]}, a streamed
 * body split into documents). Where the known product ids are in the document tells where the items
 * are: the array whose index tells the known products apart ({@code responses[*].data.goods_list},
 * not {@code responses[*]}, which several products share); each field's path is induced from where
 * its known values are inside the items, in the unit they are written in.
 */
final class JsonInduction extends Induction<JsonNode> {

  /** How deep the search for ids goes from the document's root. */
  static final int MAX_DEPTH = 64;

  /** The most nodes the search for ids visits. */
  static final int MAX_NODES = 2_000_000;

  /** How deep fields are looked for inside an item. */
  static final int ITEM_DEPTH = 12;

  /** The most nodes looked at inside one item. */
  static final int MAX_ITEM_NODES = 5_000;

  private final JsonNode root;
  private final List<Listing> known;
  private final CardReader<JsonNode> reader =
      new CardReader<>() {
        @Override
        public String read(JsonNode item, FieldName field, FieldRule rule) {
          return CardReader.stored(field, rule, CardReading.json(item, field, rule));
        }

        @Override
        public boolean sponsored(JsonNode item, SponsoredRule rule) {
          return CardReading.sponsored(item, rule);
        }
      };

  JsonInduction(SiteProfile old, JsonNode root, List<Listing> known, double minAgreement) {
    super(old, minAgreement);
    this.root = root;
    this.known = known;
  }

  Proposal run() {
    String oldItems = old.cards().expression();
    Set<String> ids = new HashSet<>();
    known.forEach(l -> ids.add(l.productId()));
    Map<String, List<List<Object>>> found = new LinkedHashMap<>();
    walk(
        root,
        MAX_DEPTH,
        MAX_NODES,
        (path, node) -> {
          String text = node.isValueNode() ? CardReading.text(node) : null;
          if (text != null && ids.contains(text)) {
            found.computeIfAbsent(text, k -> new ArrayList<>()).add(path);
          }
        });
    int needed = Math.min(3, ids.size());
    if (found.size() < needed) {
      return Proposal.failed(
          oldItems,
          "the known product ids are not in the new document ("
              + found.size()
              + " of "
              + ids.size()
              + " found): nothing to learn the new shape from");
    }
    ItemsChoice items = items(found, ids, oldItems);
    if (items == null) {
      return Proposal.failed(
          oldItems,
          "no items path reaches one item per known product: the known ids ("
              + found.size()
              + " found) are not in one list of items");
    }
    String newItems = items.path();
    if (!newItems.equals(oldItems) && oldItems.contains("|") && old.cards().all(root).isEmpty()) {
      // the alternatives keep reading the shapes they were written for; the new path joins them
      newItems = oldItems + " | " + items.path();
    }
    IdShape shape = IdShape.of(known.stream().map(Listing::productId).toList());
    List<JsonNode> kept = new ArrayList<>(items.items());
    kept.removeIf(item -> CardReading.skipped(item, old.skipCards()));
    IdDecision<JsonNode> id = productId(kept, match(kept, ids), shape);
    List<Match<JsonNode>> matches = match(id.cards(), ids);
    Chooser<JsonNode> chooser = chooser(id.cards(), matches, shape);
    Map<String, String> edits = new LinkedHashMap<>();
    List<String> notes = new ArrayList<>();
    if (!items.path().equals(oldItems)) {
      followItems(oldItems, items.path(), edits, notes);
    }
    return new Proposal(
        oldItems,
        newItems,
        fields(chooser, matches, id.outcome()),
        sponsored(chooser, matches),
        edits,
        id.skip(),
        notes,
        null);
  }

  @Override
  CardReader<JsonNode> reader() {
    return reader;
  }

  @Override
  boolean lacks(JsonNode item, String locator) {
    return Locator.json(locator).all(item).isEmpty();
  }

  // --- walking -----------------------------------------------------------------------------

  /**
   * Visits every node under {@code start} (itself included) with its path from {@code start} (field
   * names and indices), depth first, at most {@code depth} levels and {@code budget} nodes.
   */
  static void walk(
      JsonNode start, int depth, int budget, BiConsumer<List<Object>, JsonNode> visitor) {
    int[] left = {budget};
    walk(start, new ArrayList<>(), depth, left, visitor);
  }

  /** {@link #walk} over one item: {@link #ITEM_DEPTH} levels, {@link #MAX_ITEM_NODES} nodes. */
  private static void walkItem(JsonNode item, BiConsumer<List<Object>, JsonNode> visitor) {
    walk(item, ITEM_DEPTH, MAX_ITEM_NODES, visitor);
  }

  private static void walk(
      JsonNode node,
      List<Object> path,
      int depth,
      int[] left,
      BiConsumer<List<Object>, JsonNode> visitor) {
    if (left[0]-- <= 0) {
      return;
    }
    visitor.accept(List.copyOf(path), node);
    if (depth <= 0 || !node.isContainerNode()) {
      return;
    }
    if (node.isArray()) {
      for (int i = 0; i < node.size() && left[0] > 0; i++) {
        path.add(i);
        walk(node.get(i), path, depth - 1, left, visitor);
        path.remove(path.size() - 1);
      }
    } else {
      Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
      while (fields.hasNext() && left[0] > 0) {
        Map.Entry<String, JsonNode> field = fields.next();
        path.add(field.getKey());
        walk(field.getValue(), path, depth - 1, left, visitor);
        path.remove(path.size() - 1);
      }
    }
  }

  /**
   * The path as a profile writes it ({@code data.items[2].title}); indices before {@code
   * wildcardBefore} as {@code [*]}; {@code null} when a field name cannot be written in a path.
   */
  static String render(List<Object> path, int wildcardBefore) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < path.size(); i++) {
      Object step = path.get(i);
      if (step instanceof Integer index) {
        out.append('[').append(i < wildcardBefore ? "*" : index).append(']');
      } else {
        String name = (String) step;
        if (!writable(name)) {
          return null;
        }
        if (!out.isEmpty()) {
          out.append('.');
        }
        out.append(name);
      }
    }
    return out.toString();
  }

  private static boolean writable(String name) {
    if (name.isEmpty() || name.length() > 64 || !name.equals(name.strip())) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == '.' || c == '[' || c == ']' || c == '|' || c == '$' && i == 0 || c < 0x20) {
        return false;
      }
    }
    return true;
  }

  // --- the items ---------------------------------------------------------------------------

  /** The items path and the items it reaches, in document order. */
  private record ItemsChoice(String path, List<JsonNode> items) {}

  private ItemsChoice items(
      Map<String, List<List<Object>>> found, Set<String> ids, String oldItems) {
    ItemsChoice kept = tryItems(oldItems, found.keySet(), ids, true);
    if (kept != null) {
      return kept;
    }
    // the occurrences' shapes (indices as [*]), the one holding the most ids first
    Map<String, Map<String, List<Object>>> byShape = new LinkedHashMap<>();
    found.forEach(
        (id, paths) -> {
          for (List<Object> path : paths) {
            String shape = render(path, Integer.MAX_VALUE);
            if (shape != null) {
              byShape.computeIfAbsent(shape, k -> new LinkedHashMap<>()).putIfAbsent(id, path);
            }
          }
        });
    List<Map.Entry<String, Map<String, List<Object>>>> shapes = new ArrayList<>(byShape.entrySet());
    shapes.sort(
        Comparator.comparingInt(
                (Map.Entry<String, Map<String, List<Object>>> e) -> -e.getValue().size())
            .thenComparingInt(e -> e.getKey().length()));
    for (int s = 0; s < Math.min(8, shapes.size()); s++) {
      List<List<Object>> paths = new ArrayList<>(shapes.get(s).getValue().values());
      int boundary = boundary(paths);
      if (boundary < 0) {
        continue;
      }
      for (String path : itemPaths(paths, boundary)) {
        ItemsChoice choice = tryItems(path, found.keySet(), ids, false);
        if (choice != null) {
          return choice;
        }
      }
    }
    return null;
  }

  /**
   * The position of the array index that tells the products apart: the first index position at
   * which the occurrences' index prefixes are all different; -1 when none does.
   */
  private static int boundary(List<List<Object>> paths) {
    int length = paths.get(0).size();
    for (int j = 0; j < length; j++) {
      if (!(paths.get(0).get(j) instanceof Integer)) {
        continue;
      }
      Set<List<Object>> prefixes = new HashSet<>();
      boolean distinct = true;
      for (List<Object> path : paths) {
        List<Object> indices = new ArrayList<>();
        for (int k = 0; k <= j; k++) {
          if (path.get(k) instanceof Integer) {
            indices.add(path.get(k));
          }
        }
        distinct &= prefixes.add(indices);
      }
      if (distinct) {
        return j;
      }
    }
    return -1;
  }

  /**
   * The items paths to try: the array as a whole with every earlier index as {@code [*]}, then with
   * the earlier indices all occurrences share kept as they are (one section of several).
   */
  private static List<String> itemPaths(List<List<Object>> paths, int boundary) {
    List<Object> prefix = paths.get(0).subList(0, boundary);
    List<String> out = new ArrayList<>();
    String all = render(prefix, Integer.MAX_VALUE);
    if (all != null) {
      out.add(all);
    }
    List<Object> fixed = new ArrayList<>(prefix);
    boolean changed = false;
    for (int k = 0; k < prefix.size(); k++) {
      if (prefix.get(k) instanceof Integer index) {
        final int at = k;
        if (paths.stream().allMatch(p -> index.equals(p.get(at)))) {
          changed = true;
        } else {
          fixed.set(k, "*");
        }
      }
    }
    if (changed) {
      StringBuilder path = new StringBuilder();
      for (Object step : fixed) {
        if (step instanceof Integer index) {
          path.append('[').append(index).append(']');
        } else if (step.equals("*")) {
          path.append("[*]");
        } else {
          path.append(path.isEmpty() ? "" : ".").append(step);
        }
      }
      out.add(path.toString());
    }
    return out;
  }

  /**
   * The items a path reaches when they are items: none holding two known products, together at
   * least 90 % of the known products found ({@code all}: every one).
   */
  private ItemsChoice tryItems(String path, Set<String> present, Set<String> ids, boolean all) {
    Locator locator;
    try {
      locator = Locator.json(path);
    } catch (IllegalArgumentException e) {
      return null;
    }
    List<JsonNode> items = new ArrayList<>();
    for (JsonNode node : locator.all(root)) {
      if (node.isArray()) {
        node.elements().forEachRemaining(items::add);
      } else {
        items.add(node);
      }
    }
    if (items.isEmpty() || items.size() > HtmlInduction.MAX_CARDS) {
      return null;
    }
    Set<String> covered = new HashSet<>();
    for (JsonNode item : items) {
      Set<String> inside = idsIn(item, ids);
      if (inside.size() > 1) {
        return null;
      }
      covered.addAll(inside);
    }
    if (all ? covered.size() < present.size() : covered.size() < 0.9 * present.size()) {
      return null;
    }
    return new ItemsChoice(path, items);
  }

  private final Map<JsonNode, Set<String>> idsIn = new IdentityHashMap<>();

  /** The known ids an item holds (as a whole value anywhere in it). */
  private Set<String> idsIn(JsonNode item, Set<String> ids) {
    return idsIn.computeIfAbsent(
        item,
        i -> {
          Set<String> inside = new HashSet<>();
          walkItem(
              i,
              (path, node) -> {
                String text = node.isValueNode() ? CardReading.text(node) : null;
                if (text != null && ids.contains(text)) {
                  inside.add(text);
                }
              });
          return inside;
        });
  }

  private List<Match<JsonNode>> match(List<JsonNode> items, Set<String> ids) {
    return match(items, item -> idsIn(item, ids), known);
  }

  /**
   * What follows a renamed items array: the browser's {@code fetch.items-pointer} into one
   * response, when it named the old array; a note on markers naming it.
   */
  private void followItems(
      String oldItems, String newItems, Map<String, String> edits, List<String> notes) {
    String oldArray = inResponse(oldItems);
    String newArray = inResponse(newItems);
    String pointer = old.fetch().itemsPointer();
    if (pointer != null && oldArray != null && pointer.equals(pointer(oldArray))) {
      if (newArray != null && !newArray.contains("[")) {
        edits.put("fetch.items-pointer", pointer(newArray));
      } else {
        notes.add(
            "fetch.items-pointer "
                + pointer
                + " named the old items array; the new one ("
                + newItems
                + ") has no pointer in one response: set it by hand");
      }
    }
    if (oldArray == null) {
      return;
    }
    String name = oldArray.substring(oldArray.lastIndexOf('.') + 1);
    List<List<Marker>> groups =
        List.of(old.markers().blocked(), old.markers().loginRequired(), old.markers().empty());
    List<String> groupNames = List.of("blocked", "login-required", "empty");
    for (int g = 0; g < groups.size(); g++) {
      for (Marker marker : groups.get(g)) {
        if (marker.kind() == Marker.Kind.PATH
            && marker.locator().expression().contains(oldArray)
            && (newArray == null || !newArray.endsWith(name))) {
          notes.add(
              "markers."
                  + groupNames.get(g)
                  + ": '"
                  + marker.locator().expression()
                  + "' names the old items array ("
                  + name
                  + "): check it by hand");
        }
      }
    }
  }

  /** {@code data.items} of {@code responses[*].data.items} (one response's part), or null. */
  private static String inResponse(String items) {
    for (String alternative : items.split("\\|")) {
      String a = alternative.strip();
      if (a.startsWith("responses[*].")) {
        String rest = a.substring("responses[*].".length());
        return rest.endsWith("[*]") ? rest.substring(0, rest.length() - 3) : rest;
      }
    }
    return null;
  }

  private static String pointer(String dotted) {
    return "/" + dotted.replace('.', '/');
  }

  // --- candidates --------------------------------------------------------------------------

  @Override
  CandidatePool candidates(FieldName field, List<Match<JsonNode>> matches) {
    CandidatePool pool = new CandidatePool();
    for (Match<JsonNode> match : matches) {
      String value = KnownValues.of(match.known(), field);
      if (value == null) {
        continue;
      }
      walkItem(
          match.node(),
          (path, node) -> {
            if (!node.isValueNode() || path.isEmpty()) {
              return;
            }
            String text = CardReading.text(node);
            List<Transform> transforms = Transform.of(field, text, value);
            if (transforms.isEmpty()) {
              return;
            }
            String rendered = render(path, 0);
            if (rendered == null) {
              return;
            }
            double cost = path.size() * 0.5;
            for (Object step : path) {
              cost += step instanceof Integer ? 0.3 : 0;
            }
            for (Transform t : transforms) {
              pool.add(
                  new RuleSpec(List.of(rendered), List.of(), t.regex(), t.unit(), t.separator()),
                  cost + t.cost(),
                  match.card());
            }
          });
    }
    return pool;
  }

  @Override
  List<Chooser.SponsoredCandidate> sponsoredCandidates(List<Match<JsonNode>> matches) {
    SponsoredPool pool = new SponsoredPool();
    for (Match<JsonNode> match : matches) {
      if (!match.known().sponsored()) {
        continue;
      }
      walkItem(
          match.node(),
          (path, node) -> {
            String rendered = path.isEmpty() ? null : render(path, 0);
            if (rendered == null) {
              return;
            }
            double cost = 1 + path.size() * 0.5;
            pool.add(new SponsoredSpec(rendered, null, null), cost);
            if (node.isValueNode() && !node.isBoolean()) {
              String text = CardReading.text(node);
              if (text != null && text.length() <= 64) {
                pool.add(new SponsoredSpec(rendered, null, text), cost + 0.5);
              }
            }
          });
      pool.nextCard();
    }
    return pool.top();
  }
}
