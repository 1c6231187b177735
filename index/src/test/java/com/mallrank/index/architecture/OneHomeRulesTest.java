package com.mallrank.index.architecture;

import static com.mallrank.index.testing.SourceLines.occurrences;
import static com.tngtech.archunit.core.domain.AccessTarget.Predicates.declaredIn;
import static com.tngtech.archunit.core.domain.JavaAccess.Predicates.target;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.core.SearchRequest;
import com.mallrank.index.changes.ListingDiff;
import com.mallrank.index.document.DocumentIds;
import com.mallrank.index.document.SampleStatus;
import com.mallrank.index.schema.Searches;
import com.mallrank.index.write.BulkRetry;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The index's rules with one home each, checked on its bytecode where a rule shows there: which
 * statuses produce ranks is {@link SampleStatus}'s ({@link SampleStatus#RANKED}, {@link
 * SampleStatus#producesRanks}), so no other class names {@code partial}; a retry's wait is in
 * {@link BulkRetry} alone (the one retry of a write, {@code index.bulk-retry}: no other class
 * sleeps between attempts); the {@code search_after} loop in {@link Searches#pages} alone (the
 * change log hands its cursor to the caller, one page a call, and is the one other reader of a
 * cursor).
 *
 * <p>The {@code @Test}s are source scans, kept where the bytecode shows nothing: a status code or
 * the slot's date pattern written as a string literal ({@code "partial"}, {@code yyyyMMdd'T'HHmm})
 * is not imported by ArchUnit. They check that the codes are written in {@link SampleStatus} alone
 * and the slot's compact form in {@link DocumentIds} alone.
 */
@AnalyzeClasses(
    packages = "com.mallrank.index",
    importOptions = {ImportOption.DoNotIncludeTests.class, OneHomeRulesTest.NotLocal.class})
class OneHomeRulesTest {

  private static final Path MAIN = Path.of("src/main/java/com/mallrank/index");

  /** Any sample status code as a string literal. */
  private static final Pattern STATUS_CODE =
      Pattern.compile("\"(" + String.join("|", SampleStatus.CODES) + ")\"");

  /**
   * Leaves out the local Elasticsearch launcher (module {@code index/local}, on the test classpath
   * only): not about samples, and it polls its process as it must.
   */
  public static final class NotLocal implements ImportOption {
    @Override
    public boolean includes(Location location) {
      return !location.contains("/com/mallrank/index/local/");
    }
  }

  @ArchTest
  static final ArchRule thePartialStatusIsNamedInSampleStatusAlone =
      noClasses()
          .that()
          .doNotBelongToAnyOf(SampleStatus.class)
          .should()
          .accessTargetWhere(to(SampleStatus.class, "PARTIAL"))
          .because("which statuses produce ranks is SampleStatus.RANKED / producesRanks");

  /**
   * {@code ok} alone is asked where a sample's completeness matters ({@link ListingDiff}: every
   * requested card was read, so absence means "not in its Top-20"), never for ranks.
   */
  @ArchTest
  static final ArchRule theOkStatusIsNamedWhereCompletenessIsAsked =
      noClasses()
          .that()
          .doNotBelongToAnyOf(SampleStatus.class, ListingDiff.class)
          .should()
          .accessTargetWhere(to(SampleStatus.class, "OK"))
          .because("which statuses produce ranks is SampleStatus.RANKED / producesRanks");

  @ArchTest
  static final ArchRule retriesWaitInBulkRetryAlone =
      noClasses()
          .that()
          .doNotBelongToAnyOf(BulkRetry.class)
          .should()
          .accessTargetWhere(
              to(Thread.class, "sleep")
                  .or(to(TimeUnit.class, "sleep"))
                  .or(to(Math.class, "pow"))
                  .or(to(StrictMath.class, "pow")))
          .because("a write is retried once, by BulkRetry (index.bulk-retry)");

  @ArchTest
  static final ArchRule searchAfterLoopsAreInSearchesAlone =
      noClasses()
          .that()
          .doNotBelongToAnyOf(Searches.class)
          .and()
          .doNotHaveFullyQualifiedName("com.mallrank.index.report.ChangeLog")
          .should()
          .accessTargetWhere(to(SearchRequest.Builder.class, "searchAfter"))
          .because("paging by search_after is Searches.pages (ChangeLog hands its cursor out)");

  @Test
  void statusCodesAreWrittenInSampleStatusAlone() throws IOException {
    assertThat(occurrences(MAIN, STATUS_CODE))
        .allMatch(hit -> hit.startsWith("document/SampleStatus.java:"))
        .isNotEmpty();
  }

  @Test
  void theCompactSlotFormIsWrittenInDocumentIdsAlone() throws IOException {
    assertThat(occurrences(MAIN, Pattern.compile("yyyyMMdd'T'HHmm")))
        .allMatch(hit -> hit.startsWith("document/DocumentIds.java:"))
        .isNotEmpty();
  }

  /** An access (call, method reference, field read) to {@code owner}'s members named so. */
  private static DescribedPredicate<JavaAccess<?>> to(Class<?> owner, String names) {
    return target(declaredIn(owner).and(nameMatching(names)))
        .as("%s.%s", owner.getSimpleName(), names);
  }
}
