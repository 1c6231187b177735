package com.mallrank.batch.architecture;

import static com.mallrank.index.testing.SourceLines.occurrences;
import static org.assertj.core.api.Assertions.assertThat;

import com.mallrank.index.document.SampleStatus;
import java.io.IOException;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Rules with one home outside the batch, checked on its main sources (string constants are inlined
 * by the compiler, so no ArchUnit rule can see them): which sample statuses produce ranks is asked
 * of {@code SampleStatus} (the index's codes, or the crawler's enum), never spelled as {@code
 * "partial"}; the reports and change detection name no status code at all; the slot's compact form
 * ({@code 20261128T0600Z}) is the index's {@code DocumentIds.compactSlot}, reached through {@code
 * Formats.compactSlot}.
 */
class OneHomeRulesTest {

  private static final Path MAIN = Path.of("src/main/java/com/mallrank/batch");

  /** Any sample status code as a string literal. */
  private static final Pattern STATUS_CODE =
      Pattern.compile("\"(" + String.join("|", SampleStatus.CODES) + ")\"");

  @Test
  void noRankedStatusIsSpelledOut() throws IOException {
    assertThat(occurrences(MAIN, Pattern.compile("\"partial\""))).isEmpty();
  }

  @Test
  void reportsAndChangeDetectionNameNoStatusCode() throws IOException {
    assertThat(occurrences(MAIN, STATUS_CODE))
        .filteredOn(hit -> hit.startsWith("report/") || hit.startsWith("changes/"))
        .isEmpty();
  }

  @Test
  void theCompactSlotFormHasItsHomeInTheIndex() throws IOException {
    assertThat(occurrences(MAIN, Pattern.compile("yyyyMMdd'T'HHmm"))).isEmpty();
  }
}
