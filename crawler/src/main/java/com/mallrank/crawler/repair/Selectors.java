package com.mallrank.crawler.repair;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;

/**
 * The CSS selectors repair may propose for an element, simplest first, each with its cost. Only
 * names a selector can hold without escaping are used (class and attribute names that are plain
 * identifiers, values of letters, digits, {@code -} and {@code _}): a hostile page's class name
 * never becomes selector syntax, and the selectors stay readable.
 */
final class Selectors {

  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]{0,63}");
  private static final Pattern VALUE = Pattern.compile("[A-Za-z0-9_-]{1,32}");
  private static final Pattern TAG = Pattern.compile("[a-z][a-z0-9]{0,15}");

  /** A selector and how complex it reads (lower is simpler). */
  record Sel(String css, double cost) {}

  private Selectors() {}

  /** Whether a class or attribute name can be written in a selector as it is. */
  static boolean safeName(String name) {
    return NAME.matcher(name).matches();
  }

  /** Whether an attribute value can be written in {@code [name=value]} as it is. */
  static boolean safeValue(String value) {
    return VALUE.matcher(value).matches();
  }

  /**
   * Selectors matching the element by itself: {@code .class}, {@code [attr]}, {@code tag}, {@code
   * tag.class}, {@code tag[attr]}; with {@code values}, also {@code [attr=value]}.
   */
  static List<Sel> simple(Element e, boolean values) {
    Map<String, Double> out = new LinkedHashMap<>();
    String tag = e.normalName();
    boolean plainTag = TAG.matcher(tag).matches();
    for (String cls : e.classNames()) {
      if (safeName(cls)) {
        out.putIfAbsent("." + cls, 1.0);
        if (plainTag) {
          out.putIfAbsent(tag + "." + cls, 1.5);
        }
      }
    }
    for (Attribute a : e.attributes()) {
      String name = a.getKey();
      if (!safeName(name) || name.equals("class") || name.equals("style") || name.equals("id")) {
        continue;
      }
      out.putIfAbsent("[" + name + "]", 1.2);
      if (plainTag) {
        out.putIfAbsent(tag + "[" + name + "]", 1.7);
      }
      if (values && safeValue(a.getValue())) {
        out.putIfAbsent("[" + name + "=" + a.getValue() + "]", 2.0);
      }
    }
    if (plainTag) {
      out.putIfAbsent(tag, 1.3);
    }
    List<Sel> result = new ArrayList<>(out.size());
    out.forEach((css, cost) -> result.add(new Sel(css, cost)));
    return result;
  }

  /**
   * Selectors finding {@code x} inside {@code card} (the card itself: {@code ""}): its own simple
   * selectors, then with its parent's class ({@code .p > b}, {@code .p b}), then by position among
   * its parent's children of its tag ({@code .p > span:nth-of-type(2)}).
   */
  static List<Sel> relative(Element card, Element x) {
    List<Sel> out = new ArrayList<>();
    if (x == card) {
      out.add(new Sel("", 0));
      return out;
    }
    List<Sel> own = simple(x, false);
    out.addAll(own);
    Element parent = x.parent();
    String tag = x.normalName();
    if (parent != null && TAG.matcher(tag).matches()) {
      List<String> parents = new ArrayList<>();
      if (parent == card) {
        parents.add(""); // "> tag" is not a selector on its own; the card's own selectors
        for (Sel p : simple(card, false)) {
          if (p.css().startsWith(".")) {
            parents.add(p.css());
          }
        }
      } else {
        for (String cls : parent.classNames()) {
          if (safeName(cls)) {
            parents.add("." + cls);
          }
        }
      }
      int nth = 0;
      int sameTag = 0;
      for (Element sibling : parent.children()) {
        if (sibling.normalName().equals(tag)) {
          sameTag++;
          if (sibling == x) {
            nth = sameTag;
          }
        }
      }
      for (String p : parents) {
        if (p.isEmpty()) {
          continue;
        }
        for (Sel o : own) {
          out.add(new Sel(p + " > " + o.css(), 2.5 + o.cost()));
          out.add(new Sel(p + " " + o.css(), 2.6 + o.cost()));
        }
        if (sameTag > 1) {
          out.add(new Sel(p + " > " + tag + ":nth-of-type(" + nth + ")", 4.0));
        }
      }
      if (sameTag > 1 && parent == card) {
        out.add(new Sel(":root > " + tag + ":nth-of-type(" + nth + ")", 5.0));
      }
    }
    return out;
  }
}
