package com.mallrank.crawler.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The loader refuses regexes that backtrack exponentially, naming file, line and key. */
class RegexSafetyTest {

  private static String profile(String regex) {
    return TestProfiles.HTML
        + """
          title:
            select: .title
            regex: '%s'
        """
            .formatted(regex);
  }

  @ParameterizedTest
  @ValueSource(strings = {"(.*a){25}x", "(a+)+", "(a|a)*", "(\\w+\\s?)*", "x((?:a?)b+){2,}"})
  void catastrophicPatternsAreRefusedWithFileLineAndKey(String regex) {
    assertThatThrownBy(() -> SiteProfiles.parse("hostile.yml", profile(regex)))
        .isInstanceOf(ProfileException.class)
        .hasMessageContaining("hostile.yml:12: fields.title.regex: the group before")
        .hasMessageContaining("backtracks exponentially");
  }

  @Test
  void theMessageSaysWhichRepeatAndWhy() {
    assertThat(RegexSafety.problem("(.*a){25}x"))
        .contains(
            "the group before '{25}' (index 5) repeats and holds a repeat of variable length: it"
                + " backtracks exponentially on a long enough text; write it without the nesting,"
                + " or make the inner repeat possessive (a++) or atomic ((?>…))");
    assertThat(RegexSafety.problem("(a|a)*").orElseThrow()).contains("holds an alternation");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "([0-9.]+)\\s*%",
        "(\\d+)",
        "/aweme/v\\d/shop/search/|/search/(item|goods|commodity)",
        "(\\d{3})+",
        "(a++)+",
        "((?>a+))+",
        "(a+)?b",
        "([(a+|)])+",
        "\\Q(a+)+\\E(x)",
        "(?i)(abc)*",
        "(?<price>\\d+)(?:\\.\\d\\d)?",
        ".*.*.*.*(x)"
      })
  void boundedPatternsPass(String regex) {
    assertThat(RegexSafety.problem(regex)).isEmpty();
  }

  @Test
  void aCatastrophicCaptureUrlRegexIsRefused() {
    String yaml =
        """
        id: demo
        mode: json
        search:
          url-template: "{base}/search?keyword={keyword}"
        items: data.list
        fields:
          product-id: id
        fetch:
          with: browser
          mode: capture
          capture-url: "regex:/api/(\\\\w+/?)*search"
        """;

    assertThatThrownBy(() -> SiteProfiles.parse("capture.yml", yaml))
        .isInstanceOf(ProfileException.class)
        .hasMessageContaining("capture.yml:11: fetch.capture-url: the group before '*'");
  }

  @Test
  void regexSelectorsAreRefusedBecauseTheyRunUnbounded() {
    String yaml = profile("(\\d+)").replace("select: li.card", "select: \"li:matchesOwn((a+)+b)\"");

    assertThatThrownBy(() -> SiteProfiles.parse("selector.yml", yaml))
        .isInstanceOf(ProfileException.class)
        .hasMessageContaining(
            "selector.yml:6: cards.select: regex selectors (:matches, :matchesOwn, ...) run on"
                + " every element without a step bound");
  }

  @Test
  void everyBuiltInAndTestProfileStillLoads() throws IOException {
    List<Path> files;
    try (Stream<Path> builtIn = Files.list(Path.of("src/main/resources/mallrank/profiles"));
        Stream<Path> tests = Files.walk(Path.of("src/test/resources"))) {
      files =
          Stream.concat(builtIn, tests)
              .filter(p -> p.toString().endsWith(".yml") && isProfile(p))
              .toList();
    }
    assertThat(files).hasSizeGreaterThanOrEqualTo(4);
    for (Path file : files) {
      assertThat(SiteProfiles.load(file).source()).isNotBlank();
    }
  }

  private static boolean isProfile(Path file) {
    try {
      String text = Files.readString(file);
      return text.contains("\nmode:") && text.contains("\nfields:");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
