package com.mallrank.crawler.sampler;

import static org.assertj.core.api.Assertions.assertThat;

import com.mallrank.crawler.evidence.EvidenceStore;
import com.mallrank.crawler.fetch.browser.PlaywrightFetcher;
import com.mallrank.crawler.fetch.browser.RenderOptions;
import com.mallrank.crawler.fetch.browser.StorageStates;
import com.mallrank.crawler.model.Listing;
import com.mallrank.crawler.model.SampleStatus;
import com.mallrank.crawler.parse.ExtractOptions;
import com.mallrank.crawler.parse.ProfileTester;
import com.mallrank.crawler.profile.SiteProfile;
import com.mallrank.crawler.profile.SiteProfiles;
import com.mallrank.crawler.sandbox.Fault;
import com.mallrank.crawler.sandbox.SandboxCard;
import com.mallrank.crawler.testing.ApplicationDefaults;
import com.mallrank.crawler.testing.BrowserFixture;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built-in {@code sandbox-spa} profile end to end in real Chromium: the browser scrolls the
 * JavaScript app, captures its JSON responses, and the JSON extractor reads the ground truth.
 */
class BrowserSamplerIT {

  private static final Instant SLOT = Instant.parse("2026-11-28T06:00:00Z");

  /** The slot folder's name as production gives it ({@code DocumentIds::compactSlot}, in index). */
  private static final Function<Instant, String> SLOT_NAME =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmm'Z'").withZone(ZoneOffset.UTC)::format;

  private static final String KEYWORD = "加厚羽绒服女长款";
  private static final SiteProfile PROFILE = SiteProfiles.builtIn("sandbox-spa");

  @RegisterExtension
  static final BrowserFixture BROWSER =
      BrowserFixture.sandboxMallAt(SLOT)
          .clearingFaultsAfterEach()
          .withFetcher(
              ApplicationDefaults.browser(),
              RenderOptions.dom("li.goods-card"),
              () -> StorageStates.none());

  private SampleResult sample(String identity, int depth) {
    return BROWSER.sample(PROFILE, KEYWORD, identity, depth);
  }

  @Test
  void capturedTop20EqualsTheGroundTruthPerIdentity() {
    for (String identity : List.of("anonymous", "mx-guangzhou")) {
      SampleResult result = sample(identity, 20);

      List<SandboxCard> truth =
          BROWSER.mall().world().results(KEYWORD, SLOT, identity).subList(0, 20);
      assertThat(result.page().status()).as(identity).isEqualTo(SampleStatus.OK);
      List<Listing> listings = result.page().listings();
      assertThat(listings)
          .extracting(Listing::productId)
          .as(identity)
          .containsExactlyElementsOf(truth.stream().map(SandboxCard::productId).toList());
      for (int i = 0; i < 20; i++) {
        assertThat(listings.get(i).sponsored()).isEqualTo(truth.get(i).sponsored());
        assertThat(listings.get(i).organicRank()).isEqualTo(truth.get(i).organicRank());
        assertThat(listings.get(i).price()).isEqualByComparingTo(truth.get(i).price());
        assertThat(listings.get(i).commissionRate())
            .isEqualByComparingTo(truth.get(i).commissionRate());
        assertThat(listings.get(i).shopId()).isEqualTo(truth.get(i).shopId());
        assertThat(listings.get(i).imageUrl()).contains(truth.get(i).imageKey());
      }
    }
  }

  @Test
  void scrollsUntilTheDepthIsReached() {
    SampleResult result = sample("anonymous", 45);

    assertThat(result.page().status()).isEqualTo(SampleStatus.OK);
    assertThat(result.page().listings())
        .extracting(Listing::productId)
        .containsExactlyElementsOf(
            BROWSER.mall().world().results(KEYWORD, SLOT, "anonymous").subList(0, 45).stream()
                .map(SandboxCard::productId)
                .toList());
  }

  @Test
  void faultPagesGetTheirStatusAndNoListings() {
    Map<Fault, SampleStatus> expected =
        Map.of(
            Fault.CAPTCHA, SampleStatus.BLOCKED,
            Fault.LOGIN_WALL, SampleStatus.LOGIN_REQUIRED,
            Fault.EMPTY, SampleStatus.EMPTY,
            Fault.LAYOUT_CHANGED, SampleStatus.LAYOUT_CHANGED);
    expected.forEach(
        (fault, status) -> {
          BROWSER.mall().faults().set(KEYWORD, fault);

          SampleResult result = sample("anonymous", 20);

          assertThat(result.page().status()).as(fault.name()).isEqualTo(status);
          assertThat(result.page().listings()).as(fault.name()).isEmpty();
        });
  }

  @Test
  void aFailedPageKeepsAScreenshotAndItsCaptureReadsAsIsAnOkPageNone(@TempDir Path dir)
      throws Exception {
    SampleResult ok = sample("anonymous", 20);
    assertThat(ok.page().status()).isEqualTo(SampleStatus.OK);
    assertThat(ok.seen()).isNotNull();
    assertThat(ok.seen().screenshot()).isNull();

    for (Fault fault : List.of(Fault.CAPTCHA, Fault.LAYOUT_CHANGED)) {
      BROWSER.mall().faults().set(KEYWORD, fault);
      SampleResult failed = sample("mx-guangzhou", 20);
      BROWSER.mall().faults().clearAll();

      assertThat(failed.page().status().producesRanks()).as(fault.name()).isFalse();
      byte[] shot = failed.seen().screenshot();
      assertThat(shot).as(fault.name()).isNotNull();
      assertThat(shot.length).isBetween(100, PlaywrightFetcher.MAX_SCREENSHOT_BYTES);
      assertThat(shot[0] & 0xFF).isEqualTo(0xFF); // JPEG: FF D8
      assertThat(shot[1] & 0xFF).isEqualTo(0xD8);

      EvidenceStore store = new EvidenceStore(dir, 2 << 20, SLOT_NAME);
      Path body =
          store.write(
              SLOT,
              PROFILE.id(),
              "mx-guangzhou",
              KEYWORD,
              failed.seen().body(),
              true,
              shot,
              List.of("mx-guangzhou"));
      assertThat(body.resolveSibling(body.getFileName().toString().replace(".json", ".jpg")))
          .hasBinaryContent(shot);
      // profile test --page reads the kept capture as is: the same verdict
      assertThat(ProfileTester.test(PROFILE, body, ExtractOptions.depth(20)).status())
          .as(fault.name())
          .isEqualTo(failed.page().status());
    }
  }
}
