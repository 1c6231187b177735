package com.mallrank.crawler.repair;

import com.mallrank.crawler.profile.FieldName;
import java.util.List;
import java.util.Map;

/**
 * What the induction found on the new page: the card locator, each field's rule, the sponsored
 * rule, other keys that follow from them, and what it could not do.
 *
 * @param oldCards the old card selector (html) or items path (json)
 * @param newCards the proposed one; equal to the old when it still finds the cards
 * @param fields per field, in field order
 * @param sponsored the sponsored decision, or {@code null} when the known listings have no
 *     sponsored card on the new page and the old rule flags none
 * @param otherEdits further keys to set (e.g. {@code fetch.items-pointer}), key path → value
 * @param skip the selector (html) or path (json) of a {@code skip-cards} rule to add with {@code
 *     missing: true} (cards without it are tiles, not listings), or {@code null}
 * @param notes what the reviewer should check by hand (markers naming old paths, ...)
 * @param failure why nothing could be proposed, or {@code null}
 */
record Proposal(
    String oldCards,
    String newCards,
    Map<FieldName, FieldOutcome> fields,
    SponsoredOutcome sponsored,
    Map<String, String> otherEdits,
    String skip,
    List<String> notes,
    String failure) {

  /**
   * The sponsored decision.
   *
   * @param old the old rule, or {@code null}
   * @param proposed the rule to write, or {@code null} to leave it as it is
   * @param counts its flags against the known ones on the cards of known listings
   * @param reason why it is left as it is, or {@code null}
   */
  record SponsoredOutcome(
      SponsoredSpec old, SponsoredSpec proposed, AdCounts counts, String reason) {

    boolean changed() {
      return proposed != null && !proposed.equals(old);
    }
  }

  static Proposal failed(String oldCards, String why) {
    return new Proposal(oldCards, oldCards, Map.of(), null, Map.of(), null, List.of(), why);
  }
}
