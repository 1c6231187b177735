package com.mallrank.crawler.fetch.browser;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The one permission rule for saved login states (Playwright storage-state files), applied wherever
 * one is read: by the browser, by the static fetcher's cookie reader and by the plan loader. A
 * login state is a live session: whoever can read it is logged in as the shop. So the file must be
 * a regular file readable and writable by its owner only (0600 or stricter) and its folder must be
 * its owner's only (0700 or stricter: nobody else may list, add or swap a state). Never reads the
 * contents to show them.
 *
 * <p>And the one way a login state is rewritten ({@link #update}): in this process one writer per
 * file at a time, the new state written to a temporary file created owner-only (0600) in the same
 * folder and moved over the old one with {@code ATOMIC_MOVE}, so a reader (or a crash) sees the old
 * state or the new one, never half of one, and the secret is never readable by others, not even for
 * a moment. An unchanged state is not rewritten.
 */
public final class SecretStateFiles {

  private static final Set<PosixFilePermission> GROUP_OR_OTHERS =
      EnumSet.of(
          PosixFilePermission.GROUP_READ,
          PosixFilePermission.GROUP_WRITE,
          PosixFilePermission.GROUP_EXECUTE,
          PosixFilePermission.OTHERS_READ,
          PosixFilePermission.OTHERS_WRITE,
          PosixFilePermission.OTHERS_EXECUTE);

  private SecretStateFiles() {}

  /** What is wrong with the file or its folder, or empty when both are owner-only. */
  public static Optional<String> problem(Path file) {
    if (!Files.exists(file)) {
      return Optional.of(
          "login state file "
              + file
              + " does not exist: log the account in with `mallrank accounts login`"
              + " (or `accounts import`)");
    }
    if (!Files.isRegularFile(file)) {
      return Optional.of("login state " + file + " is not a file");
    }
    try {
      if (open(file)) {
        return Optional.of(
            "login state file "
                + file
                + " is readable or writable by group/others: run chmod 600 "
                + file);
      }
      Path folder = file.toAbsolutePath().getParent();
      if (folder != null && open(folder)) {
        return Optional.of(
            "the folder "
                + folder
                + " of login state file "
                + file
                + " is open to group/others: run chmod 700 "
                + folder);
      }
    } catch (IOException e) {
      return Optional.of("cannot check login state file " + file + ": " + e.getMessage());
    }
    if (!Files.isReadable(file)) {
      return Optional.of("login state file " + file + " is not readable by mallrank's user");
    }
    return Optional.empty();
  }

  /**
   * The file, when it passes {@link #problem}.
   *
   * @throws InsecureStateException naming the file and the fix otherwise
   */
  public static Path require(Path file) {
    problem(file)
        .ifPresent(
            message -> {
              throw new InsecureStateException(message);
            });
    return file;
  }

  /** How a login state changes: its current bytes in, the new ones out (the same: no write). */
  @FunctionalInterface
  public interface Change {
    byte[] apply(byte[] current) throws IOException;
  }

  private static final ConcurrentMap<Path, Object> WRITERS = new ConcurrentHashMap<>();

  /**
   * Rewrites {@code file} with what {@code change} makes of its current contents (an empty array
   * when it does not exist yet), atomically and owner-only; no write when nothing changed.
   */
  public static void update(Path file, Change change) throws IOException {
    Path key = file.toAbsolutePath().normalize();
    synchronized (WRITERS.computeIfAbsent(key, k -> new Object())) {
      byte[] current = Files.isRegularFile(file) ? Files.readAllBytes(file) : new byte[0];
      byte[] next = change.apply(current);
      if (next == null || Arrays.equals(current, next)) {
        return;
      }
      replace(key, next);
    }
  }

  private static void replace(Path file, byte[] bytes) throws IOException {
    Path folder = file.getParent();
    String prefix = "." + file.getFileName() + ".";
    Path temp;
    try {
      temp =
          Files.createTempFile(
              folder,
              prefix,
              ".tmp",
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (UnsupportedOperationException e) {
      temp = Files.createTempFile(folder, prefix, ".tmp"); // not POSIX: nothing to restrict
    }
    try {
      Files.write(temp, bytes);
      try {
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        throw new IOException("the file system cannot replace " + file + " atomically", e);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  private static boolean open(Path path) throws IOException {
    try {
      Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path);
      return permissions.stream().anyMatch(GROUP_OR_OTHERS::contains);
    } catch (UnsupportedOperationException e) {
      return false; // not a POSIX file system: nothing to check
    }
  }

  /** A login state that must not be used: missing, or open to others. */
  public static final class InsecureStateException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    public InsecureStateException(String message) {
      super(message);
    }
  }
}
