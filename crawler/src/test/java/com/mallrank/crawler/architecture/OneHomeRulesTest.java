package com.mallrank.crawler.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.AccessTarget.Predicates.declaredIn;
import static com.tngtech.archunit.core.domain.JavaAccess.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongTo;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.mallrank.crawler.fetch.Cookie;
import com.mallrank.crawler.fetch.StorageState;
import com.mallrank.crawler.model.SampleStatus;
import com.mallrank.crawler.politeness.Backoff;
import com.mallrank.crawler.politeness.TimeSource;
import com.mallrank.crawler.sampler.KeywordSampler;
import com.mallrank.crawler.text.ControlCharacters;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The crawler's rules with one home each, checked on its bytecode where a rule shows there (a call,
 * a field read, a dependency): the control-character rule in {@link ControlCharacters}; backoff
 * computed in {@link Backoff} and waited in {@link TimeSource}, so no class grows a retry loop of
 * its own; the storage-state format in {@link StorageState}; which statuses produce ranks asked of
 * {@link SampleStatus#producesRanks()}.
 *
 * <p>The {@code @Test}s below are source scans, kept only where the bytecode shows nothing: a
 * regular expression ({@code \p{Cntrl}}), a JSON key ({@code "cookies"}, {@code "captured"}), a
 * status code ({@code "partial"}) and a date pattern ({@code yyyyMMdd'T'HHmm}) are string literals,
 * and a character range ({@code 0x202A}, a bidirectional control) is a number in a comparison, none
 * of which ArchUnit imports. They cover the storage-state keys, the captured-response document (its
 * one writer is {@code body.CaptureDocumentBuilder}: every key of it is a literal), the status
 * codes as text, and the index's compact slot form (its home is {@code DocumentIds.compactSlot},
 * which callers hand to the crawler).
 */
@AnalyzeClasses(
    packages = "com.mallrank.crawler",
    importOptions = {ImportOption.DoNotIncludeTests.class, OneHomeRulesTest.NotTheSandbox.class})
class OneHomeRulesTest {

  /**
   * Leaves out the sandbox mall (module {@code crawler/sandbox}, on the test classpath only): a
   * fake site, whose slow-answer faults sleep on purpose.
   */
  public static final class NotTheSandbox implements ImportOption {
    @Override
    public boolean includes(Location location) {
      return !location.contains("/com/mallrank/crawler/sandbox/");
    }
  }

  private static final Path MAIN = Path.of("src/main/java/com/mallrank/crawler");

  /**
   * A control-character class in a regular expression, or the bidirectional controls' ranges
   * (U+202A, U+2066) as a number or a character literal.
   */
  private static final Pattern CONTROL_LITERALS =
      Pattern.compile(
          "\\\\p\\{(Cntrl|Cc|IsControl)\\}|0x202A|0x2066|\\\\u202A|\\\\u2066",
          Pattern.CASE_INSENSITIVE);

  /** The package that decides a page's status (its classes there are package-private). */
  private static final String PARSE = "com.mallrank.crawler.parse.";

  @ArchTest
  static final ArchRule controlCharactersAreToldApartInControlCharactersAlone =
      noClasses()
          .that()
          .doNotBelongToAnyOf(ControlCharacters.class)
          .should()
          .accessTargetWhere(to(Character.class, "getType|isISOControl"))
          .because("which characters are controls is ControlCharacters' rule");

  @ArchTest
  static final ArchRule backoffIsComputedInBackoffAlone =
      noClasses()
          .that()
          .doNotBelongToAnyOf(Backoff.class)
          .should()
          .accessTargetWhere(to(Math.class, "pow").or(to(StrictMath.class, "pow")))
          .because("a growing wait is a Backoff, configured once");

  @ArchTest
  static final ArchRule waitsAreInTimeSourceAlone =
      noClasses()
          .that()
          .doNotBelongToAnyOf(TimeSource.class)
          .should()
          .accessTargetWhere(to(Thread.class, "sleep").or(to(TimeUnit.class, "sleep")))
          .because("politeness waits on a TimeSource, which tests replace");

  @ArchTest
  static final ArchRule storageStateCookiesAreReadInStorageStateAlone =
      noClasses()
          .that()
          .doNotBelongToAnyOf(StorageState.class)
          .should()
          .accessTargetWhere(to(Cookie.class, "ofStorageState"));

