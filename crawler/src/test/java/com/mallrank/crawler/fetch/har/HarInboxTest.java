package com.mallrank.crawler.fetch.har;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code crawler.har-dir} as an inbox: a new file is read once and moved to {@code processed/}; the
 * other keywords and groups of the slot are answered from memory (shown by changing the file's
 * bytes behind the inbox's back: the answers do not change); a restarted slot (a new process) gets
 * the same answer from the processed file; a processed file written before a slot started is never
 * read for it.
 */
class HarInboxTest {

  private static final Path CHROME = HarLayoutsTest.LAYOUTS.resolve("chrome.har");
  private static final Instant SLOT = HarLayoutsTest.SLOT;

  @TempDir Path dir;

  private static HarCapture.Outcome find(HarInbox inbox, String keyword, Instant slot)
      throws HarException {
    return inbox.find(
        HarLayoutsTest.PROFILE.fetch().captureUrl(),
        HarLayoutsTest.PROFILE.fetch().captureKeyword(),
        keyword,
        slot,
        slot.plusSeconds(3600));
  }

  @Test
  void aNewFileIsReadOnceMovedAsideAndAnswersEveryLookUpOfTheSlot() throws Exception {
    Files.copy(CHROME, dir.resolve("morning.har"));
    HarInbox inbox = new HarInbox(dir);

    HarCapture.Outcome first = find(inbox, "猫粮", SLOT);

    assertThat(dir.resolve("morning.har")).doesNotExist();
    Path processed = dir.resolve(HarInbox.PROCESSED).resolve("morning.har");
    assertThat(processed).hasSameBinaryContentAs(CHROME);
    assertThat(first.kind()).isEqualTo(HarCapture.Kind.FOUND);
    assertThat(first.file()).isEqualTo(processed);

    // a restart: a new process, the same processed file, the same answer
    assertThat(find(new HarInbox(dir), "猫粮", SLOT).document()).isEqualTo(first.document());

    // Read once: the file's bytes change behind the inbox's back (size and time kept); the other
    // keywords of the slot, and the same one again, are answered from what was read
    overwriteKeepingSizeAndTime(processed);
    HarCapture.Outcome other = find(inbox, "狗粮", SLOT);
    HarCapture.Outcome again = find(inbox, "猫粮", SLOT);

    assertThat(again.document()).isEqualTo(first.document());
    assertThat(again.badFiles()).isEmpty();
    assertThat(other.kind()).isEqualTo(HarCapture.Kind.KEYWORD_DIFFERS);
    assertThat(other.detail()).endsWith("found 猫粮 (query:keyword) ×2");
    // what a read from disk would have given: the changed file is not a HAR
    HarCapture.Outcome fromDisk = find(new HarInbox(dir), "猫粮", SLOT);
    assertThat(fromDisk.kind()).isEqualTo(HarCapture.Kind.NO_REQUEST);
    assertThat(fromDisk.badFiles()).singleElement().asString().contains("not a HAR file");
  }

  /** Same length, same modification time, other bytes: not JSON. */
  private static void overwriteKeepingSizeAndTime(Path file) throws Exception {
    FileTime modified = Files.getLastModifiedTime(file);
    byte[] garbage = new byte[(int) Files.size(file)];
    java.util.Arrays.fill(garbage, (byte) '<');
    Files.write(file, garbage);
    Files.setLastModifiedTime(file, modified);
  }

  @Test
  void aNameAlreadyProcessedIsKeptAndTheNewFileGetsASuffix() throws Exception {
    Files.createDirectories(dir.resolve(HarInbox.PROCESSED));
    Files.writeString(
        dir.resolve(HarInbox.PROCESSED).resolve("phone.har"), "{\"log\":{\"entries\":[]}}");
    Files.copy(CHROME, dir.resolve("phone.har"));

    HarCapture.Outcome outcome = find(new HarInbox(dir), "猫粮", SLOT);

    assertThat(outcome.file()).isEqualTo(dir.resolve(HarInbox.PROCESSED).resolve("phone-2.har"));
    assertThat(dir.resolve(HarInbox.PROCESSED).resolve("phone.har"))
        .hasContent("{\"log\":{\"entries\":[]}}");
  }

  @Test
  void aProcessedFileWrittenBeforeTheSlotIsNotReadForIt() throws Exception {
    Path processed = Files.createDirectories(dir.resolve(HarInbox.PROCESSED)).resolve("old.har");
    Files.copy(CHROME, processed);
    Instant laterSlot = SLOT.plusSeconds(86_400);
    Files.setLastModifiedTime(processed, FileTime.from(laterSlot.minusSeconds(60)));
    HarInbox inbox = new HarInbox(dir);

    HarCapture.Outcome outcome = find(inbox, "猫粮", laterSlot);

    // not read: a file read for it would be counted, its searches named as outside the window
    assertThat(outcome.kind()).isEqualTo(HarCapture.Kind.NO_REQUEST);
    assertThat(outcome.detail()).endsWith(" in 0 HAR file(s)");
    Files.setLastModifiedTime(processed, FileTime.from(SLOT.plusSeconds(600)));
    assertThat(find(inbox, "猫粮", SLOT).kind()).isEqualTo(HarCapture.Kind.FOUND);
  }

  @Test
  void aMissingFolderIsANamedError() {
    Path missing = dir.resolve("nope");

    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> find(new HarInbox(missing), "猫粮", SLOT))
        .isInstanceOf(HarException.class)
        .hasMessage("the HAR folder " + missing + " does not exist (crawler.har-dir)");
  }
}
