package com.mallrank.batch.text;

/**
 * Command lines mallrank tells a person to run (in a report, an alert, a command's advice), quoted
 * for a POSIX shell so a keyword with spaces or quotes pastes as one argument. The one place they
 * are written.
 */
public final class Commands {

  private Commands() {}

  /** {@code mallrank profile repair --profile P --keyword K}: a repair proposal from the store. */
  public static String profileRepair(String profile, String keyword) {
    return "mallrank profile repair --profile " + shell(profile) + " --keyword " + shell(keyword);
  }

  /** The word as one shell argument: as it is when plain, else single-quoted. */
  static String shell(String word) {
    if (!word.isEmpty() && word.codePoints().allMatch(Commands::plain)) {
      return word;
    }
    return "'" + word.replace("'", "'\\''") + "'";
  }

  private static boolean plain(int c) {
    return Character.isLetterOrDigit(c) || "-_./:@%+=,".indexOf(c) >= 0;
  }
}
