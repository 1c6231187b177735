package com.mallrank.crawler.fetch.browser;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.PlaywrightException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Saves an identity's refreshed login back to its storage-state file after a page, so cookies the
 * site rotated during the session (a new session token, a renewed expiry) are kept and the login
 * lives as long as the site allows instead of dying with the first rotation.
 *
 * <p>The file is replaced atomically and owner-only ({@link SecretStateFiles#update}); an unchanged
 * state is not rewritten. A failure is logged by file name only and leaves the old file as it was:
 * a page is never lost because its state could not be saved. Contents are never logged.
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

  /** Replaces {@code file} with {@code bytes} ({@link SecretStateFiles#update}). */
  static void write(Path file, byte[] bytes) throws IOException {
    SecretStateFiles.update(file, current -> bytes);
  }
}
