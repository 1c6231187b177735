package com.mallrank.index.client;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How to reach an Elasticsearch cluster. Everything but the URL is optional ({@code null}); give
 * either an API key or a username and password, not both. {@link #toString()} never prints secrets.
 *
 * <p>The URL may name several nodes of one cluster, comma-separated ({@code
 * http://es1:9200,http://es2:9200}): the client spreads requests over them and retries a request on
 * another node when one is lost, so one lost node loses no request. All nodes share one scheme and
 * one credential.
 *
 * @param url the base URL, e.g. {@code http://127.0.0.1:9250} or {@code https://es.example:9200},
 *     or several, comma-separated; kept normalised (entries stripped, no trailing {@code /})
 * @param apiKey an encoded API key (sent as {@code Authorization: ApiKey ...}), or {@code null}
 * @param username the basic-auth user, or {@code null}
 * @param password the basic-auth password, or {@code null}
 * @param caCertificate a PEM file with the CA certificate(s) to trust for https, or {@code null}
 */
public record EsConnection(
    String url, String apiKey, String username, String password, Path caCertificate) {

  public EsConnection {
    url = String.join(",", parseUrls(url));
    apiKey = blankToNull(apiKey);
    username = blankToNull(username);
    password = blankToNull(password);
    if ((username == null) != (password == null)) {
      throw new IllegalArgumentException("give both username and password, or neither");
    }
    if (apiKey != null && username != null) {
      throw new IllegalArgumentException("give an API key or username/password, not both");
    }
  }

  /** The node URLs, in the configured order (one for a single-node URL). */
  public List<String> urls() {
    return List.of(url.split(","));
  }

  /**
   * Splits and checks a comma-separated list of node URLs: each must be http(s) with a host and no
   * credentials, all with the same scheme. Errors are one line naming {@code index.es.url} and the
   * bad entry, redacted (never with the exception that would quote it raw).
   */
  static List<String> parseUrls(String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("index.es.url is required");
    }
    List<String> entries = Arrays.asList(value.split(",", -1));
    List<String> urls = new ArrayList<>();
    String scheme = null;
    for (int i = 0; i < entries.size(); i++) {
      String label = entries.size() == 1 ? "index.es.url" : "index.es.url entry " + (i + 1);
      String url = entries.get(i).strip();
      while (url.endsWith("/")) {
        url = url.substring(0, url.length() - 1);
      }
      if (url.isEmpty()) {
        throw new IllegalArgumentException(
            label + " is empty: give node URLs separated by single commas");
      }
      URI uri;
      try {
        uri = URI.create(url);
      } catch (IllegalArgumentException e) {
        // no cause: its message would quote the URL, credentials included
        throw new IllegalArgumentException(label + " is not a URL: '" + Redaction.url(url) + "'");
      }
      if (uri.getRawUserInfo() != null) {
        throw new IllegalArgumentException(
            label
                + " must not carry credentials ('"
                + Redaction.url(url)
                + "'): set index.es.username and index.es.password, or index.es.api-key");
      }
      if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
        throw new IllegalArgumentException(
            label + " must start with http:// or https://, got '" + Redaction.url(url) + "'");
      }
      if (uri.getHost() == null) {
        throw new IllegalArgumentException(label + " has no host: '" + Redaction.url(url) + "'");
      }
      if (scheme != null && !scheme.equals(uri.getScheme())) {
        throw new IllegalArgumentException(
            label
                + " must use "
                + scheme
                + ":// like the first node (one cluster, one scheme), got '"
                + Redaction.url(url)
                + "'");
      }
      scheme = uri.getScheme();
      urls.add(url);
    }
    return List.copyOf(urls);
  }

  /** An unauthenticated connection (the local cluster). */
  public static EsConnection of(String url) {
    return new EsConnection(url, null, null, null, null);
  }

  public EsConnection withApiKey(String key) {
    return new EsConnection(url, key, null, null, caCertificate);
  }

  public EsConnection withBasicAuth(String user, String pass) {
    return new EsConnection(url, null, user, pass, caCertificate);
  }

  public EsConnection withCaCertificate(Path pem) {
    return new EsConnection(url, apiKey, username, password, pem);
  }

  /**
   * The URL (every node of it) as every message shows it: without credentials or query values
   * ({@link Redaction}).
   */
  public String displayUrl() {
    return Redaction.url(url);
  }

  @Override
  public String toString() {
    return "EsConnection[url="
        + Redaction.url(url)
        + ", apiKey="
        + (apiKey == null ? "none" : "****")
        + ", username="
        + (username == null ? "none" : username)
        + ", password="
        + (password == null ? "none" : "****")
        + ", caCertificate="
        + (caCertificate == null ? "none" : caCertificate)
        + "]";
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
