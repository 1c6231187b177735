package com.mallrank.crawler.repair;

import com.mallrank.crawler.profile.FieldName;
import com.mallrank.crawler.profile.ProfileMode;
import com.mallrank.crawler.yaml.YamlTree;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Writes a {@link Proposal} into the old profile's text, key by key: only what the repair changed
 * is touched (a field's selector line, its {@code attr}, {@code regex} or {@code unit}); a JSON
 * list of alternatives gets the new path added at its end, so the shapes it was written for keep
 * reading.
 */
final class ProfileEdits {

  private static final List<String> HTML_KEYS =
      List.of("select", "attr", "regex", "unit", "decimal-separator");
  private static final List<String> JSON_KEYS =
      List.of("path", "regex", "unit", "decimal-separator");
  private static final List<String> FIELD_ORDER = fieldOrder();

  private ProfileEdits() {}

  static String apply(String oldText, ProfileMode mode, Proposal proposal) {
    ProfileText text = new ProfileText(oldText);
    if (!proposal.newCards().equals(proposal.oldCards())) {
      if (mode == ProfileMode.HTML) {
        text.replace(List.of("cards", "select"), new ProfileText.Scalar(proposal.newCards()));
      } else {
        locator(
            text,
            List.of("items"),
            alternatives(proposal.oldCards()),
            alternatives(proposal.newCards()));
      }
    }
    for (FieldOutcome outcome : proposal.fields().values()) {
      if (outcome.changed()) {
        field(text, mode, outcome.field(), outcome.old(), outcome.proposed());
      }
    }
    Proposal.SponsoredOutcome sponsored = proposal.sponsored();
    if (sponsored != null && sponsored.changed()) {
      sponsored(text, mode, sponsored.old(), sponsored.proposed());
    }
    proposal
        .otherEdits()
        .forEach(
            (key, value) -> text.replace(List.of(key.split("\\.")), new ProfileText.Scalar(value)));
    if (proposal.skip() != null) {
      Map<String, String> skip = new LinkedHashMap<>();
      skip.put(mode == ProfileMode.HTML ? "select" : "path", proposal.skip());
      skip.put("missing", "true");
      if (!text.appendItem("skip-cards", mode == ProfileMode.HTML ? "cards" : "items", skip)) {
        throw new IllegalStateException("skip-cards is a flow list: add the rule by hand");
      }
    }
    return text.text();
  }

  private static void field(
      ProfileText text, ProfileMode mode, FieldName field, RuleSpec old, RuleSpec neu) {
    List<String> path = List.of("fields", field.key());
    YamlTree.Entry entry = text.entry(path);
    boolean html = mode == ProfileMode.HTML;
    if (entry == null || old == null) {
      text.setKey(List.of("fields"), field.key(), full(neu, html), FIELD_ORDER);
      return;
    }
    if (!(entry.value() instanceof YamlTree.MapNode)) {
      if (locatorOnly(neu)) {
        locator(text, path, old.locators(), neu.locators());
      } else {
        text.replace(path, full(neu, html));
      }
      return;
    }
    List<String> order = html ? HTML_KEYS : JSON_KEYS;
    if (!neu.locators().equals(old.locators())) {
      List<String> at = new ArrayList<>(path);
      at.add(html ? "select" : "path");
      if (text.entry(at) == null) {
        text.setKey(path, at.get(2), locatorValue(neu), order);
      } else {
        locator(text, at, old.locators(), neu.locators());
      }
    }
    if (html && !neu.attrs().equals(old.attrs())) {
      if (neu.attrs().isEmpty()) {
        text.removeKey(path, "attr");
      } else {
        text.setKey(path, "attr", attrs(neu.attrs()), order);
      }
    }
    if (!Objects.equals(neu.regex(), old.regex())) {
      if (neu.regex() == null) {
        text.removeKey(path, "regex");
      } else {
        text.setKey(path, "regex", new ProfileText.Scalar(neu.regex()), order);
      }
    }
    if (neu.effectiveUnit() != old.effectiveUnit()) {
      String unit = neu.unit() != null ? neu.unit().key() : defaultUnit(field);
      text.setKey(path, "unit", new ProfileText.Scalar(unit), order);
    }
    if (neu.separator() != old.separator()) {
      if (neu.separator() == '.') {
        text.removeKey(path, "decimal-separator");
      } else {
        text.setKey(
            path,
            "decimal-separator",
            new ProfileText.Scalar(String.valueOf(neu.separator())),
            order);
      }
    }
  }

  /**
   * A locator value: replaced, or (a JSON list of alternatives extended at its end) the new paths
   * appended to the list.
   */
  private static void locator(
      ProfileText text, List<String> path, List<String> old, List<String> neu) {
    YamlTree.Entry entry = text.entry(path);
    boolean appended =
        old.size() > 1
            && neu.size() > old.size()
            && neu.subList(0, old.size()).equals(old)
            && entry != null
            && entry.value() instanceof YamlTree.ListNode;
    if (appended) {
      for (String extra : neu.subList(old.size(), neu.size())) {
        text.append(path, extra);
      }
    } else {
      text.replace(
          path,
          neu.size() == 1 ? new ProfileText.Scalar(neu.get(0)) : new ProfileText.BlockList(neu));
    }
  }

  private static void sponsored(
      ProfileText text, ProfileMode mode, SponsoredSpec old, SponsoredSpec neu) {
    boolean html = mode == ProfileMode.HTML;
    String locatorKey = html ? "select" : "path";
    String valueKey = html ? "text" : "equals";
    String value = html ? neu.text() : neu.equals();
    if (old == null || text.entry(List.of("sponsored")) == null) {
      Map<String, ProfileText.Value> entries = new LinkedHashMap<>();
      if (neu.locator() != null) {
        entries.put(locatorKey, new ProfileText.Scalar(neu.locator()));
      }
      if (value != null) {
        entries.put(valueKey, new ProfileText.Scalar(value));
      }
      text.addTopLevel("fields", "sponsored", new ProfileText.Mapping(entries));
      return;
    }
    List<String> path = List.of("sponsored");
    List<String> order = List.of(locatorKey, valueKey);
    if (!Objects.equals(neu.locator(), old.locator())) {
      if (neu.locator() == null) {
        text.removeKey(path, locatorKey);
      } else {
        text.setKey(path, locatorKey, new ProfileText.Scalar(neu.locator()), order);
      }
    }
    String oldValue = html ? old.text() : old.equals();
    if (!Objects.equals(value, oldValue)) {
      if (value == null) {
        text.removeKey(path, valueKey);
      } else {
        text.setKey(path, valueKey, new ProfileText.Scalar(value), order);
      }
    }
  }

  private static boolean locatorOnly(RuleSpec spec) {
    return spec.attrs().isEmpty()
        && spec.regex() == null
        && spec.effectiveUnit() == null
        && spec.separator() == '.';
  }

  private static ProfileText.Value full(RuleSpec spec, boolean html) {
    Map<String, ProfileText.Value> entries = new LinkedHashMap<>();
    entries.put(html ? "select" : "path", locatorValue(spec));
    if (html && !spec.attrs().isEmpty()) {
      entries.put("attr", attrs(spec.attrs()));
    }
    if (spec.regex() != null) {
      entries.put("regex", new ProfileText.Scalar(spec.regex()));
    }
    if (spec.effectiveUnit() != null) {
      entries.put("unit", new ProfileText.Scalar(spec.unit().key()));
    }
    if (spec.separator() != '.') {
      entries.put("decimal-separator", new ProfileText.Scalar(String.valueOf(spec.separator())));
    }
    return new ProfileText.Mapping(entries);
  }

  private static ProfileText.Value locatorValue(RuleSpec spec) {
    return spec.locators().size() == 1
        ? new ProfileText.Scalar(spec.locators().get(0))
        : new ProfileText.BlockList(spec.locators());
  }

  private static ProfileText.Value attrs(List<String> attrs) {
    return attrs.size() == 1
        ? new ProfileText.Scalar(attrs.get(0))
        : new ProfileText.FlowList(attrs);
  }

  private static String defaultUnit(FieldName field) {
    return field == FieldName.PRICE ? "yuan" : "percent";
  }

  private static List<String> alternatives(String expression) {
    List<String> out = new ArrayList<>();
    for (String a : expression.split("\\|", -1)) {
      out.add(a.strip());
    }
    return out;
  }

  private static List<String> fieldOrder() {
    List<String> keys = new ArrayList<>();
    for (FieldName name : FieldName.values()) {
      keys.add(name.key());
    }
    return keys;
  }
}