  /**
   * A class that takes a login state from Playwright, hands one to it, or holds a {@link
   * StorageState} leaves the state's JSON to {@link StorageState}: it parses no JSON itself.
   */
  @ArchTest
  static final ArchRule loginStatesAreParsedInStorageStateAlone =
      noClasses()
          .that(handleLoginStates())
          .and()
          .doNotBelongToAnyOf(StorageState.class)
          .should()
          .dependOnClassesThat()
          .resideInAPackage("com.fasterxml.jackson..")
          .because("the storage-state format has one reader and writer, StorageState");

  /**
   * {@code ok} and {@code partial} are told apart where a page's status is decided ({@code
   * parse.ResultAssembler}: every card or fewer; {@code parse.CaptureDocument}: a cut stream lowers
   * {@code ok}); {@link KeywordSampler} maps every status, exhaustively, to how politeness treats
   * the attempt. Everyone else asks {@link SampleStatus#producesRanks()}.
   */
  @ArchTest
  static final ArchRule rankedStatusesAreNamedWhereTheyAreDecided =
      noClasses()
          .that(
              not(belongTo(
                      name(SampleStatus.class.getName())
                          .or(name(PARSE + "ResultAssembler"))
                          .or(name(PARSE + "CaptureDocument"))
                          .or(name(KeywordSampler.class.getName()))))
                  .as("are not SampleStatus nor where a page's status is decided"))
          .should()
          .accessTargetWhere(to(SampleStatus.class, "OK|PARTIAL"))
          .because("which statuses produce ranks is SampleStatus.producesRanks()");

  @Test
  void controlCharacterClassesAreWrittenInControlCharactersAlone() {
    assertThat(hits(CONTROL_LITERALS))
        .isNotEmpty()
        .allMatch(hit -> hit.startsWith("text/ControlCharacters.java:"));
  }

  @Test
  void theStorageStateKeysAreWrittenInStorageStateAlone() {
    assertThat(
            hits(
                Pattern.compile(
                    "(path|get|has|putArray|set)\\(\"(cookies|origins|localStorage)\"\\)")))
        .isNotEmpty()
        .allMatch(hit -> hit.startsWith("fetch/StorageState.java:"));
  }

  @Test
  void theCapturedResponseDocumentIsWrittenInCaptureDocumentBuilderAlone() {
    assertThat(hits(Pattern.compile("put(Array|Object)?\\(\"captured\"")))
        .isNotEmpty()
        .allMatch(hit -> hit.startsWith("body/CaptureDocumentBuilder.java:"));
  }

  @Test
  void rankedStatusCodesAreNotSpelledOut() {
    assertThat(hits(Pattern.compile("\"(ok|partial)\"", Pattern.CASE_INSENSITIVE))).isEmpty();
  }

  @Test
  void theCompactSlotFormIsNotCopied() {
    assertThat(hits(Pattern.compile("yyyyMMdd'T'HHmm"))).isEmpty();
  }

  /** An access (call, method reference, field read) to {@code owner}'s members named so. */
  private static DescribedPredicate<JavaAccess<?>> to(Class<?> owner, String names) {
    return target(declaredIn(owner).and(nameMatching(names)))
        .as("%s.%s", owner.getSimpleName(), names);
  }

  /** Classes that take or hand over a login state (Playwright's storage state, or ours). */
  private static DescribedPredicate<JavaClass> handleLoginStates() {
    DescribedPredicate<JavaAccess<?>> state =
        to(BrowserContext.class, "storageState")
            .or(to(Browser.NewContextOptions.class, "setStorageState(Path)?"))
            .or(target(declaredIn(StorageState.class)));
    return describe(
        "take or hand over a login state", c -> c.getAccessesFromSelf().stream().anyMatch(state));
  }

  /** {@code path:line: text} of every code line (comments left out) matching {@code pattern}. */
  private static List<String> hits(Pattern pattern) {
    try (Stream<Path> files = Files.walk(MAIN)) {
      return files
          .filter(f -> f.toString().endsWith(".java"))
          .sorted()
          .flatMap(
              f -> {
                List<String> lines = read(f);
                String name = MAIN.relativize(f).toString().replace('\\', '/');
                return IntStream.range(0, lines.size())
                    .filter(i -> !isComment(lines.get(i)) && pattern.matcher(lines.get(i)).find())
                    .mapToObj(i -> name + ":" + (i + 1) + ": " + lines.get(i).strip());
              })
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean isComment(String line) {
    String s = line.strip();
    return s.startsWith("*") || s.startsWith("/*") || s.startsWith("//");
  }

  private static List<String> read(Path file) {
    try {
      return Files.readAllLines(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
