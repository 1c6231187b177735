package com.mallrank.batch.changes;

import static org.assertj.core.api.Assertions.assertThat;

import com.mallrank.batch.demo.SandboxRuntime;
import com.mallrank.batch.runtime.ElasticsearchRuntime;
import com.mallrank.batch.sample.SampleLauncher;
import com.mallrank.batch.testing.MallrankIT;
import com.mallrank.crawler.sandbox.SandboxMall.Served;
import com.mallrank.index.document.ListingDocument;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * With {@code crawler.images.fingerprint} on, every stored listing carries the perceptual hash of
 * its main image: one picture (image key) has one hash, whatever signed URL it was served under,
 * and each picture is downloaded once.
 */
@MallrankIT(properties = {"batch.threads=1", "crawler.images.fingerprint=true"})
class MainImageFingerprintIT {

  private static final Instant SLOT = Instant.parse("2026-11-28T02:00:00Z");

  @Autowired SampleLauncher launcher;
  @Autowired SandboxRuntime sandbox;
  @Autowired ElasticsearchRuntime elasticsearch;

  @Test
  void everyListingCarriesTheHashOfItsPictureDownloadedOncePerKey() throws Exception {
    sandbox.mall().setTime(SLOT);
    long imagesBefore = sandbox.mall().served(Served.IMAGES);

    assertThat(launcher.launch("core", SLOT).getStatus()).isEqualTo(BatchStatus.COMPLETED);

    List<ListingDocument> listings =
        elasticsearch
            .client()
            .search(
                s ->
                    s.index(elasticsearch.names().listingsAlias())
                        .size(5000)
                        .query(q -> q.term(t -> t.field("slot").value(SLOT.toString()))),
                ListingDocument.class)
            .hits()
            .hits()
            .stream()
            .map(h -> h.source())
            .toList();
    assertThat(listings).hasSizeGreaterThan(1000);
    assertThat(listings).allSatisfy(l -> assertThat(l.imageHash()).matches("[0-9a-f]{16}"));
    Map<String, String> hashByKey = new HashMap<>();
    for (ListingDocument listing : listings) {
      String previous = hashByKey.putIfAbsent(listing.imageKey(), listing.imageHash());
      assertThat(previous == null || previous.equals(listing.imageHash()))
          .as("one hash per picture: %s", listing.imageKey())
          .isTrue();
    }
    long downloads = sandbox.mall().served(Served.IMAGES) - imagesBefore;
    assertThat(downloads).as("each picture downloaded once").isEqualTo(hashByKey.size());
    assertThat(hashByKey.values().stream().distinct().count())
        .as("different pictures, different hashes")
        .isGreaterThan(hashByKey.size() * 9 / 10);
  }
}
