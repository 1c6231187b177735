package com.mallrank.crawler.evidence;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Keeps the body of a failed sample on disk: {@code
 * <root>/<slot>/<profile>/<vantage>/<keyword>.<ext>} (a sample is slot × profile × vantage ×
 * keyword), a browser page's screenshot next to it as {@code <keyword>.jpg}; the slot in the
 * compact form its caller gives (the index's {@code DocumentIds.compactSlot}, {@code
 * 20261128T0600Z}: the crawler does not own that format), profile, vantage and keyword reduced to
 * letters, digits, {@code -} and {@code _} plus a short hash (so no name can leave the folder, and
 * two keywords never share a file). Secrets are removed first ({@link EvidenceRedactor}); the body
 * is cut at {@code maxBytes}; files and folders are owner-only where the file system allows, since
 * a logged-in page may show an account's name. A kept JSON capture can be given as is to {@code
 * profile test --page}.
 */
public final class EvidenceStore {

  private final Path root;
  private final long maxBytes;
  private final Function<Instant, String> slotName;

  /**
   * @param root the evidence folder (created when needed)
   * @param maxBytes the most bytes kept of one body
   * @param slotName a slot's folder name: a compact form of fixed length, digits and fixed letters,
   *     that sorts as the slots do (the index's {@code DocumentIds::compactSlot})
   */
  public EvidenceStore(Path root, long maxBytes, Function<Instant, String> slotName) {
    if (maxBytes < 1) {
      throw new IllegalArgumentException("maxBytes must be positive: " + maxBytes);
    }
    this.root = root.toAbsolutePath().normalize();
    this.maxBytes = maxBytes;
    this.slotName = Objects.requireNonNull(slotName, "slotName");
  }

  /**
   * Writes one sample's evidence, with the page's screenshot when there is one, and returns the
   * body's path.
   *
   * @param json whether the body is JSON ({@code .json}) or markup ({@code .html})
   * @param screenshot a JPEG of the page, or {@code null}; one over {@code maxBytes} is left out
   * @param secrets the identity's cookie values, removed wherever they appear
   */
  public Path write(
      Instant slot,
      String profile,
      String vantage,
      String keyword,
      String body,
      boolean json,
      byte[] screenshot,
      Collection<String> secrets)
      throws IOException {
    Path folder =
        root.resolve(slotName.apply(slot)).resolve(safeName(profile)).resolve(safeName(vantage));
    createPrivateDirectories(folder);
    Path file = folder.resolve(safeName(keyword) + (json ? ".json" : ".html"));
    Path picture = folder.resolve(safeName(keyword) + ".jpg");
    if (screenshot != null && screenshot.length <= maxBytes) {
      writePrivate(folder, picture, screenshot, screenshot.length);
    } else {
      Files.deleteIfExists(picture); // a picture of an earlier run of the slot is not this one
    }
    if (!file.normalize().startsWith(root)) {
      throw new IOException("evidence path leaves " + root + ": " + file);
    }
    byte[] bytes =
        EvidenceRedactor.redact(body == null ? "" : body, secrets).getBytes(StandardCharsets.UTF_8);
    int length = (int) Math.min(bytes.length, maxBytes);
    while (length < bytes.length && length > 0 && (bytes[length] & 0xC0) == 0x80) {
      length--; // never cut a character in two
    }
    writePrivate(folder, file, bytes, length);
    return file;
  }

  private static void writePrivate(Path folder, Path file, byte[] bytes, int length)
      throws IOException {
    Path tmp = Files.createTempFile(folder, ".evidence", ".tmp");
    try {
      ownerOnly(tmp, false);
      Files.write(tmp, java.util.Arrays.copyOf(bytes, length));
      Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** The evidence folder. */
  public Path root() {
    return root;
  }

  /** The kept files, oldest slot first. */
  public List<Path> list() throws IOException {
    List<Path> files = new ArrayList<>();
    if (!Files.isDirectory(root)) {
      return files;
    }
    try (Stream<Path> walk = Files.walk(root, 4)) {
      walk.filter(Files::isRegularFile).sorted().forEach(files::add);
    }
    return files;
  }

  /**
   * Deletes the evidence of slots before {@code cutoff} (retention prunes it with the raw
   * listings); returns how many slot folders went.
   */
  public int pruneBefore(Instant cutoff) throws IOException {
    if (!Files.isDirectory(root)) {
      return 0;
    }
    String limit = slotName.apply(cutoff);
    int pruned = 0;
    try (Stream<Path> slots = Files.list(root)) {
      for (Path slot : slots.filter(Files::isDirectory).toList()) {
        String name = slot.getFileName().toString();
        if (sameForm(name, limit) && name.compareTo(limit) < 0) {
          deleteTree(slot);
          pruned++;
        }
      }
    }
    return pruned;
  }

  /**
   * Whether {@code name} is a slot's folder: as long as {@code slot}, a digit where it has one and
   * its other characters as they are (so nothing else in the folder is ever pruned).
   */
  private static boolean sameForm(String name, String slot) {
    if (name.length() != slot.length()) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      char a = name.charAt(i);
      char b = slot.charAt(i);
      boolean digits = a >= '0' && a <= '9' && b >= '0' && b <= '9';
      if (!digits && a != b) {
        return false;
      }
    }
    return true;
  }

  /** Letters, digits, '-', '_' (at most 48), then '-' and 8 hex digits of the name's SHA-256. */
  public static String safeName(String name) {
    String value = name == null ? "" : name;
    StringBuilder safe = new StringBuilder();
    value
        .codePoints()
        .limit(48)
        .forEach(
            c ->
                safe.appendCodePoint(
                    Character.isLetterOrDigit(c) || c == '-' || c == '_' ? c : '_'));
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
      return safe + "-" + HexFormat.of().formatHex(hash, 0, 4);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private void createPrivateDirectories(Path folder) throws IOException {
    Path current = root;
    createPrivate(current);
    for (Path part : root.relativize(folder)) {
      current = current.resolve(part);
      createPrivate(current);
    }
  }

  private static void createPrivate(Path dir) throws IOException {
    try {
      Files.createDirectories(dir);
      ownerOnly(dir, true);
    } catch (FileAlreadyExistsException e) {
      throw new IOException(dir + " exists and is not a folder", e);
    }
  }

  private static void ownerOnly(Path path, boolean dir) throws IOException {
    try {
      Files.setPosixFilePermissions(
          path, PosixFilePermissions.fromString(dir ? "rwx------" : "rw-------"));
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system: the platform's defaults apply
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
