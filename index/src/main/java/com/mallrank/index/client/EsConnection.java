package com.mallrank.index.client;

import java.net.URI;
import java.nio.file.Path;

/**
 * How to reach an Elasticsearch cluster. Everything but the URL is optional ({@code null}); give
 * either an API key or a username and password, not both. {@link #toString()} never prints secrets.
 *
 * @param url the base URL, e.g. {@code http://127.0.0.1:9250} or {@code https://es.example:9200}
 * @param apiKey an encoded API key (sent as {@code Authorization: ApiKey ...}), or {@code null}
 * @param username the basic-auth user, or {@code null}
 * @param password the basic-auth password, or {@code null}
 * @param caCertificate a PEM file with the CA certificate(s) to trust for https, or {@code null}
 */
public record EsConnection(
    String url, String apiKey, String username, String password, Path caCertificate) {

  public EsConnection {
    if (url == null || url.isBlank()) {
      throw new IllegalArgumentException("Elasticsearch url is required");
    }
    url = url.strip();
    while (url.endsWith("/")) {
      url = url.substring(0, url.length() - 1);
    }
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      // no cause: its message would quote the URL, credentials included
      throw new IllegalArgumentException(
          "Elasticsearch url is not a URL: '" + Redaction.url(url) + "'");
    }
    if (uri.getRawUserInfo() != null) {
      throw new IllegalArgumentException(
          "index.es.url must not carry credentials ('"
              + Redaction.url(url)
              + "'): set index.es.username and index.es.password, or index.es.api-key");
    }
    if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
      throw new IllegalArgumentException(
          "Elasticsearch url must start with http:// or https://, got '"
              + Redaction.url(url)
              + "'");
    }
    if (uri.getHost() == null) {
      throw new IllegalArgumentException(
          "Elasticsearch url has no host: '" + Redaction.url(url) + "'");
    }
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

  /** The URL as every message shows it: without credentials or query values ({@link Redaction}). */
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
