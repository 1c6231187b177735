package com.mallrank.batch.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mallrank.crawler.fetch.browser.SecretStateFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;

/**
 * What can be said about a saved login state (a Playwright storage-state JSON) without showing it:
 * its age, its permissions, how many cookies it holds and which expires first. Cookie values are
 * never read into this, never printed; a cookie name is shown only when it is a plain token.
 *
 * @param path the file
 * @param exists whether it exists
 * @param modified when it was last written, or {@code null}
 * @param mode its POSIX permissions ({@code rw-------}), or {@code null} when not POSIX or missing
 * @param problem what is wrong with the file or its folder ({@link SecretStateFiles#problem}), or
 *     {@code null}
 * @param cookies how many cookies it holds, {@code -1} when it is not a storage state
 * @param sessionCookies how many of them have no expiry (end with the browser session)
 * @param soonestExpiry the earliest expiry of a persistent cookie, or {@code null}
 * @param soonestName that cookie's name when it is a plain token, else {@code ?}
 * @param latestExpiry the latest expiry of a persistent cookie, or {@code null}
 */
public record LoginStateFile(
    Path path,
    boolean exists,
    Instant modified,
    String mode,
    String problem,
    int cookies,
    int sessionCookies,
    Instant soonestExpiry,
    String soonestName,
    Instant latestExpiry) {

  /**
   * Why the state cannot log the account in at {@code now}, or empty: missing, not a file, open to
   * group/others, unreadable ({@link #problem}), not a storage state, or every cookie it holds
   * expired (a state of session cookies, or of none, is not taken for expired: some sites keep the
   * login in localStorage). The one rule for sampling, {@code plan validate} and {@code accounts
   * status}. Names the file, never a value.
   */
  public java.util.Optional<String> unusable(Instant now) {
    if (problem != null) {
      return java.util.Optional.of(problem);
    }
    if (cookies < 0) {
      return java.util.Optional.of(
          "login state file " + path + " is not a storage-state JSON (no 'cookies' list)");
    }
    if (cookies > 0 && sessionCookies == 0 && latestExpiry != null && !latestExpiry.isAfter(now)) {
      return java.util.Optional.of(
          "every cookie of login state file "
              + path
              + " expired (the last at "
              + latestExpiry
              + ")");
    }
    return java.util.Optional.empty();
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Inspects the file; never throws for what the file is or holds. */
  public static LoginStateFile inspect(Path path) {
    if (!Files.isRegularFile(path)) {
      return new LoginStateFile(
          path,
          false,
          null,
          null,
          SecretStateFiles.problem(path).orElse(null),
          -1,
          0,
          null,
          null,
          null);
    }
    Instant modified = null;
    String mode = null;
    try {
      modified = Files.getLastModifiedTime(path).toInstant();
      mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    } catch (IOException | UnsupportedOperationException e) {
      // age or mode unknown: shown as such
    }
    String problem = SecretStateFiles.problem(path).orElse(null);
    int cookies = -1;
    int session = 0;
    Instant soonest = null;
    String soonestName = null;
    Instant latest = null;
    try {
      JsonNode list = JSON.readTree(path.toFile()).path("cookies");
      if (list.isArray()) {
        cookies = list.size();
        for (JsonNode cookie : list) {
          double expires = cookie.path("expires").asDouble(-1);
          if (expires <= 0) {
            session++;
            continue;
          }
          Instant at = Instant.ofEpochMilli((long) (expires * 1000));
          if (latest == null || at.isAfter(latest)) {
            latest = at;
          }
          if (soonest == null || at.isBefore(soonest)) {
            soonest = at;
            String name = cookie.path("name").asText("");
            soonestName = name.matches("[A-Za-z0-9_.-]{1,40}") ? name : "?";
          }
        }
      }
    } catch (IOException e) {
      // not JSON: cookies stays -1 (the parser's message may quote the contents: not kept)
    }
    return new LoginStateFile(
        path, true, modified, mode, problem, cookies, session, soonest, soonestName, latest);
  }
}
