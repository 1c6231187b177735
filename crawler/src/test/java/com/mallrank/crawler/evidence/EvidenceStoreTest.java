package com.mallrank.crawler.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvidenceStoreTest {

  private static final Instant SLOT = Instant.parse("2026-11-28T06:00:00Z");

  /** The slot folder's name as production gives it ({@code DocumentIds::compactSlot}, in index). */
  private static final Function<Instant, String> SLOT_NAME =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmm'Z'").withZone(ZoneOffset.UTC)::format;

  private static final String COOKIE_VALUE = "7f3a9c0e5b2d4f6a8c1e";

  /** A capture of a signed list call, as a blocked sample would keep it. */
  private static final String CAPTURE =
      """
      {"url": "https://buyin.jinritemai.com/dashboard/merch-picking-library?sid=7f3a9c0e5b2d4f6a8c1e",
       "dom": "<div id=\\"captcha-verify\\">验证</div>",
       "responses": [{"code": 11001, "msg": "访问频繁", "msToken": "Qm9ndXNUb2tlbg==",
                      "extra": {"cookie": "sessionid=abc123def456; ttwid=1%7Cxyz"}}],
       "captured": [{"url": "https://buyin.jinritemai.com/pc/selection/common/material_list?verifyFp=verify_lx1&fp=verify_lx1&msToken=Zm9v-YmFy_&a_bogus=Dj0xYz%2FqQ&X-Bogus=DFSzswVL","status": 200, "bytes": 75}]}
      """;

  @TempDir Path dir;

  @Test
  void cookiesTokensAndSignaturesAreRemoved() throws Exception {
    EvidenceStore store = new EvidenceStore(dir.resolve("evidence"), 1 << 20, SLOT_NAME);

    Path file =
        store.write(
            SLOT,
            "sandbox-static",
            "mx-hangzhou",
            "加厚羽绒服女长款",
            CAPTURE,
            true,
            null,
            List.of(COOKIE_VALUE));

    String kept = Files.readString(file, StandardCharsets.UTF_8);
    for (String secret :
        List.of(
            COOKIE_VALUE,
            "Qm9ndXNUb2tlbg==",
            "abc123def456",
            "verify_lx1",
            "Zm9v-YmFy_",
            "Dj0xYz",
            "DFSzswVL",
            "1%7Cxyz")) {
      assertThat(kept).as(secret).doesNotContain(secret);
    }
    assertThat(kept)
        .contains(
            "msToken=REDACTED&a_bogus=REDACTED&X-Bogus=REDACTED",
            "\"msToken\": \"REDACTED\"",
            "访问频繁",
            "captcha-verify",
            "/pc/selection/common/material_list?verifyFp=REDACTED&fp=REDACTED");
  }

  @Test
  void pathsAreBySlotVantageAndKeywordAndNeverLeaveTheFolder() throws Exception {
    Path root = dir.resolve("evidence");
    EvidenceStore store = new EvidenceStore(root, 1 << 20, SLOT_NAME);

    Path file =
        store.write(
            SLOT,
            "sandbox-static",
            "anonymous",
            "羽绒服 女/../../etc",
            "<html></html>",
            false,
            null,
            List.of());
    Path other =
        store.write(
            SLOT,
            "sandbox-static",
            "anonymous",
            "羽绒服 女/../../etd",
            "<html></html>",
            false,
            null,
            List.of());

    assertThat(file.getParent())
        .isEqualTo(
            root.resolve("20261128T0600Z")
                .resolve(EvidenceStore.safeName("sandbox-static"))
                .resolve(EvidenceStore.safeName("anonymous")));
    assertThat(file.getFileName().toString()).matches("羽绒服_女_______etc-[0-9a-f]{8}\\.html");
    assertThat(other).isNotEqualTo(file);
    assertThat(store.list()).containsExactlyInAnyOrder(file, other);
    if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
          .isEqualTo("rw-------");
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
          .isEqualTo("rwx------");
    }
  }

  @Test
  void bodiesAreCutAtTheCapWithoutSplittingACharacter() throws Exception {
    EvidenceStore store = new EvidenceStore(dir, 10, SLOT_NAME);

    Path file =
        store.write(SLOT, "sandbox-static", "anonymous", "k", "羽绒服羽绒服", false, null, List.of());

    assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo("羽绒服");
  }

  @Test
  void retentionPrunesOlderSlotsOnly() throws Exception {
    EvidenceStore store = new EvidenceStore(dir, 1 << 20, SLOT_NAME);
    Path old =
        store.write(
            Instant.parse("2026-10-01T06:00:00Z"),
            "sandbox-static",
            "anonymous",
            "k",
            "x",
            true,
            null,
            List.of());
    Path kept = store.write(SLOT, "sandbox-static", "anonymous", "k", "x", true, null, List.of());

    Path notASlot = Files.createDirectories(dir.resolve("20261001T0600X"));
    Path notes = Files.createDirectories(dir.resolve("notes"));

    assertThat(store.pruneBefore(Instant.parse("2026-11-01T00:00:00Z"))).isEqualTo(1);
    assertThat(notASlot).isDirectory();
    assertThat(notes).isDirectory();

    assertThat(old).doesNotExist();
    assertThat(kept).exists();
    assertThat(store.list()).containsExactly(kept);
  }

  @Test
  void aScreenshotIsKeptNextToTheBodyWithinTheCapAndAStaleOneRemoved() throws Exception {
    EvidenceStore store = new EvidenceStore(dir.resolve("shots"), 100, SLOT_NAME);
    byte[] shot = {(byte) 0xFF, (byte) 0xD8, 1, 2, 3};

    Path body = store.write(SLOT, "sandbox-spa", "anonymous", "k", "{}", true, shot, List.of());
    Path picture = body.resolveSibling(body.getFileName().toString().replace(".json", ".jpg"));
    assertThat(picture).hasBinaryContent(shot);
    assertThat(store.list()).containsExactlyInAnyOrder(body, picture);

    // a rerun of the slot with a picture over the cap: the old picture is not left behind
    store.write(SLOT, "sandbox-spa", "anonymous", "k", "{}", true, new byte[101], List.of());
    assertThat(picture).doesNotExist();
    assertThat(store.list()).containsExactly(body);
  }
}
