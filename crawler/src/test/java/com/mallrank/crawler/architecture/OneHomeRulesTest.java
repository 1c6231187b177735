package com.mallrank.crawler.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The crawler's rules with one home each, checked on its main sources (a character class or a
 * format string is invisible to a bytecode rule): the control-character rule in {@code
 * text.ControlCharacters}; backoff in {@code politeness.Backoff}, and waiting in {@code
 * politeness.TimeSource}, so no class grows a retry loop of its own; the storage-state format in
 * {@code fetch.StorageState}; the captured-response document in {@code
 * body.CaptureDocumentBuilder}; and no copy of the index's compact slot form (its home is {@code
 * DocumentIds.compactSlot}, which callers hand to the crawler).
 */
class OneHomeRulesTest {

  private static final Path MAIN = Path.of("src/main/java/com/mallrank/crawler");

  @Test
  void controlCharactersAreToldApartInControlCharactersAlone() throws IOException {
    assertThat(
            hits(
                Pattern.compile("isISOControl|\\\\p\\{Cntrl\\}|\\\\p\\{Cc\\}|Character\\.CONTROL")))
        .isNotEmpty()
        .allMatch(hit -> hit.startsWith("text/ControlCharacters.java:"));
  }

  @Test
  void backoffIsComputedInBackoffAndWaitedInTimeSourceAlone() throws IOException {
    assertThat(hits(Pattern.compile("Math\\.pow\\(")))
        .isNotEmpty()
        .allMatch(hit -> hit.startsWith("politeness/Backoff.java:"));
    assertThat(hits(Pattern.compile("Thread\\.sleep\\(|TimeUnit\\.\\w+\\.sleep\\(")))
        .isNotEmpty()
        .allMatch(hit -> hit.startsWith("politeness/TimeSource.java:"));
  }

  @Test
  void theStorageStateFormatIsReadAndWrittenInStorageStateAlone() throws IOException {
    assertThat(
            hits(
                Pattern.compile(
                    "(path|get|has|putArray|set)\\(\"(cookies|origins|localStorage)\"\\)")))
        .isNotEmpty()
        .allMatch(hit -> hit.startsWith("fetch/StorageState.java:"));
  }

  @Test
  void theCapturedResponseDocumentIsWrittenInCaptureDocumentBuilderAlone() throws IOException {
    assertThat(hits(Pattern.compile("put(Array|Object)?\\(\"captured\"")))
        .isNotEmpty()
        .allMatch(hit -> hit.startsWith("body/CaptureDocumentBuilder.java:"));
  }

  @Test
  void theCompactSlotFormIsNotCopied() throws IOException {
    assertThat(hits(Pattern.compile("yyyyMMdd'T'HHmm"))).isEmpty();
  }

  /** {@code path:line: text} of every code line (comments left out) matching {@code pattern}. */
  private static List<String> hits(Pattern pattern) throws IOException {
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
      throw new java.io.UncheckedIOException(e);
    }
  }
}
