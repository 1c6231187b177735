package com.mallrank.batch.runtime;

import com.mallrank.batch.plan.MatrixAccount;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which saved login state each matrix account searches with, and whether it can be used: the one
 * place that decides both, for the static fetcher's cookies, the browser, {@code plan validate},
 * the sample job and {@code accounts status}. A state is the plan's {@code storage-state} when it
 * names one, else {@code <batch.accounts-dir>/<id>.json} when that exists (where {@code accounts
 * login} and {@code accounts import} save it); an account with neither has no login state (a target
 * with an identity cookie knows it by its id, see {@link Target#identityCookie}).
 *
 * <p>A state that cannot be used ({@link LoginStateFile#unusable}: missing, too open, unreadable,
 * not a storage state, every cookie expired) is that account's trouble only: its samples are
 * skipped as {@code needs-login}, the others are sampled.
 */
public final class LoginStates {

  private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]*");

  private final Path accountsDir;

  /**
   * @param accountsDir {@code batch.accounts-dir}, or {@code null} to use the plan's files only
   */
  public LoginStates(Path accountsDir) {
    this.accountsDir = accountsDir;
  }

  /**
   * The state file the account searches with, if it has one: absolute, so what is shown of it names
   * the file wherever the user runs mallrank from.
   */
  public Optional<Path> fileOf(MatrixAccount account) {
    if (account.storageState() != null) {
      return Optional.of(account.storageState().toAbsolutePath().normalize());
    }
    if (accountsDir == null || !SAFE_ID.matcher(account.id()).matches()) {
      return Optional.empty();
    }
    Path file = accountsDir.resolve(account.id() + ".json").toAbsolutePath().normalize();
    return Files.exists(file) ? Optional.of(file) : Optional.empty();
  }

  /**
   * Why the account's login state cannot be used at {@code now}; empty when it can, or has none.
   */
  public Optional<String> unusable(MatrixAccount account, Instant now) {
    return fileOf(account).flatMap(file -> LoginStateFile.inspect(file).unusable(now));
  }
}
