package com.mallrank.crawler.fetch.har;

import com.mallrank.crawler.fetch.FetchRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Whose phone made a capture: one inbox per vantage under {@code crawler.har-dir}. A matrix
 * account's captures go to {@code <har-dir>/<account-id>/} (its own {@value HarInbox#PROCESSED}/
 * inside), the anonymous vantage's (a phone logged out) to {@code <har-dir>/} itself. A sample of
 * one vantage reads its own folder only, so a capture made on one account's phone is never stored
 * as another's ranks, whatever keyword it holds.
 *
 * <p>Why folders and not the capture's own cookies: the cookies a phone sends ({@code sessionid},
 * {@code odin_tt}, …) are secrets that name no account of the plan; mapping them to one would take
 * a second copy of every account's session in the config, to be kept in step with the phone. The
 * folder is where the user (or the phone's sync job) puts the file, so it says whose it is without
 * a secret; a file in the wrong folder is never read for another vantage.
 *
 * <p>Thread-safe: one {@link HarInbox} per folder for the life of the process, so each file is read
 * once whatever slots and groups need it.
 */
public final class HarInboxes {

  private final Path root;
  private final Map<String, HarInbox> inboxes = new ConcurrentHashMap<>();

  /**
   * @param root {@code crawler.har-dir}
   */
  public HarInboxes(Path root) {
    this.root = Objects.requireNonNull(root, "root");
  }

  /** {@code crawler.har-dir}. */
  public Path root() {
    return root;
  }

  /**
   * The folder of a vantage's captures: {@code root} for {@code anonymous}, {@code root/<id>} for
   * an account. The one rule, for sampling, {@code plan validate} and {@code accounts status}.
   */
  public static Path folderOf(Path root, String vantage) {
    return isAnonymous(vantage) ? root : root.resolve(vantage);
  }

  /**
   * Why {@code vantage} cannot have a folder of its own under {@code root}, or empty: an id that is
   * not a plain name (the plan refuses those anyway), or {@value HarInbox#PROCESSED}, the anonymous
   * vantage's processed captures.
   */
  public static Optional<String> unusableVantage(String vantage) {
    if (isAnonymous(vantage)) {
      return Optional.empty();
    }
    if (!vantage.matches("[a-z0-9][a-z0-9_-]{0,39}")) {
      return Optional.of("'" + vantage + "' cannot name a folder of phone captures");
    }
    if (vantage.equals(HarInbox.PROCESSED)) {
      return Optional.of(
          "account id '"
              + HarInbox.PROCESSED
              + "' cannot have a folder of phone captures: crawler.har-dir/"
              + HarInbox.PROCESSED
              + "/ holds the anonymous vantage's processed files; rename the account");
    }
    return Optional.empty();
  }

  /**
   * The inbox of a vantage.
   *
   * @throws HarException when the vantage cannot have a folder ({@link #unusableVantage}) or {@code
   *     crawler.har-dir} does not exist
   * @throws NoCaptureException when an account's folder does not exist (yet): nothing was captured
   *     as that account
   */
  public HarInbox of(String vantage) throws HarException, NoCaptureException {
    Optional<String> unusable = unusableVantage(vantage);
    if (unusable.isPresent()) {
      throw new HarException(unusable.get());
    }
    if (!Files.isDirectory(root)) {
      throw new HarException("the HAR folder " + root + " does not exist (crawler.har-dir)");
    }
    Path folder = folderOf(root, vantage);
    if (!Files.isDirectory(folder)) {
      throw new NoCaptureException(
          folder.toUri().toString(),
          "no capture: "
              + vantage
              + "'s phone captures go to "
              + folder
              + "/, which does not exist (one folder per account in crawler.har-dir)");
    }
    return inboxes.computeIfAbsent(vantage, v -> new HarInbox(folder));
  }

  private static boolean isAnonymous(String vantage) {
    return FetchRequest.ANONYMOUS.equals(vantage);
  }
}
