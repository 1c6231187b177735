package com.mallrank.crawler.parse;

import static org.assertj.core.api.Assertions.assertThat;

import com.mallrank.crawler.model.Listing;
import com.mallrank.crawler.model.ResultPage;
import com.mallrank.crawler.model.SampleStatus;
import com.mallrank.crawler.profile.SiteProfile;
import com.mallrank.crawler.profile.SiteProfiles;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What the golden fixtures cannot say on their own about the Douyin profiles: ids read from the raw
 * fixture text survive exactly although a double cannot hold them, the documented unit switch
 * works, and the search settings refuse foreign hosts. The fixtures are constructed from public
 * field documentation (see their README.md), not captures.
 */
class DouyinProfilesTest {

  private static final Pattern NUMERIC_GID = Pattern.compile("\"gid\": (\\d{19})\\b");

  @Test
  void nineteenDigitIdsGivenAsJsonNumbersSurviveExactly() throws Exception {
    Path file = fixture("douyin-mall", "ok-ads-19-digit-ids.json");
    List<String> numericIds = groups(Files.readString(file), NUMERIC_GID);
    assertThat(numericIds).hasSize(11); // every other card of 22, read from the raw text
    for (String id : numericIds) {
      assertThat(new BigDecimal(new BigDecimal(id).doubleValue()).toBigInteger().toString())
          .as("%s does not survive a double", id)
          .isNotEqualTo(id);
    }

    ResultPage page =
        ProfileTester.test(SiteProfiles.builtIn("douyin-mall"), file, ExtractOptions.depth(60));

    assertThat(page.status()).isEqualTo(SampleStatus.PARTIAL); // 22 < 60
    assertThat(page.listings()).hasSize(22);
    assertThat(page.listings()).extracting(Listing::productId).containsAll(numericIds);
    assertThat(page.listings().get(0).productId()).isEqualTo("3698123456789012345");
  }

  @Test
  void commissionUnitSwitchesToBasisPointsByEditingOneLine() throws Exception {
    String yaml = builtInText("douyin-mall");
    assertThat(yaml).containsOnlyOnce("    unit: percent\n");
    SiteProfile basisPoints =
        SiteProfiles.parse(
            "douyin-mall-bp.yml", yaml.replace("    unit: percent\n", "    unit: basis-points\n"));

    Path file = fixture("douyin-mall", "partial-bare-app-response.json");
    ResultPage asPercent =
        ProfileTester.test(SiteProfiles.builtIn("douyin-mall"), file, ExtractOptions.DEFAULT);
    ResultPage asBasisPoints = ProfileTester.test(basisPoints, file, ExtractOptions.DEFAULT);

    // Card 4 carries cos_ratio "1250": 1250 % by default (visibly wrong), 12.5 % once switched.
    assertThat(asPercent.listings().get(3).commissionRate()).isEqualByComparingTo("1250");
    assertThat(asBasisPoints.listings().get(3).commissionRate()).isEqualByComparingTo("12.5");
    assertThat(asBasisPoints.listings().get(0).commissionRate()).isNull();
  }

  @Test
  void buyinReadsTheOpenApiAndTheSelectionListWithOneProfile() throws Exception {
    SiteProfile buyin = SiteProfiles.builtIn("douyin-buyin");
    ResultPage openApi =
        ProfileTester.test(
            buyin,
            fixture("douyin-buyin", "partial-openapi-kol-materials.json"),
            ExtractOptions.DEFAULT);
    ResultPage list =
        ProfileTester.test(
            buyin,
            fixture("douyin-buyin", "ok-material-list-19-digit-ids.json"),
            ExtractOptions.DEFAULT);

    assertThat(openApi.listings().get(1).commissionRate()).isEqualByComparingTo("12.5");
    assertThat(openApi.listings().get(0).price()).isEqualByComparingTo("1.00"); // "100" fen
    assertThat(list.listings()).hasSize(20);
    assertThat(list.listings()).noneMatch(Listing::sponsored);
    assertThat(list.listings().get(2).commissionRate()).isEqualByComparingTo("12.5");
  }

  @Test
  void douyinProfilesRefuseForeignAndPrivateHosts() {
    SiteProfile mall = SiteProfiles.builtIn("douyin-mall");
    URI url = mall.search().url("", "羽绒服 女");
    assertThat(url.toString())
        .isEqualTo(
            "https://www.douyin.com/search/%E7%BE%BD%E7%BB%92%E6%9C%8D%20%E5%A5%B3?type=commodity");
    assertThat(mall.search().allowPrivateAddresses()).isFalse();
    assertThat(SiteProfiles.builtIn("douyin-buyin").search().allowPrivateAddresses()).isFalse();
    assertThat(mall.search().allowedHosts()).contains("*.douyin.com").doesNotContain("*");
  }

  private static Path fixture(String profile, String name) throws URISyntaxException {
    return Path.of(
        DouyinProfilesTest.class.getResource("/pages/" + profile + "/202611/" + name).toURI());
  }

  private static String builtInText(String id) throws IOException {
    try (InputStream in =
        DouyinProfilesTest.class
            .getClassLoader()
            .getResourceAsStream(SiteProfiles.BUILT_IN_FOLDER + id + ".yml")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static List<String> groups(String text, Pattern pattern) {
    Matcher m = pattern.matcher(text);
    List<String> out = new ArrayList<>();
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }
}
