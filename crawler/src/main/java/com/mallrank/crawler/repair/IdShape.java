package com.mallrank.crawler.repair;

import java.util.Collection;

/**
 * What the known product ids look like: which kinds of characters they use and how long they are. A
 * value a candidate rule reads on a card of no known listing (a new product, or a tile that is not
 * one) counts as an id only when it looks like them: a rule reading {@code bestsellers} out of a
 * "best sellers" tile's link, where the known ids are ten capitals and digits, reads no id there.
 */
record IdShape(
    boolean digits, boolean upper, boolean lower, boolean other, int shortest, int longest) {

  static IdShape of(Collection<String> ids) {
    boolean digits = false;
    boolean upper = false;
    boolean lower = false;
    boolean other = false;
    int shortest = Integer.MAX_VALUE;
    int longest = 0;
    for (String id : ids) {
      shortest = Math.min(shortest, id.length());
      longest = Math.max(longest, id.length());
      for (int i = 0; i < id.length(); i++) {
        char c = id.charAt(i);
        digits |= c >= '0' && c <= '9';
        upper |= c >= 'A' && c <= 'Z';
        lower |= c >= 'a' && c <= 'z';
        other |= !(c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z');
      }
    }
    return new IdShape(
        digits, upper, lower, other, shortest == Integer.MAX_VALUE ? 1 : shortest, longest);
  }

  /** Whether the value looks like the known ids (their characters, their length ± 4). */
  boolean fits(String id) {
    if (id == null || id.length() < Math.max(1, shortest - 4) || id.length() > longest + 4) {
      return false;
    }
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      boolean ok =
          c >= '0' && c <= '9'
              ? digits
              : c >= 'A' && c <= 'Z' ? upper : c >= 'a' && c <= 'z' ? lower : other;
      if (!ok) {
        return false;
      }
    }
    return true;
  }
}
