package com.mallrank.batch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.mallrank.batch.MallrankApplication;
import com.mallrank.batch.testing.ConsoleCapture;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code profile test} on what a phone gives: a saved streamed body, a HAR file. */
class ProfileTestStreamsCommandTest {

  @RegisterExtension final ConsoleCapture console = ConsoleCapture.separate();

  @TempDir Path dir;

  private int run(String... args) {
    String[] all = new String[args.length + 1];
    all[0] = "--spring.datasource.url=jdbc:h2:mem:cli-" + System.nanoTime();
    System.arraycopy(args, 0, all, 1, args.length);
    // as main runs it: only what the command needs is started (CommandLineStartup; that every
    // startup answers as the whole application is CommandLineStartupTest's)
    return MallrankApplication.run(all);
  }

  private static String frame(String document) {
    return Integer.toHexString(document.getBytes(StandardCharsets.UTF_8).length)
        + "\r\n"
        + document
        + "\r\n";
  }

  @Test
  void aSavedAppStreamIsReadWithThePageOption() throws Exception {
    Path body = dir.resolve("stream.txt");
    Files.writeString(
        body,
        frame("{\"status_code\":0}")
            + frame(
                "{\"page_data\":{\"feed_layer\":{\"sections\":[{\"items\":[{\"ProductID\":"
                    + "\"3712000000000000099\",\"Title\":\"羽绒服\",\"Price\":19900,"
                    + "\"MaterialContentInfo\":\"素材id:601,素材内容:暖冬店;\"}]}]}}}")
            + "0\r\n\r\n");

    int code = run("profile", "test", "--profile", "douyin-mall", "--page", body.toString());

    assertThat(code).isZero();
    String table = console.out();
    assertThat(table).startsWith("status: partial\n").contains("3712000000000000099", "暖冬店");
  }

  @Test
  void aWrongLengthPrefixIsAnErrorNamingTheOffset() throws Exception {
    Path body = dir.resolve("stream.txt");
    Files.writeString(body, frame("{\"a\":1}") + "fff\r\n{\"b\":2}\r\n");

    int code = run("profile", "test", "--profile", "douyin-mall", "--page", body.toString());

    assertThat(code).isEqualTo(3);
    assertThat(console.out())
        .contains(
            "status: error\n",
            "no card before the stream was cut (stream cut at byte offset 12: the frame at byte"
                + " offset 12 announces 4095 bytes (0xfff) but only 9 remain)");
  }

  @Test
  void aHarThatIsNotJsonIsRefusedNamingTheFile() throws Exception {
    Path har = dir.resolve("phone.har");
    Files.writeString(har, "<html>502 Bad Gateway</html>");

    int code =
        run(
            "profile",
            "test",
            "--profile",
            "douyin-mall",
            "--har",
            har.toString(),
            "--har-keyword",
            "羽绒服");

    assertThat(code).isEqualTo(2);
    assertThat(console.err()).contains(har + ": not a HAR file: not JSON");
  }

  private static final Path LAYOUTS =
      Path.of("../crawler/src/test/resources/har/layouts").toAbsolutePath().normalize();
  private static final String PROFILE =
      Path.of("../crawler/src/test/resources/har/har-test.yml").toAbsolutePath().normalize() + "";

  private int har(String har, String... more) {
    java.util.List<String> args =
        new java.util.ArrayList<>(
            java.util.List.of("profile", "test", "--profile", PROFILE, "--har", har));
    args.addAll(java.util.List.of(more));
    return run(args.toArray(String[]::new));
  }

  @Test
  void aCaptureWhoseLastPageSaysThereIsNoMoreIsOkHoweverShort() throws Exception {
    int code = har(LAYOUTS.resolve("chrome.har").toString(), "--har-keyword", "猫粮", "--json");

    assertThat(code).isZero();
    var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(console.out());
    assertThat(json.path("status").asText()).isEqualTo("ok");
    assertThat(json.path("detail").asText())
        .isEqualTo(
            "3 cards on the page, fewer than the 60 requested: the capture's last page says there"
                + " is no more (/data/has_more false)");
    assertThat(json.path("listings").findValuesAsText("product-id"))
        .containsExactly("3700000000000000001", "3700000000000000002", "3700000000000000003");
  }

  @Test
  void aCaptureThePhoneStoppedScrollingIsPartialBelowTheDepth() throws Exception {
    String bom = LAYOUTS.resolve("bom.har").toString();
    var mapper = new com.fasterxml.jackson.databind.ObjectMapper();

    int code = har(bom, "--har-keyword", "猫粮", "--json");

    assertThat(code).isZero(); // partial still ranks
    var json = mapper.readTree(console.out());
    assertThat(json.path("status").asText()).isEqualTo("partial");
    assertThat(json.path("detail").asText())
        .isEqualTo(
            "2 cards on the page, fewer than the 60 requested; the capture's last page says there"
                + " is more (/data/has_more true): the phone stopped scrolling");
    console.reset();
    har(bom, "--har-keyword", "猫粮", "--json", "--depth", "2");
    json = mapper.readTree(console.out());
    assertThat(json.path("status").asText()).isEqualTo("ok");
    assertThat(json.path("detail").asText()).isEqualTo("2 cards on the page, 2 kept");
  }

  @Test
  void aFolderOfCapturesIsReadAndItsBadFilesNamed() throws Exception {
    for (String name : java.util.List.of("mitmproxy.har", "cut.har", "not-json.har")) {
      Files.copy(LAYOUTS.resolve(name), dir.resolve(name));
    }

    int code = har(dir.toString(), "--har-keyword", "猫粮");

    assertThat(code).isZero();
    assertThat(console.out()).startsWith("status: ok\n").contains("3700000000000000003");
    // read only: profile test never moves a file
    assertThat(dir.resolve("mitmproxy.har")).exists();
  }

