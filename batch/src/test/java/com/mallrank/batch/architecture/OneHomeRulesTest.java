package com.mallrank.batch.architecture;

import static com.mallrank.index.testing.SourceLines.occurrences;
import static com.tngtech.archunit.core.domain.AccessTarget.Predicates.declaredIn;
import static com.tngtech.archunit.core.domain.JavaAccess.Predicates.target;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.mallrank.crawler.politeness.Backoff;
import com.mallrank.crawler.politeness.TimeSource;
import com.mallrank.index.document.SampleStatus;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Rules with one home outside the batch, checked on its bytecode where a rule shows there: which
 * characters are controls is the crawler's {@code text.ControlCharacters}; which sample statuses
 * produce ranks is asked of {@code SampleStatus} (the index's {@code RANKED} and {@code
 * producesRanks}, or the crawler's enum's {@code producesRanks()}), never by naming {@code ok} or
 * {@code partial}; a growing wait between attempts is the crawler's {@link Backoff} (the
 * JobRepository's refused launches, the broker awaited, webhook deliveries), and every wait, a
 * backoff or a deliberate pause, sleeps on its {@link TimeSource}, so no class grows a retry loop
 * of its own.
 *
 * <p>The {@code @Test}s are source scans, kept where the bytecode shows nothing (ArchUnit imports
 * no literal): a status code spelled out ({@code "partial"}; the reports and change detection name
 * no status code at all), a control-character class in a regular expression or a bidirectional
 * control's range as a number, and the slot's compact form ({@code 20261128T0600Z}), which is the
 * index's {@code DocumentIds.compactSlot}, reached through {@code Formats.compactSlot}.
 */
@AnalyzeClasses(
    packages = "com.mallrank.batch",
    importOptions = ImportOption.DoNotIncludeTests.class)
class OneHomeRulesTest {

  private static final Path MAIN = Path.of("src/main/java/com/mallrank/batch");

  /** Any sample status code as a string literal. */
  private static final Pattern STATUS_CODE =
      Pattern.compile("\"(" + String.join("|", SampleStatus.CODES) + ")\"");

  @ArchTest
  static final ArchRule controlCharactersAreToldApartInControlCharactersAlone =
      noClasses()
          .should()
          .accessTargetWhere(to(Character.class, "getType|isISOControl"))
          .because("which characters are controls is the crawler's ControlCharacters' rule");

  @ArchTest
  static final ArchRule noRankedStatusIsNamed =
      noClasses()
          .should()
          .accessTargetWhere(
              to(SampleStatus.class, "OK|PARTIAL")
                  .or(to(com.mallrank.crawler.model.SampleStatus.class, "OK|PARTIAL")))
          .because("which statuses produce ranks is SampleStatus' rule (RANKED, producesRanks)");

  @ArchTest
  static final ArchRule backoffIsComputedInTheCrawlersBackoffAlone =
      noClasses()
          .should()
          .accessTargetWhere(to(Math.class, "pow").or(to(StrictMath.class, "pow")))
          .because("a growing wait is the crawler's Backoff, configured once");

  @ArchTest
  static final ArchRule waitsAreInTheCrawlersTimeSourceAlone =
      noClasses()
          .should()
          .accessTargetWhere(to(Thread.class, "sleep").or(to(TimeUnit.class, "sleep")))
          .because("every wait sleeps on the crawler's TimeSource, the one home of sleeping");

  @Test
  void noRankedStatusIsSpelledOut() throws IOException {
    assertThat(occurrences(MAIN, Pattern.compile("\"partial\"", Pattern.CASE_INSENSITIVE)))
        .isEmpty();
  }

  @Test
  void reportsAndChangeDetectionNameNoStatusCode() throws IOException {
    assertThat(occurrences(MAIN, STATUS_CODE))
        .filteredOn(hit -> hit.startsWith("report/") || hit.startsWith("changes/"))
        .isEmpty();
  }

  @Test
  void controlCharacterClassesAreNotWrittenInTheBatch() throws IOException {
    assertThat(
            occurrences(
                MAIN,
                Pattern.compile(
                    "\\\\p\\{(Cntrl|Cc|IsControl)\\}|0x202A|0x2066|\\\\u202A|\\\\u2066",
                    Pattern.CASE_INSENSITIVE)))
        .isEmpty();
  }

  @Test
  void theCompactSlotFormHasItsHomeInTheIndex() throws IOException {
    assertThat(occurrences(MAIN, Pattern.compile("yyyyMMdd'T'HHmm"))).isEmpty();
  }

  /** An access (call, method reference, field read) to {@code owner}'s members named so. */
  private static DescribedPredicate<JavaAccess<?>> to(Class<?> owner, String names) {
    return target(declaredIn(owner).and(nameMatching(names))).as("%s.%s", owner.getName(), names);
  }
}
