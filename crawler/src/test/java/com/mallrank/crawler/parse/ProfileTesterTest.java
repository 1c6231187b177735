package com.mallrank.crawler.parse;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mallrank.crawler.model.ResultPage;
import com.mallrank.crawler.model.SampleStatus;
import com.mallrank.crawler.profile.SiteProfiles;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ProfileTesterTest {

  private static Path page(String name) throws Exception {
    return Path.of(
        ProfileTesterTest.class.getResource("/pages/sandbox-static/202611/" + name).toURI());
  }

  @Test
  void rendersATableAndFixtureShapedJson() throws Exception {
    ResultPage page =
        ProfileTester.test(
            SiteProfiles.builtIn("sandbox-static"), page("ok-60-ads.html"), ExtractOptions.DEFAULT);

    assertThat(page.status()).isEqualTo(SampleStatus.OK);
    String table = ProfileTester.table(page);
    assertThat(table).startsWith("status: ok\n").contains("3698123456789020264").contains(" ad ");
    assertThat(table.lines().count()).isEqualTo(2 + 1 + 20);

    JsonNode json = new ObjectMapper().readTree(ProfileTester.json(page));
    assertThat(json.get("status").asText()).isEqualTo("ok");
    assertThat(json.get("listings")).hasSize(20);
    assertThat(json.get("listings").get(6).get("price").asText()).isEqualTo("59.9");
  }

  @Test
  void showsTheMarkerOfABlockedPage() throws Exception {
    ResultPage page =
        ProfileTester.test(
            SiteProfiles.builtIn("sandbox-static"), page("captcha.html"), ExtractOptions.DEFAULT);

    assertThat(ProfileTester.table(page))
        .isEqualTo(
            "status: blocked\nmarker: blocked: select #captcha-verify\n"
                + "detail: the page matched the profile's blocked marker\n");
  }
}