  @Test
  void theHarDirOfPerAccountFoldersNamesTheFoldersThatHoldCaptures() throws Exception {
    // crawler.har-dir laid out per account: mx-a's capture processed, mx-b's new, mx-c empty
    Path root = Files.createDirectories(dir.resolve("har"));
    Files.copy(
        LAYOUTS.resolve("mitmproxy.har"),
        Files.createDirectories(root.resolve("mx-a/processed")).resolve("phone.har"));
    Files.copy(
        LAYOUTS.resolve("chrome.har"),
        Files.createDirectories(root.resolve("mx-b")).resolve("b.har"));
    Files.createDirectories(root.resolve("mx-c"));

    int code = har(root.toString(), "--har-keyword", "猫粮");

    assertThat(code).isEqualTo(2);
    assertThat(console.err())
        .contains(
            root
                + ": no .har file in the folder; its account folders hold captures (mx-a, mx-b):"
                + " one phone's each, e.g. --har "
                + root.resolve("mx-a"));
    console.reset();
    assertThat(har(root.resolve("mx-a").toString(), "--har-keyword", "猫粮")).isZero();
    assertThat(console.out()).startsWith("status: ok\n");
  }

  @Test
  void everyLayoutReadsOrGivesANamedErrorAsOneJsonObject() throws Exception {
    java.util.Map<String, String> expected = new java.util.LinkedHashMap<>();
    for (String ok :
        java.util.List.of(
            "chrome.har",
            "firefox.har",
            "safari.har",
            "charles.har",
            "insomnia.har",
            "mitmproxy.har")) {
      expected.put(ok, "0 ok");
    }
    expected.put("bom.har", "0 partial"); // one page, has_more true
    expected.put("timeout.har", "3 error response-unusable");
    expected.put("cut.har", "2 error har-unreadable");
    expected.put("not-json.har", "2 error har-unreadable");
    var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
    java.util.Map<String, String> actual = new java.util.LinkedHashMap<>();
    for (String name : expected.keySet()) {
      console.reset();
      int code = har(LAYOUTS.resolve(name).toString(), "--har-keyword", "猫粮", "--json");
      var json = mapper.readTree(console.out()); // exactly one JSON object, errors too
      actual.put(
          name,
          (code + " " + json.path("status").asText() + " " + json.path("reason").asText(""))
              .strip());
      assertThat(console.out()).doesNotContain("7312345678901234567", "abcDEF123secret");
      assertThat(console.err()).doesNotContain("Exception", "\tat ");
    }
    assertThat(actual).containsExactlyEntriesOf(expected);
  }

  @Test
  void aCutCaptureGivesAJsonErrorNamingTheFile() throws Exception {
    Path cut = LAYOUTS.resolve("cut.har");

    int code = har(cut.toString(), "--har-keyword", "猫粮", "--json");

    assertThat(code).isEqualTo(2);
    var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(console.out());
    assertThat(json.path("status").asText()).isEqualTo("error");
    assertThat(json.path("reason").asText()).isEqualTo("har-unreadable");
    assertThat(json.path("detail").asText())
        .matches(
            java.util.regex.Pattern.quote(cut.toString())
                + ": cut off at byte \\d+: the file ends inside the JSON \\(still being written"
                + " or copied\\?\\)");
  }

  @Test
  void anotherKeywordIsSkippedNamingWhatWasFound() throws Exception {
    int code = har(LAYOUTS.resolve("charles.har").toString(), "--har-keyword", "猫");

    assertThat(code).isEqualTo(3);
    assertThat(console.out())
        .isEqualTo(
            "status: skipped\nreason: keyword-differs\ndetail: no capture: search URL matched (2"
                + " request(s)) but the keyword differs: '猫' not at [query:keyword]; found 猫粮"
                + " (query:keyword) ×2\n");
  }

  @Test
  void aWrongOptionWithJsonIsStillOneJsonObject() throws Exception {
    int code = run("profile", "test", "--har", "x.har", "--json");

    assertThat(code).isEqualTo(2);
    var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(console.out());
    assertThat(json.path("status").asText()).isEqualTo("error");
    assertThat(json.path("reason").asText()).isEqualTo("bad-arguments");
    assertThat(json.path("detail").asText()).contains("--profile");
  }

  @Test
  void helpNamesTheHarKeywordOption() {
    run("profile", "test", "--help");

    assertThat(console.out().replaceAll("\\s+", " "))
        .contains("--har-keyword=<harKeyword>", "the newest search of --har-keyword")
        .doesNotContain("search of --keyword");
  }

  @Test
  void atDebugLevelNoDeviceIdOrTokenOfTheCapturedUrlsIsPrintedOrLogged() throws Exception {
    for (String name : java.util.List.of("mitmproxy.har", "timeout.har", "cut.har")) {
      Files.copy(LAYOUTS.resolve(name), dir.resolve(name));
    }
    // in the whole application, where root DEBUG logs plenty (Spring's own lines among them)
    System.setProperty(CommandLineStartup.OVERRIDE, "full");
    try {
      for (String keyword : java.util.List.of("猫粮", "狗粮")) {
        har(dir.toString(), "--har-keyword", keyword, "--logging.level.root=DEBUG");
        har(dir.toString(), "--har-keyword", keyword, "--json", "--logging.level.root=DEBUG");
      }
    } finally {
      System.clearProperty(CommandLineStartup.OVERRIDE);
    }

    assertThat(console.err()).contains("DEBUG"); // root DEBUG really was on
    assertThat(console.out() + console.err())
        .contains("3700000000000000001", "'狗粮' not at [query:keyword]")
        .doesNotContain("7312345678901234567", "7398765432109876543", "abcDEF123secret");
  }
}
