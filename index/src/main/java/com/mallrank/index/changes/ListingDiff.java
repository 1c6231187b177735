package com.mallrank.index.changes;

import com.mallrank.index.document.ChangeEvent;
import com.mallrank.index.document.ChangeKind;
import com.mallrank.index.document.ListingDocument;
import com.mallrank.index.document.SampleDocument;
import com.mallrank.index.document.SampleStatus;
import com.mallrank.index.write.Snapshot;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * The change events between two ranked samples of one keyword and vantage (pure logic, no I/O).
 *
 * <p>Rules:
 *
 * <ul>
 *   <li>Listings are matched by product id; a product shown more than once counts at its best
 *       position (for Top-20 membership: its best <em>organic</em> position).
 *   <li><b>Own listings</b> (a matrix account owns them in either sample) give one {@code
 *       own_moved} when their best position changed, or when they are in the Top-20 (position ≤ 20)
 *       of one sample and not found in the other (that rank is then {@code null}: beyond the loaded
 *       depth). Own listings never give competitor events.
 *   <li><b>Top-20 entries and exits</b> ({@code entered_top20}, {@code left_top20}) are about
 *       competitor products with an <em>organic</em> card at position ≤ 20. Sponsored cards are
 *       bought per slot and would flood the log, so a sponsored card neither enters nor leaves; a
 *       product whose only first-screen card turned sponsored has left the organic Top-20, one
 *       whose sponsored card turned organic has entered it. Price, commission, image, title and
 *       shop changes are reported for sponsored cards too ({@code sponsored} says which).
 *   <li><b>Absence is evidence only from a complete sample</b>: a product not found in a sample
 *       counts as "not in its Top-20" only when that sample is {@code ok} or reaches position 20; a
 *       partial sample of 12 cards says nothing about positions 13–20.
 *   <li><b>Field changes</b> ({@code price}, {@code commission}, {@code main_image}, {@code title},
 *       {@code shop}) of competitor products found in both samples, at any loaded position. A value
 *       missing on either side is no change. Main image: equal image keys are the same picture
 *       (re-signed URL); different keys are a change unless both listings carry an {@code
 *       image_hash} within {@link ImageHashes#SAME_PICTURE_MAX_DISTANCE}.
 *   <li><b>New shops</b> ({@code new_shop}): a competitor shop id in the later sample that is not
 *       in {@code shopsSeenBefore} (the caller's lookback, always including the earlier sample),
 *       one event per shop at its best-placed product. A shop that owns a matrix-account listing is
 *       not a competitor.
 * </ul>
 */
public final class ListingDiff {

  /** The first screen. */
  public static final int TOP = 20;

  private ListingDiff() {}

  /**
   * Compares two ranked samples.
   *
   * @param before the earlier ranked sample with its loaded listings
   * @param after the later ranked sample with its loaded listings
   * @param shopsSeenBefore competitor shop ids already seen in the lookback
   * @param detectedAt the detection time stamped on every event
   * @return the events ordered by kind, then position now (else before), then product id
   * @throws IllegalArgumentException when either sample does not produce ranks, or the samples are
   *     of different keywords or vantages, or not in slot order
   */
  public static List<ChangeEvent> compare(
      Snapshot before, Snapshot after, Set<String> shopsSeenBefore, Instant detectedAt) {
    SampleDocument b = before.sample();
    SampleDocument a = after.sample();
    if (!b.producesRanks() || !a.producesRanks()) {
      throw new IllegalArgumentException(
          "only ranked samples compare: " + b.status() + " -> " + a.status());
    }
    if (!b.keyword().equals(a.keyword())
        || !b.vantage().equals(a.vantage())
        || !b.slot().isBefore(a.slot())) {
      throw new IllegalArgumentException("not two samples in order: " + b.id() + ", " + a.id());
    }
    return new Comparison(before, after, shopsSeenBefore, detectedAt).events();
  }

  private static final class Comparison {
    private final Snapshot before;
    private final Snapshot after;
    private final Set<String> shopsSeenBefore;
    private final Instant detectedAt;
    private final List<ChangeEvent> events = new ArrayList<>();

    Comparison(Snapshot before, Snapshot after, Set<String> shopsSeen, Instant detectedAt) {
      this.before = before;
      this.after = after;
      this.shopsSeenBefore = Objects.requireNonNull(shopsSeen, "shopsSeenBefore");
      this.detectedAt = Objects.requireNonNull(detectedAt, "detectedAt");
    }

    List<ChangeEvent> events() {
      Map<String, ListingDocument> bestBefore = best(before.listings(), false);
      Map<String, ListingDocument> bestAfter = best(after.listings(), false);
      Map<String, ListingDocument> organicBefore = best(before.listings(), true);
      Map<String, ListingDocument> organicAfter = best(after.listings(), true);
      boolean beforeComplete = complete(before);
      boolean afterComplete = complete(after);
      Set<String> products = new LinkedHashSet<>(bestAfter.keySet());
      products.addAll(bestBefore.keySet());
      Set<String> ownShops = new LinkedHashSet<>();
      for (String productId : products) {
        ListingDocument b = bestBefore.get(productId);
        ListingDocument a = bestAfter.get(productId);
        if ((a != null && a.own()) || (b != null && b.own())) {
          ownMoved(b, a, beforeComplete, afterComplete);
          continue;
        }
        ListingDocument ob = top(organicBefore.get(productId));
        ListingDocument oa = top(organicAfter.get(productId));
        if (oa != null && ob == null && (b != null || beforeComplete)) {
          add(ChangeKind.ENTERED_TOP20, b, oa, null, null, oa);
        } else if (ob != null && oa == null && (a != null || afterComplete)) {
          add(ChangeKind.LEFT_TOP20, ob, a, null, null, a != null ? a : ob);
        }
        if (a != null && b != null) {
          field(ChangeKind.PRICE, b, a, ListingDocument::priceFen);
          field(ChangeKind.COMMISSION, b, a, ListingDocument::commissionBp);
          field(ChangeKind.TITLE, b, a, ListingDocument::title);
          field(ChangeKind.SHOP, b, a, ListingDocument::shopId);
          if (imageChanged(b, a)) {
            add(ChangeKind.MAIN_IMAGE, b, a, b.imageKey(), a.imageKey(), a);
          }
        }
      }
      for (ListingDocument l : after.listings()) {
        if (l.own() && l.shopId() != null) {
          ownShops.add(l.shopId());
        }
      }
      newShops(bestAfter, ownShops);
      events.sort(
          Comparator.comparing((ChangeEvent e) -> e.changeKind().ordinal())
              .thenComparing(e -> e.rankAfter() != null ? e.rankAfter() : e.rankBefore())
              .thenComparing(ChangeEvent::productId));
      return events;
    }

    private void ownMoved(
        ListingDocument b, ListingDocument a, boolean beforeComplete, boolean afterComplete) {
      boolean moved =
          (a != null && b != null && a.position() != b.position())
              || (b == null && a != null && a.position() <= TOP && beforeComplete)
              || (a == null && b != null && b.position() <= TOP && afterComplete);
      if (moved) {
        add(ChangeKind.OWN_MOVED, b, a, null, null, a != null ? a : b);
      }
    }

    private void newShops(Map<String, ListingDocument> bestAfter, Set<String> ownShops) {
      Set<String> seen = new LinkedHashSet<>(shopsSeenBefore);
      before.listings().stream()
          .map(ListingDocument::shopId)
          .filter(Objects::nonNull)
          .forEach(seen::add);
      Map<String, ListingDocument> firstOfShop = new LinkedHashMap<>();
      bestAfter.values().stream()
          .filter(l -> !l.own() && l.shopId() != null && !ownShops.contains(l.shopId()))
          .sorted(Comparator.comparingInt(ListingDocument::position))
          .forEach(l -> firstOfShop.putIfAbsent(l.shopId(), l));
      firstOfShop.forEach(
          (shopId, l) -> {
            if (!seen.contains(shopId)) {
              add(ChangeKind.NEW_SHOP, null, l, null, shopId, l);
            }
          });
    }

    private void field(
        ChangeKind kind,
        ListingDocument b,
        ListingDocument a,
        Function<ListingDocument, Object> value) {
      Object old = value.apply(b);
      Object now = value.apply(a);
      if (old != null && now != null && !old.equals(now)) {
        add(kind, b, a, old.toString(), now.toString(), a);
      }
    }

    private void add(
        ChangeKind kind,
        ListingDocument b,
        ListingDocument a,
        String oldValue,
        String newValue,
        ListingDocument subject) {
      SampleDocument sample = after.sample();
      events.add(
          new ChangeEvent(
              sample.slot(),
              before.sample().slot(),
              sample.keyword(),
              sample.firstGroup(),
              sample.vantage(),
              kind.code(),
              subject.productId(),
              subject.shopId(),
              subject.shopName(),
              kind == ChangeKind.OWN_MOVED ? subject.matrixAccount() : null,
              oldValue,
              newValue,
              b == null ? null : b.position(),
              a == null ? null : a.position(),
              b == null ? null : b.organicRank(),
              a == null ? null : a.organicRank(),
              subject.sponsored(),
              detectedAt,
              sample.profile(),
              subject.title()));
    }
  }

  static boolean imageChanged(ListingDocument before, ListingDocument after) {
    String old = before.imageKey();
    String now = after.imageKey();
    if (old == null || now == null || old.equals(now)) {
      return false;
    }
    return !ImageHashes.samePicture(before.imageHash(), after.imageHash());
  }

  /** Whether absence from this sample means "not in its Top-20". */
  private static boolean complete(Snapshot snapshot) {
    return SampleStatus.OK.equals(snapshot.sample().status())
        || snapshot.listings().stream().anyMatch(l -> l.position() >= TOP);
  }

  private static ListingDocument top(ListingDocument listing) {
    return listing != null && listing.position() <= TOP ? listing : null;
  }

  private static Map<String, ListingDocument> best(
      List<ListingDocument> listings, boolean organicOnly) {
    Map<String, ListingDocument> best = new LinkedHashMap<>();
    listings.stream()
        .filter(l -> !organicOnly || !l.sponsored())
        .sorted(Comparator.comparingInt(ListingDocument::position))
        .forEach(l -> best.putIfAbsent(l.productId(), l));
    return best;
  }
}
