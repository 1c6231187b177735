package com.mallrank.batch.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The one home of login states ({@code batch.accounts-dir}), shared by {@code accounts import},
 * {@code accounts login} and {@code accounts status}: an account id's rule, its owner-only folder,
 * and when the account was last logged in by hand ({@code <id>.logged-in-at}: the time only, so
 * {@code accounts status} can say "re-logged in at …" until a sample proves the new login).
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

  /** The file that records the account's last login by hand. */
  private static Path loginRecord(Path folder, String id) {
    return folder.resolve(id + ".logged-in-at");
  }

  /**
   * Records that the account was logged in (its state saved) at {@code at} by {@code how} ({@code
   * accounts login}, {@code accounts import}). Owner-only like the states beside it.
   */
  static void recordLogin(Path folder, String id, Instant at, String how) throws IOException {
    Path file = loginRecord(folder, id);
    Files.writeString(file, at + " " + how + "\n");
    com.mallrank.batch.plan.SecretFiles.restrict(file);
  }

  /** When the account was last logged in by hand, if it was and the record is readable. */
  static Optional<Instant> lastLogin(Path folder, String id) {
    Path file = loginRecord(folder, id);
    try {
      if (!Files.isRegularFile(file) || Files.size(file) > 200) {
        return Optional.empty();
      }
      String text = Files.readString(file).strip();
      int space = text.indexOf(' ');
      return Optional.of(Instant.parse(space < 0 ? text : text.substring(0, space)));
    } catch (IOException | DateTimeParseException e) {
      return Optional.empty(); // an unreadable record says nothing
    }
  }
}
