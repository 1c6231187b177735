package com.mallrank.crawler.parse;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mallrank.crawler.fetch.FetchResponse;
import com.mallrank.crawler.model.Listing;
import com.mallrank.crawler.model.ResultPage;
import com.mallrank.crawler.profile.SiteProfiles;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Walks every dated fixture folder {@code pages/<profile>/<yyyymm>/<case>.html|json|stream} and
 * compares the extracted page with {@code <case>.expected.json}: status, marker, every listing's
 * fields, and the evidence's {@code detail} where the expected file has one. Pages are read as
 * bytes, as {@code profile test --page} reads them. When a layout changes, add a dated folder;
 * never edit an old one.
 */
class GoldenPagesTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  static Stream<Path> cases() throws IOException, URISyntaxException {
    Path root = Path.of(GoldenPagesTest.class.getResource("/pages").toURI());
    List<Path> pages = new ArrayList<>();
    try (Stream<Path> files = Files.walk(root)) {
      files
          .filter(p -> p.getFileName().toString().matches(".+\\.(html|json|stream)"))
          .filter(p -> !p.getFileName().toString().endsWith(".expected.json"))
          .sorted()
          .forEach(pages::add);
    }
    assertThat(pages).as("golden pages under %s", root).isNotEmpty();
    return pages.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void extractsAsExpected(Path page) throws IOException {
    String file = page.getFileName().toString();
    Path expectedFile =
        page.resolveSibling(file.substring(0, file.lastIndexOf('.')) + ".expected.json");
    assertThat(expectedFile).as("every golden page has an expected file").exists();
    String yyyymm = page.getParent().getFileName().toString();
    String profileId = page.getParent().getParent().getFileName().toString();
    assertThat(yyyymm).as("dated folder").matches("\\d{6}");
    JsonNode expected = JSON.readTree(expectedFile.toFile());

    // Read as bytes, as `profile test --page` reads a file: a stream's frames may split a
    // character.
    FetchResponse response =
        FetchResponse.ofBytes(
            "http://127.0.0.1:8080/search?keyword=x",
            expected.path("http-status").asInt(200),
            null,
            Files.readAllBytes(page),
            Duration.ZERO);
    ResultPage actual =
        Extractors.forProfile(
                SiteProfiles.builtIn(profileId),
                ExtractOptions.depth(expected.path("depth").asInt(ExtractOptions.DEFAULT_DEPTH)))
            .extract(response);

    assertThat(actual.status().code())
        .as("status; evidence %s", actual.evidence())
        .isEqualTo(expected.get("status").asText());
    assertThat(actual.evidence().marker()).isEqualTo(text(expected.get("marker")));
    if (expected.has("detail")) { // the evidence's detail, where a case pins it (202612 on)
      assertThat(actual.evidence().detail()).isEqualTo(text(expected.get("detail")));
    }
    List<Map<String, String>> want = new ArrayList<>();
    expected.get("listings").forEach(l -> want.add(fields(l)));
    List<Map<String, String>> got =
        actual.listings().stream().map(GoldenPagesTest::fields).toList();
    assertThat(got).hasSameSizeAs(want);
    for (int i = 0; i < want.size(); i++) {
      assertThat(got.get(i)).as("listing %d", i + 1).isEqualTo(want.get(i));
    }
  }

  private static Map<String, String> fields(JsonNode l) {
    Map<String, String> m = new LinkedHashMap<>();
    l.fieldNames()
        .forEachRemaining(name -> m.put(name, l.get(name).isNull() ? null : l.get(name).asText()));
    return m;
  }

  private static Map<String, String> fields(Listing l) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("position", String.valueOf(l.position()));
    m.put("organic-rank", l.organicRank() == null ? null : l.organicRank().toString());
    m.put("sponsored", String.valueOf(l.sponsored()));
    m.put("product-id", l.productId());
    m.put("title", l.title());
    m.put("shop-id", l.shopId());
    m.put("shop-name", l.shopName());
    m.put("price", plain(l.price()));
    m.put("commission", plain(l.commissionRate()));
    m.put("image", l.imageUrl());
    m.put("sales", l.salesLabel());
    return m;
  }

  private static String plain(BigDecimal value) {
    return value == null ? null : value.toPlainString();
  }

  private static String text(JsonNode node) {
    return node == null || node.isNull() ? null : node.asText();
  }
}
