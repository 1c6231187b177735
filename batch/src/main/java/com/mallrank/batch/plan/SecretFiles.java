package com.mallrank.batch.plan;

import com.mallrank.crawler.fetch.browser.SecretStateFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a secret file (a matrix account's saved login state) without reading it: it must exist, be
 * a regular file, and be readable by its owner only. A login state is a session: anyone who can
 * read it is logged in as that shop, so a group- or world-readable file is an error, not a warning.
 */
public final class SecretFiles {

  private SecretFiles() {}

  /**
   * What is wrong with the file or its folder, or empty when both are owner-only. Never reads the
   * contents. The rule is {@link SecretStateFiles}'s, the same the browser and the cookie reader
   * apply.
   */
  public static Optional<String> problem(Path file) {
    return SecretStateFiles.problem(file);
  }

  /** Makes a file readable and writable by its owner only, where the file system allows. */
  public static void restrict(Path file) throws IOException {
    try {
      Files.setPosixFilePermissions(
          file, Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
    } catch (UnsupportedOperationException e) {
      // not POSIX: the folder's own permissions are all there is
    }
  }
}
