package com.mallrank.batch.sample;

import com.mallrank.batch.plan.MatrixOwnership;
import com.mallrank.crawler.image.ImageKey;
import com.mallrank.crawler.model.Evidence;
import com.mallrank.crawler.model.Listing;
import com.mallrank.crawler.model.ResultPage;
import com.mallrank.crawler.sampler.SampleResult;
import com.mallrank.index.document.ListingDocument;
import com.mallrank.index.document.SampleDocument;
import com.mallrank.index.write.Snapshot;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Turns what the crawler saw into what the index stores: prices to fen, commission rates to basis
 * points, image URLs to image keys, and each listing marked with the matrix account that owns it.
 */
final class SnapshotMapper {

  private SnapshotMapper() {}

  static Snapshot toSnapshot(
      SampleTask task, Instant slot, SampleResult result, MatrixOwnership ownership) {
    ResultPage page = result.page();
    SampleDocument sample =
        sample(
            task,
            slot,
            page.status().code(),
            page.listings().size(),
            result.elapsed().toMillis(),
            page.evidence(),
            result.startedAt());
    List<ListingDocument> listings =
        page.listings().stream()
            .map(l -> toDocument(task, slot, l, ownership, result.startedAt()))
            .toList();
    return new Snapshot(sample, listings);
  }

  /** The sample of a task whose sampling threw: status error, the reason, no listings. */
  static Snapshot error(SampleTask task, Instant slot, Instant started, Exception e) {
    String reason = e.getClass().getSimpleName() + ": " + e.getMessage();
    long elapsed = Duration.between(started, Instant.now()).toMillis();
    Evidence evidence = new Evidence(null, 0, "exception", reason);
    return new Snapshot(sample(task, slot, "error", 0, elapsed, evidence, started), List.of());
  }

  /** The sample document of a task in the slot: the task names keyword, group, vantage, profile. */
  private static SampleDocument sample(
      SampleTask task,
      Instant slot,
      String status,
      int resultCount,
      long durationMillis,
      Evidence evidence,
      Instant sampledAt) {
    return new SampleDocument(
        slot,
        task.keyword(),
        task.group() == null ? null : List.of(task.group()),
        task.vantage(),
        task.profile(),
        status,
        resultCount,
        durationMillis,
        evidence.httpStatus(),
        evidence.marker(),
        evidence.url(),
        evidence.detail(),
        sampledAt,
        null);
  }

  private static ListingDocument toDocument(
      SampleTask task,
      Instant slot,
      Listing listing,
      MatrixOwnership ownership,
      Instant sampledAt) {
    ImageKey imageKey = ImageKey.of(listing.imageUrl());
    return new ListingDocument(
        slot,
        task.keyword(),
        task.group(),
        task.vantage(),
        listing.position(),
        listing.organicRank(),
        listing.sponsored(),
        listing.productId(),
        listing.title(),
        listing.shopId(),
        listing.shopName(),
        hundredths(listing.price()),
        listing.commissionRate() == null
            ? null
            : Math.toIntExact(hundredths(listing.commissionRate())),
        listing.imageUrl(),
        imageKey == null ? null : imageKey.value(),
        listing.salesLabel(),
        ownership.ownerOf(listing.productId(), listing.shopId()),
        sampledAt,
        null,
        null);
  }

  /** Yuan to fen, percent to basis points: both are hundredths, rounded half up. */
  static Long hundredths(BigDecimal value) {
    return value == null
        ? null
        : value.movePointRight(2).setScale(0, RoundingMode.HALF_UP).longValueExact();
  }
}
