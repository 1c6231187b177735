package com.mallrank.index.document;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Deterministic, readable document ids. The same (slot, profile, vantage, keyword[, position])
 * always gives the same id, so re-indexing a slot overwrites its own documents instead of
 * duplicating them; the <b>profile</b> (the surface sampled) is part of every id, so two groups
 * sampling the same keyword and vantage on different surfaces in one slot never overwrite each
 * other.
 *
 * <p>Ids stay far below Elasticsearch's 512-byte {@code _id} limit whatever a page or a plan
 * contains: {@linkplain #part(String) every variable part} longer than {@value #MAX_PART_BYTES}
 * UTF-8 bytes (a 5,000-character keyword, a 600-character product id), or containing the separator
 * {@code |}, is replaced in the id by {@code h:} and the first 16 bytes of its SHA-256 as hex; the
 * full value stays in its field. At most six parts of at most {@value #MAX_PART_BYTES} bytes, plus
 * the slot and separators, is under {@value #MAX_ID_BYTES} bytes.
 */
public final class DocumentIds {

  /** The longest id part kept as it is, in UTF-8 bytes. */
  public static final int MAX_PART_BYTES = 64;

  /** An upper bound of every id this class produces, in UTF-8 bytes. */
  public static final int MAX_ID_BYTES = 420;

  private static final String HASHED = "h:";

  private static final DateTimeFormatter SLOT =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmm'Z'").withZone(ZoneOffset.UTC);

  private static final DateTimeFormatter SLOT_SECONDS =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private DocumentIds() {}

  /**
   * A slot in its compact form, UTC to the minute: {@code 20261128T0600Z}. The one home of that
   * form: ids start with it, and reports name their files and folders with it.
   */
  public static String compactSlot(Instant slot) {
    return SLOT.format(slot);
  }

  /** The id of a sample: {@code slot|profile|vantage|keyword}. */
  public static String sample(Instant slot, String profile, String keyword, String vantage) {
    Objects.requireNonNull(profile, "profile (the surface is part of a sample's identity)");
    return compactSlot(slot) + "|" + part(profile) + "|" + part(vantage) + "|" + part(keyword);
  }

  /**
   * The id of a change event: {@code slot|profile|vantage|keyword|kind|productId}, so re-running
   * the detection of a slot overwrites its events.
   */
  public static String change(
      Instant slot, String profile, String vantage, String keyword, String kind, String productId) {
    return sample(slot, profile, keyword, vantage) + "|" + part(kind) + "|" + part(productId);
  }

  /** The id of a daily summary: {@code yyyy-MM-dd|profile|vantage|keyword|productId}. */
  public static String daily(
      LocalDate day, String profile, String vantage, String keyword, String productId) {
    Objects.requireNonNull(profile, "profile");
    return day
        + "|"
        + part(profile)
        + "|"
        + part(vantage)
        + "|"
        + part(keyword)
        + "|"
        + part(productId);
  }

  /**
   * The id of a slot outcome: {@code slot|group} with the slot to the second ({@code
   * 20261128T140000Z|core}: a cadence may fire more than once a minute), so a slot judged twice is
   * one document.
   */
  public static String slotOutcome(Instant slot, String group) {
    return SLOT_SECONDS.format(slot) + "|" + part(group);
  }

  /** The id of a listing: {@code slot|profile|vantage|keyword|position}. */
  public static String listing(
      Instant slot, String profile, String keyword, String vantage, int position) {
    return sample(slot, profile, keyword, vantage) + "|" + position;
  }

  /**
   * One variable part of an id: the value itself when it is at most {@value #MAX_PART_BYTES} UTF-8
   * bytes and cannot be mistaken for a separator or a hash, else {@code h:} + the first 16 bytes of
   * its SHA-256 in lower-case hex (stable across runs and machines).
   */
  public static String part(String value) {
    Objects.requireNonNull(value, "id part");
    if (value.getBytes(StandardCharsets.UTF_8).length <= MAX_PART_BYTES
        && value.indexOf('|') < 0
        && !value.startsWith(HASHED)) {
      return value;
    }
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
      return HASHED + HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JVM", e);
    }
  }
}
