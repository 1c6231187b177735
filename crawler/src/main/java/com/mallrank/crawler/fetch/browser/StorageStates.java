package com.mallrank.crawler.fetch.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where the saved login of each matrix account is: a Playwright storage state file (cookies +
 * localStorage, as written by {@code BrowserContext.storageState()}). The files are secrets: they
 * are handed to Chromium, and mallrank reads their values only to scope static requests' cookies
 * and to mask them out of kept evidence; it never prints or logs them.
 */
@FunctionalInterface
public interface StorageStates {

  /**
   * The storage state file of an identity, or empty when there is none.
   *
   * @throws SecretStateFiles.InsecureStateException when the file is open to group/others
   */
  Optional<Path> fileOf(String identity);

  /** No saved logins: only anonymous pages (or requests carrying their own cookies). */
  static StorageStates none() {
    return identity -> Optional.empty();
  }

  /**
   * Fixed files per identity, each checked by {@link SecretStateFiles} when it is used (a file open
   * to group/others is refused with an error naming it).
   */
  static StorageStates of(Map<String, Path> files) {
    Map<String, Path> copy = Map.copyOf(files);
    return identity -> Optional.ofNullable(copy.get(identity)).map(SecretStateFiles::require);
  }

  /**
   * {@code <directory>/<identity>.json}, when it exists. Identities are restricted to letters,
   * digits, {@code .}, {@code _} and {@code -} so that none can point outside the directory. A file
   * that exists is checked by {@link SecretStateFiles} (owner-only file and folder) and refused
   * with an error naming it otherwise, never used silently.
   */
  static StorageStates inDirectory(Path directory) {
    Pattern safe = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]*");
    return identity -> {
      if (identity == null || !safe.matcher(identity).matches()) {
        return Optional.empty();
      }
      Path file = directory.resolve(identity + ".json");
      return Files.exists(file) ? Optional.of(SecretStateFiles.require(file)) : Optional.empty();
    };
  }
}
