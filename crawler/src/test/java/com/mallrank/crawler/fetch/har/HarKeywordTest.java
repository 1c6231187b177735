package com.mallrank.crawler.fetch.har;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.luben.zstd.Zstd;
import com.mallrank.crawler.model.CaptureKeyword;
import com.mallrank.crawler.testing.MitmproxyHar;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which capture is the keyword's: matched exactly from the decoded request (query, form body with
 * {@code +} as a space, JSON body, a zstd body as Douyin 38 sends it), never by substring; and each
 * "nothing matched" says which of no request, another keyword, an unreadable keyword or an unusable
 * response it was. The HARs are built here, in mitmproxy's layout (bodies that are not UTF-8 as
 * surrogate escapes, one per byte).
 */
class HarKeywordTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String V2 =
      "https://api5-normal-c-lf.amemv.com/aweme/v2/shop/search/aggregate/shopping/stream/";
  private static final String QUERY = "?device_id=7312345678901234567&iid=7398765432109876543";
  private static final String PAGE = "{\"items\":[{\"product_info\":{\"gid\":\"1\"}}]}";
  private static final CaptureKeyword FORM =
      new CaptureKeyword(List.of(CaptureKeyword.parse("form:keyword")));

  @TempDir Path dir;

  /** A mitmproxy-style entry: POST with a form body (bytes, written as savehar.py writes text). */
  private static ObjectNode post(String started, byte[] form, String encodingHeader, String body) {
    ObjectNode entry = JSON.createObjectNode();
    entry.put("startedDateTime", started);
    ObjectNode request = entry.putObject("request");
    request.put("method", "POST");
    request.put("url", V2 + QUERY);
    ArrayNode headers = request.putArray("headers");
    headers
        .addObject()
        .put("name", "content-type")
        .put("value", "application/x-www-form-urlencoded");
    if (encodingHeader != null) {
      headers.addObject().put("name", "x-bd-content-encoding").put("value", encodingHeader);
    }
    ObjectNode postData = request.putObject("postData");
    postData.put("mimeType", "application/x-www-form-urlencoded");
    postData.put("text", MitmproxyHar.surrogateEscape(form));
    postData.putArray("params");
    ObjectNode response = entry.putObject("response");
    if (body == null) {
      response.put("status", 0);
      response.putObject("content");
      response.put("_error", "Connection killed.");
    } else {
      response.put("status", 200);
      response.putObject("content").put("mimeType", "application/json").put("text", body);
    }
    return entry;
  }

  private Path har(ObjectNode... entries) throws Exception {
    ObjectNode root = JSON.createObjectNode();
    ArrayNode list = root.putObject("log").put("version", "1.2").putArray("entries");
    for (ObjectNode e : entries) {
      list.add(e);
    }
    Path file = Files.createTempFile(dir, "phone", ".har");
    // as json.dumps(indent=4) writes it: every non-ASCII character, lone surrogates too, as \\uXXXX
    Files.writeString(
        file,
        JSON.writerWithDefaultPrettyPrinter()
            .with(com.fasterxml.jackson.core.json.JsonWriteFeature.ESCAPE_NON_ASCII.mappedFeature())
            .writeValueAsString(root));
    return file;
  }

  private static byte[] form(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static HarCapture.Outcome find(Path file, String keyword, CaptureKeyword where) {
    return new HarCapture("**/shop/search/aggregate/shopping/stream/*", where)
        .find(List.of(file), keyword, null, null);
  }

  @Test
  void aLongerKeywordIsNotTheKeywordsCapture() throws Exception {
    Path file =
        har(
            post(
                "2026-12-01T02:05:00Z",
                form("keyword=%E7%BE%BD%E7%BB%92%E6%9C%8D%E5%A5%B3&cursor=0"),
                null,
                PAGE));

    HarCapture.Outcome outcome = find(file, "羽绒服", FORM);

    assertThat(outcome.kind()).isEqualTo(HarCapture.Kind.KEYWORD_DIFFERS);
    assertThat(outcome.detail())
        .isEqualTo(
            "no capture: search URL matched (1 request(s)) but the keyword differs: '羽绒服' not at"
                + " [form:keyword]; found 羽绒服女 (form:keyword)");
    assertThat(find(file, "羽绒服女", FORM).kind()).isEqualTo(HarCapture.Kind.FOUND);
    // anywhere: no parameter holds exactly 羽绒服, the longer value is named as a hint
    assertThat(find(file, "羽绒服", CaptureKeyword.ANY).detail())
        .endsWith("'羽绒服' not at any parameter; found 羽绒服女 (form:keyword)");
  }

  @Test
  void aFormBodyReadsPlusAsASpace() throws Exception {
    Path file = har(post("2026-12-01T02:05:00Z", form("keyword=%E7%8C%AB+%E7%B2%AE"), null, PAGE));

    assertThat(find(file, "猫 粮", FORM).kind()).isEqualTo(HarCapture.Kind.FOUND);
    assertThat(find(file, "猫+粮", FORM).kind()).isEqualTo(HarCapture.Kind.KEYWORD_DIFFERS);
  }

  @Test
  void aZstdFormBodyAsDouyin38SendsItIsDecoded() throws Exception {
    byte[] zstd = Zstd.compress(form("keyword=%E7%8C%AB%E7%B2%AE&offset=0&count=10"));
    Path file = har(post("2026-12-01T02:05:00Z", zstd, "zstd", PAGE));

    HarCapture.Outcome outcome = find(file, "猫粮", FORM);

    assertThat(outcome.kind()).isEqualTo(HarCapture.Kind.FOUND);
  }

  @Test
  void aBodyThatCannotBeDecodedSaysSo() throws Exception {
    byte[] broken = Zstd.compress(form("keyword=%E7%8C%AB%E7%B2%AE"));
    broken = java.util.Arrays.copyOf(broken, 6); // zstd's magic, then cut
    Path file = har(post("2026-12-01T02:05:00Z", broken, "zstd", PAGE));

    HarCapture.Outcome outcome = find(file, "猫粮", FORM);

    assertThat(outcome.kind()).isEqualTo(HarCapture.Kind.KEYWORD_UNREADABLE);
    assertThat(outcome.detail())
        .isEqualTo(
            "no capture: search URL matched (1 request(s)), keyword not readable (body encoded as"
                + " zstd) in 1; '猫粮' not found elsewhere: no value at [form:keyword]");
  }

  @Test
  void aJsonBodyIsReadAtItsPointer() throws Exception {
    ObjectNode entry = post("2026-12-01T02:05:00Z", new byte[0], null, PAGE);
    ObjectNode postData = (ObjectNode) entry.path("request").path("postData");
    postData.put("mimeType", "application/json");
    postData.put("text", "{\"scene\":\"PCSquareFeed\",\"search_text\":\"猫粮\",\"cursor\":0}");
    Path file = har(entry);
    CaptureKeyword searchText =
        new CaptureKeyword(List.of(CaptureKeyword.parse("json:/search_text")));

    assertThat(find(file, "猫粮", searchText).kind()).isEqualTo(HarCapture.Kind.FOUND);
    assertThat(find(file, "猫", searchText).detail()).endsWith("found 猫粮 (json:/search_text)");
  }

  @Test
  void noRequestToTheSearchUrlSaysSoAndNamesTheNearestOutsideTheWindow() throws Exception {
    Path file = har(post("2026-12-01T05:05:00Z", form("keyword=%E7%8C%AB%E7%B2%AE"), null, PAGE));
    Instant from = Instant.parse("2026-12-01T02:00:00Z");

    HarCapture.Outcome outcome =
        new HarCapture("**/shop/search/aggregate/shopping/stream/*", FORM)
            .find(List.of(file), "猫粮", from, from.plusSeconds(3600));

    assertThat(outcome.kind()).isEqualTo(HarCapture.Kind.NO_REQUEST);
    assertThat(outcome.detail())
        .isEqualTo(
            "no capture: no request to the search URL (capture-url"
                + " **/shop/search/aggregate/shopping/stream/*) within 2026-12-01T02:00:00Z to"
                + " 2026-12-01T03:00:00Z (1 outside it, the nearest at 2026-12-01T05:05:00Z) in 1"
                + " HAR file(s)");
    assertThat(outcome.detail()).doesNotContain("7312345678901234567");
  }

  @Test
  void theNewestSearchWithItsLaterPagesIsTaken() throws Exception {
    String old = "{\"items\":[{\"product_info\":{\"gid\":\"old\"}}]}";
    String p1 = "{\"items\":[{\"product_info\":{\"gid\":\"new-1\"}}]}";
    String p2 = "{\"items\":[{\"product_info\":{\"gid\":\"new-2\"}}]}";
    String other = "{\"items\":[{\"product_info\":{\"gid\":\"other\"}}]}";
    Path file =
        har(
            post("2026-12-01T02:01:00Z", form("keyword=%E7%8C%AB%E7%B2%AE&offset=0"), null, old),
            post("2026-12-01T02:20:00Z", form("keyword=%E7%8B%97%E7%B2%AE&offset=0"), null, other),
            post("2026-12-01T02:30:00Z", form("keyword=%E7%8C%AB%E7%B2%AE&offset=0"), null, p1),
            post("2026-12-01T02:30:05Z", form("keyword=%E7%8C%AB%E7%B2%AE&offset=10"), null, p2),
            post("2026-12-01T02:31:00Z", form("keyword=%E7%8C%AB%E7%B2%AE&offset=20"), null, null));

    HarCapture.Outcome outcome = find(file, "猫粮", FORM);

    assertThat(outcome.kind()).isEqualTo(HarCapture.Kind.FOUND);
    // the failed page 3 ends the search: pages 1 and 2 are read, their positions are known
    assertThat(outcome.detail())
        .isEqualTo(
            "2 page(s) from "
                + file.getFileName()
                + "; page 3 unusable, the search read up to it: status 0, _error: Connection"
                + " killed.");
    assertThat(JSON.readTree(outcome.document()).path("responses").findValuesAsText("gid"))
        .containsExactly("new-1", "new-2");
    assertThat(JSON.readTree(outcome.document()).path("captured").get(0).path("url").asText())
        .isEqualTo(V2 + "?…");
  }

  @Test
  void aSearchWhoseOnlyResponseFailedIsUnusableNotMissing() throws Exception {
    Path file = har(post("2026-12-01T02:05:00Z", form("keyword=%E7%8C%AB%E7%B2%AE"), null, null));

    HarCapture.Outcome outcome = find(file, "猫粮", FORM);

    assertThat(outcome.kind()).isEqualTo(HarCapture.Kind.UNUSABLE);
    assertThat(outcome.kind().noCapture()).isFalse();
    assertThat(outcome.detail())
        .isEqualTo(
            "keyword '猫粮' matched (1 search(es)) but the response is unusable: status 0, _error:"
                + " Connection killed.");
  }

  @Test
  void emptyAndNonJsonBodiesAreNamed() throws Exception {
    Path file =
        har(
            post("2026-12-01T02:05:00Z", form("keyword=a"), null, ""),
            post("2026-12-01T02:06:00Z", form("keyword=a"), null, "<html>502</html>"));

    assertThat(find(file, "a", FORM).detail())
        .isEqualTo(
            "keyword 'a' matched (2 search(es)) but the response is unusable: empty body (status"
                + " 200); not JSON (status 200, 16 bytes)");
  }
}
