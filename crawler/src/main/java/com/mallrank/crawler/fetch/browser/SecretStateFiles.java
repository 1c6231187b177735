package com.mallrank.crawler.fetch.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The one permission rule for saved login states (Playwright storage-state files), applied wherever
 * one is read: by the browser, by the static fetcher's cookie reader and by the plan loader. A
 * login state is a live session: whoever can read it is logged in as the shop. So the file must be
 * a regular file readable and writable by its owner only (0600 or stricter) and its folder must be
 * its owner's only (0700 or stricter: nobody else may list, add or swap a state). Never reads the
 * contents.
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
