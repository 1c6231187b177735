package com.mallrank.crawler.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mallrank.crawler.politeness.AddressRefusedException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SiteProfilesTest {

  private static final String VALID =
      TestProfiles.HTML
          + """
        price:
          select: .price
          regex: "([0-9.]+)"
          unit: fen
      """;

  @Test
  void loadsTheBuiltInSandboxProfile() {
    SiteProfile profile = SiteProfiles.builtIn("sandbox-static");

    assertThat(profile.id()).isEqualTo("sandbox-static");
    assertThat(profile.mode()).isEqualTo(ProfileMode.HTML);
    assertThat(profile.search().allowPrivateAddresses()).isTrue();
    assertThat(profile.fields()).containsKeys(FieldName.values());
    assertThat(profile.markers().blocked()).hasSize(3);
    assertThat(profile.source()).isEqualTo("classpath:mallrank/profiles/sandbox-static.yml");
  }

  @Test
  void unknownBuiltInIsAProfileException() {
    assertThatThrownBy(() -> SiteProfiles.builtIn("nope"))
        .isInstanceOf(ProfileException.class)
        .hasMessageContaining("mallrank/profiles/nope.yml");
  }

  @Test
  void readsAValidProfileWithDefaults() {
    SiteProfile profile = SiteProfiles.parse("demo.yml", VALID);

    assertThat(profile.name()).isEqualTo("demo");
    assertThat(profile.expectCards()).isTrue();
    assertThat(profile.field(FieldName.PRICE).unit()).isEqualTo(NumberUnit.FEN);
    assertThat(profile.field(FieldName.PRODUCT_ID).locator().isSelf()).isTrue();
    assertThat(profile.field(FieldName.PRODUCT_ID).attributes()).containsExactly("data-id");
    assertThat(profile.sponsored()).isNull();
  }

  @Test
  void badRegexNamesFileKeyPathAndLine() {
    String yaml = VALID.replace("regex: \"([0-9.]+)\"", "regex: \"([0-9.]+\"");

    assertThatThrownBy(() -> SiteProfiles.parse("demo.yml", yaml))
        .isInstanceOf(ProfileException.class)
        .hasMessageContaining("demo.yml:12: fields.price.regex: invalid regex");
  }

  @Test
  void reportsEveryProblemTogetherInLineOrder() {
    String yaml =
        """
        id: Demo Profile
        mode: html
        colour: blue
        search:
          url-template: "{base}/search"
        cards:
          select: "li..card"
        fields:
          title: .title
          price:
            select: .price
            unit: dollars
          commission:
            regex: "no group"
          rating: .stars
        markers:
          blocked:
            - select: "#captcha"
              text: both
        """;

    ProfileException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            ProfileException.class, () -> SiteProfiles.parse("bad.yml", yaml));

    assertThat(e.problems())
        .extracting(p -> p.line() + " " + p.field())
        .containsExactly(
            "1 id",
            "3 colour",
            "5 search.url-template",
            "7 cards.select",
            "8 fields.product-id",
            "12 fields.price.unit",
            "14 fields.commission.regex",
            "15 fields.rating",
            "18 markers.blocked[0]");
    assertThat(e.getMessage()).startsWith("9 problems in site profile:").contains("bad.yml:7");
  }

  @Test
  void jsonProfilesValidatePaths() {
    String yaml =
        """
        id: api
        mode: json
        search:
          url-template: "https://api.example.test/s?q={keyword}"
        items: data.list[x]
        fields:
          product-id: id
          commission:
            path: cos_ratio
            unit: basis-points
          image:
            path: cover
            unit: fen
        """;

    assertThatThrownBy(() -> SiteProfiles.parse("api.yml", yaml))
        .isInstanceOf(ProfileException.class)
        .hasMessageContaining("api.yml:5: items:")
        .hasMessageContaining("api.yml:13: fields.image.unit:");
  }

  @Test
  void jsonPathListsAreValidatedItemByItem() {
    String yaml =
        """
        id: api
        mode: json
        search:
          url-template: "https://api.example.test/s?q={keyword}"
        items: data.list
        fields:
          product-id: [id, "ids[x]"]
          title:
            path: []
        """;

    assertThatThrownBy(() -> SiteProfiles.parse("api.yml", yaml))
        .isInstanceOf(ProfileException.class)
        .hasMessageContaining("api.yml:7: fields.product-id:")
        .hasMessageContaining("api.yml:9: fields.title.path: must not be an empty list");
  }

  @Test
  void malformedYamlHasALine() {
    assertThatThrownBy(() -> SiteProfiles.parse("broken.yml", "id: a\nmode: [html\n"))
        .isInstanceOf(ProfileException.class)
        .hasMessageContaining("broken.yml:")
        .hasMessageContaining("malformed YAML");
  }

  @Test
  void loadsFromAFileNamingIt(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("mine.yml");
    Files.writeString(file, VALID.replace("mode: html", "mode: xml"));

    assertThatThrownBy(() -> SiteProfiles.load(file))
        .isInstanceOf(ProfileException.class)
        .hasMessageContaining(file + ":2: mode: must be html or json");
  }

  @Test
  void buildsSearchUrlsAndGuardsHosts() {
    SearchSettings sandbox = SiteProfiles.builtIn("sandbox-static").search();
    assertThat(sandbox.url("http://127.0.0.1:8080/", "羽绒服 女"))
        .isEqualTo(
            URI.create(
                "http://127.0.0.1:8080/search?keyword=%E7%BE%BD%E7%BB%92%E6%9C%8D%20%E5%A5%B3"));

    SearchSettings strict =
        new SearchSettings(
            "{base}/s?q={keyword}", java.util.List.of("93.184.215.14", "127.0.0.1"), false);
    assertThatCode(() -> strict.guard().check(URI.create("https://93.184.215.14/s")))
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> strict.guard().check(URI.create("https://example.org/s")))
        .hasMessageContaining("not on the allow-list");
    assertThatThrownBy(() -> strict.guard().check(strict.url("http://127.0.0.1:8080", "x")))
        .isInstanceOf(AddressRefusedException.class);
    assertThatThrownBy(() -> strict.url("not a url", "x"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
