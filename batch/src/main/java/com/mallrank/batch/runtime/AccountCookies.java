package com.mallrank.batch.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mallrank.batch.plan.MatrixAccount;
import com.mallrank.batch.plan.Plan;
import com.mallrank.batch.plan.PlanLoader;
import com.mallrank.crawler.fetch.browser.SecretStateFiles;
import com.mallrank.crawler.sandbox.SandboxMall;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The cookies a vantage searches with. Anonymous: none. The sandbox knows a searcher by one cookie.
 * A real matrix account: the cookies of its saved login state (a Playwright storage-state JSON,
 * {@code storage-state} in the plan). Values are secrets: never logged, never in messages.
 */
public final class AccountCookies {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Plan plan;
  private final boolean sandbox;
  private final Map<String, Map<String, String>> loaded = new ConcurrentHashMap<>();

  public AccountCookies(Plan plan, boolean sandbox) {
    this.plan = plan;
    this.sandbox = sandbox;
  }

  /** The cookies of a vantage. */
  public Map<String, String> of(String vantage) {
    if (vantage.equals(PlanLoader.ANONYMOUS)) {
      return Map.of();
    }
    Path state = plan.account(vantage).map(MatrixAccount::storageState).orElse(null);
    if (state == null) {
      return sandbox ? Map.of(SandboxMall.IDENTITY_COOKIE, vantage) : Map.of();
    }
    return loaded.computeIfAbsent(vantage, v -> read(state));
  }

  /** The name/value pairs of a storage state's cookies. */
  static Map<String, String> read(Path state) {
    SecretStateFiles.require(state); // owner-only file and folder, or an error naming the file
    try {
      JsonNode cookies = JSON.readTree(state.toFile()).path("cookies");
      Map<String, String> values = new LinkedHashMap<>();
      for (JsonNode cookie : cookies) {
        values.put(cookie.path("name").asText(), cookie.path("value").asText());
      }
      return Map.copyOf(values);
    } catch (IOException e) {
      // the message names the file only: the parser's message may quote its contents
      throw new UncheckedIOException(
          new IOException("cannot read the login state " + state + " as storage-state JSON"));
    }
  }
}
