package com.mallrank.batch.plan;

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

  private static final Set<PosixFilePermission> TOO_OPEN =
      Set.of(
          PosixFilePermission.GROUP_READ,
          PosixFilePermission.GROUP_WRITE,
          PosixFilePermission.OTHERS_READ,
          PosixFilePermission.OTHERS_WRITE);

  private SecretFiles() {}

  /** What is wrong with the file, or empty when it is fine. Never reads the contents. */
  public static Optional<String> problem(Path file) {
    if (!Files.exists(file)) {
      return Optional.of(
          "login state file " + file + " does not exist: save it with `mallrank accounts import`");
    }
    if (!Files.isRegularFile(file)) {
      return Optional.of("login state " + file + " is not a file");
    }
    try {
      Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
      if (permissions.stream().anyMatch(TOO_OPEN::contains)) {
        return Optional.of(
            "login state file "
                + file
                + " is readable or writable by group/others: run chmod 600 "
                + file);
      }
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system: nothing to check
    } catch (IOException e) {
      return Optional.of("cannot check login state file " + file + ": " + e.getMessage());
    }
    if (!Files.isReadable(file)) {
      return Optional.of("login state file " + file + " is not readable by mallrank's user");
    }
    return Optional.empty();
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
