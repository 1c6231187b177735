package com.mallrank.crawler.fetch.browser;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.PlaywrightException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Saves an identity's refreshed login back to its storage-state file after a page, so cookies the
 * site rotated during the session (a new session token, a renewed expiry) are kept and the login
 * lives as long as the site allows instead of dying with the first rotation.
 *
 * <p>The file is replaced atomically: the state is written to a temporary file created owner-only
 * (0600) in the same folder, then moved over the old one with {@code ATOMIC_MOVE}, so a reader (or
 * a crash) sees the old state or the new one, never half of one, and the secret is never readable
 * by others, not even for a moment. An unchanged state is not rewritten. A failure is logged by
 * file name only and leaves the old file as it was: a page is never lost because its state could
 * not be saved. Contents are never logged.
 */
final class LoginStateSaver {

  private static final Logger log = LoggerFactory.getLogger(LoginStateSaver.class);

  private LoginStateSaver() {}

  /** Saves the context's storage state to {@code file}; never throws. */
  static void saveBack(BrowserContext context, Path file) {
    String state;
    try {
      state = context.storageState();
    } catch (PlaywrightException e) {
      log.warn("could not read the refreshed login state for {}: kept the old file", file);
      return;
    }
    try {
      write(file, state.getBytes(StandardCharsets.UTF_8));
    } catch (IOException | RuntimeException e) {
      log.warn(
          "could not save the refreshed login state to {} ({}): kept the old file",
          file,
          e.getClass().getSimpleName());
    }
  }

  /** Replaces {@code file} with {@code bytes}: temp file 0600 in the same folder, atomic move. */
  static void write(Path file, byte[] bytes) throws IOException {
    if (Files.isRegularFile(file) && Arrays.equals(Files.readAllBytes(file), bytes)) {
      return;
    }
    Path folder = file.toAbsolutePath().getParent();
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
}
