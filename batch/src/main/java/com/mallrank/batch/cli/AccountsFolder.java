package com.mallrank.batch.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.regex.Pattern;

/**
 * The one home of login states ({@code batch.accounts-dir}), shared by {@code accounts import} and
 * {@code accounts login}: an account id's rule and its owner-only folder.
 */
final class AccountsFolder {

  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,39}");

  private AccountsFolder() {}

  /** The account id, when it is one; a clear error otherwise. */
  static String checkId(String id) {
    if (!ID.matcher(id).matches()) {
      throw new IllegalArgumentException(
          "'" + id + "' is not an account id: lower-case letters, digits, '-' or '_'");
    }
    return id;
  }

  /** Creates the folder owner-only (0700) when it does not exist; returns it. */
  static Path ensure(Path folder) throws IOException {
    if (!Files.isDirectory(folder)) {
      Files.createDirectories(folder);
      try {
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
      } catch (UnsupportedOperationException e) {
        // not POSIX
      }
    }
    return folder;
  }
}
