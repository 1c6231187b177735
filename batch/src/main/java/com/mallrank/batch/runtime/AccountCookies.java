package com.mallrank.batch.runtime;

import com.mallrank.batch.plan.Plan;
import com.mallrank.batch.plan.PlanLoader;
import com.mallrank.crawler.fetch.Cookie;
import com.mallrank.crawler.fetch.CookieJar;
import com.mallrank.crawler.fetch.StorageState;
import com.mallrank.crawler.fetch.browser.SecretStateFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The cookies a vantage searches with, each with the scope it was saved with. Anonymous: none. A
 * vantage without a login state: the target's identity cookie ({@link Target#identityCookie}),
 * scoped to the target's host only, or none. A real matrix account: the cookies of its saved login
 * state (a Playwright storage-state JSON, {@code storage-state} in the plan) with their domain,
 * path, {@code Secure} flag and expiry, so the fetchers send each only where it belongs ({@link
 * CookieJar}) — never to the host of whatever URL is fetched, never across a redirect to another
 * site, a {@code Secure} one never over http. A state file is read again when it changed (cookies a
 * site rotated during a fetch are saved back into it, by this process or another). Values are
 * secrets: never logged, never in messages.
 */
public final class AccountCookies {

  private final Plan plan;
  private final Target target;
  private final LoginStates states;
  private final Map<String, Loaded> loaded = new ConcurrentHashMap<>();

  /**
   * A state file's cookies as read, and the version of the file they were read from (a rewrite is a
   * new file moved over the old one: a new file key, a new time).
   */
  private record Loaded(Object fileKey, FileTime modified, long size, CookieJar jar) {

    boolean isOf(BasicFileAttributes file) {
      return java.util.Objects.equals(fileKey, file.fileKey())
          && modified.equals(file.lastModifiedTime())
          && size == file.size();
    }
  }

  /**
   * @param target the site sampled (its identity cookie, if it has one, is scoped to its host), or
   *     {@code null} when a vantage without a login state sends no cookie
   */
  public AccountCookies(Plan plan, Target target) {
    this(plan, target, new LoginStates(null));
  }

  /**
   * @param states which state file each account searches with (the plan's, else the accounts
   *     folder's: the same file the browser loads)
   */
  public AccountCookies(Plan plan, Target target, LoginStates states) {
    this.plan = plan;
    this.target = target;
    this.states = states;
  }

  /** The cookies of a vantage. */
  public CookieJar of(String vantage) {
    if (vantage.equals(PlanLoader.ANONYMOUS)) {
      return CookieJar.empty();
    }
    Path state = plan.account(vantage).flatMap(states::fileOf).orElse(null);
    if (state == null) {
      return target == null || target.identityCookie() == null
          ? CookieJar.empty()
          : CookieJar.of(List.of(Cookie.hostOnly(target.identityCookie(), vantage, target.host())));
    }
    BasicFileAttributes file;
    try {
      file = Files.readAttributes(state, BasicFileAttributes.class);
    } catch (IOException e) {
      return read(state); // names the file: missing, or not readable
    }
    Loaded known = loaded.get(vantage);
    if (known != null && known.isOf(file)) {
      return known.jar();
    }
    CookieJar jar = read(state);
    loaded.put(vantage, new Loaded(file.fileKey(), file.lastModifiedTime(), file.size(), jar));
    return jar;
  }

  /** The cookies of a storage state, with their scope ({@link StorageState#jar}). */
  static CookieJar read(Path state) {
    SecretStateFiles.require(state); // owner-only file and folder, or an error naming the file
    try {
      return StorageState.read(state).jar();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // names the file only
    }
  }
}
