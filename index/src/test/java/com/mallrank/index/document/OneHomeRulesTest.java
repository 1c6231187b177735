package com.mallrank.index.document;

import static com.mallrank.index.testing.SourceLines.occurrences;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The index's rules with one home each, checked on its main sources (string constants are inlined
 * by the compiler, so no bytecode rule can see them): the sample status codes are written in {@link
 * SampleStatus} alone, so which statuses produce ranks is decided in one place; the slot's compact
 * form in {@link DocumentIds} alone; a retry's backoff in {@code write.BulkRetry} alone (the one
 * retry of a write, {@code index.bulk-retry}: no other class sleeps between attempts); the {@code
 * search_after} loop in {@code schema.Searches#pages} alone (the change log hands its cursor to the
 * caller, one page a call, and is the one other reader of a cursor). The {@code local} package (the
 * local Elasticsearch launcher, which reads Elasticsearch's own JSON with its own {@code "error"}
 * key) is not about samples and is left out.
 */
class OneHomeRulesTest {

  private static final Path MAIN = Path.of("src/main/java/com/mallrank/index");

  /** Any sample status code as a string literal. */
  private static final Pattern STATUS_CODE =
      Pattern.compile("\"(" + String.join("|", SampleStatus.CODES) + ")\"");

  private static final Pattern COMPACT_SLOT = Pattern.compile("yyyyMMdd'T'HHmm");

  @Test
  void statusCodesAreWrittenInSampleStatusAlone() throws IOException {
    assertThat(occurrences(MAIN, STATUS_CODE))
        .filteredOn(hit -> !hit.startsWith("local/"))
        .allMatch(hit -> hit.startsWith("document/SampleStatus.java:"))
        .isNotEmpty();
  }

  @Test
  void theCompactSlotFormIsWrittenInDocumentIdsAlone() throws IOException {
    assertThat(occurrences(MAIN, COMPACT_SLOT))
        .allMatch(hit -> hit.startsWith("document/DocumentIds.java:"))
        .isNotEmpty();
  }

  @Test
  void searchAfterLoopsAreInSearchesAlone() throws IOException {
    assertThat(occurrences(MAIN, Pattern.compile("\\.searchAfter\\(")))
        .allMatch(
            hit ->
                hit.startsWith("schema/Searches.java:") || hit.startsWith("report/ChangeLog.java:"))
        .anyMatch(hit -> hit.startsWith("schema/Searches.java:"));
  }

  @Test
  void backoffWaitsAreInBulkRetryAlone() throws IOException {
    assertThat(occurrences(MAIN, Pattern.compile("Thread\\.sleep\\(|TimeUnit\\.\\w+\\.sleep\\(")))
        .allMatch(hit -> hit.startsWith("write/BulkRetry.java:"))
        .isNotEmpty();
  }
}
