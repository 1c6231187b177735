package com.mallrank.batch.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import com.mallrank.crawler.evidence.EvidenceStore;
import com.mallrank.crawler.fetch.Cookie;
import com.mallrank.crawler.fetch.CookieJar;
import com.mallrank.crawler.fetch.FetchResponse;
import com.mallrank.crawler.fetch.browser.StorageStates;
import com.mallrank.crawler.model.Evidence;
import com.mallrank.crawler.model.ResultPage;
import com.mallrank.crawler.model.SampleStatus;
import com.mallrank.crawler.sampler.SampleResult;
import com.mallrank.index.document.DocumentIds;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What is kept of a failed sample: nothing of an ok one; no value of the login state or jar. */
class EvidenceKeeperTest {

  private static final Instant SLOT = Instant.parse("2026-11-28T06:00:00Z");
  private static final String STATE =
      """
      {"cookies": [{"name": "sid_x", "value": "cookieSecret0123", "domain": ".douyin.com"}],
       "origins": [{"origin": "https://www.douyin.com",
                    "localStorage": [{"name": "xmst", "value": "localStorageSecret42"}]}]}
      """;
  private static final String PAGE =
      "<html><script>var a='cookieSecret0123', b='localStorageSecret42', c='jarSecret99';"
          + "</script><div id=\"captcha-verify\"></div></html>";

  @TempDir Path dir;

  private static SampleResult result(SampleStatus status) {
    FetchResponse seen =
        new FetchResponse("https://www.douyin.com/x", 200, "text/html", PAGE, null, Duration.ZERO);
    return new SampleResult(
        ResultPage.without(status, Evidence.of("https://www.douyin.com/x", 200)),
        SLOT,
        Duration.ZERO,
        1,
        seen);
  }

  private EvidenceKeeper keeper(StorageStates states) {
    return new EvidenceKeeper(
        true,
        new EvidenceStore(dir.resolve("evidence"), 1 << 20, DocumentIds::compactSlot),
        states);
  }

  @Test
  void aBlockedPageIsKeptWithoutTheLoginStateOrCookieValues() throws Exception {
    Path state = dir.resolve("mx-a.json");
    Files.writeString(state, STATE);
    CookieJar jar = CookieJar.of(List.of(Cookie.hostOnly("uid", "jarSecret99", "www.douyin.com")));

    Optional<Path> kept =
        keeper(identity -> Optional.ofNullable(Map.of("mx-a", state).get(identity)))
            .keep(SLOT, "douyin-mall", "mx-a", "羽绒服", result(SampleStatus.BLOCKED), jar);

    assertThat(kept).isPresent();
    String body = Files.readString(kept.get(), StandardCharsets.UTF_8);
    assertThat(body)
        .contains("captcha-verify", "var a='REDACTED', b='REDACTED', c='REDACTED'")
        .doesNotContain("cookieSecret0123", "localStorageSecret42", "jarSecret99");
  }

  @Test
  void okSamplesAndUnreadableStatesKeepNothing() throws Exception {
    EvidenceKeeper keeper = keeper(StorageStates.none());
    assertThat(keeper.keep(SLOT, "p", "anonymous", "k", result(SampleStatus.OK), CookieJar.empty()))
        .isEmpty();
    assertThat(
            keeper.keep(
                SLOT, "p", "anonymous", "k", result(SampleStatus.PARTIAL), CookieJar.empty()))
        .isEmpty();

    Path broken = dir.resolve("mx-b.json");
    Files.writeString(broken, "{not json secretValue");
    assertThat(
            keeper(identity -> Optional.of(broken))
                .keep(SLOT, "p", "mx-b", "k", result(SampleStatus.BLOCKED), CookieJar.empty()))
        .isEmpty();
    assertThat(keeper.store().list()).isEmpty();
  }
}
