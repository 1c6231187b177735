package com.mallrank.batch.config;

import com.mallrank.index.client.Redaction;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code index.*}: where samples and listings are stored. With no {@code index.es.url} mallrank
 * starts (or reuses) the local Elasticsearch: the embedded default.
 *
 * @param prefix the index and alias name prefix ({@code mallrank} → {@code mallrank-listings})
 * @param refresh the bulk refresh policy: {@code false}, {@code true} or {@code wait_for}
 * @param es an external cluster; blank url = the local one
 * @param local the local (embedded default) cluster
 */
@ConfigurationProperties("index")
public record IndexProperties(
    @DefaultValue("mallrank") String prefix,
    @DefaultValue("wait_for") String refresh,
    @DefaultValue Es es,
    @DefaultValue Local local) {

  /**
   * An external cluster. Credentials are secrets: they are never logged.
   *
   * @param url e.g. {@code https://es.example.com:9200}; blank = use the local cluster
   * @param apiKey an encoded API key, or blank
   * @param username basic-auth user, or blank
   * @param password basic-auth password, or blank
   * @param caCertificate a PEM CA certificate for TLS, or null
   */
  public record Es(
      String url, String apiKey, String username, String password, Path caCertificate) {

    /**
     * Refuses credentials inside the URL at config time: a {@code user:password@} part would be
     * printed wherever the URL is, so they go in their own keys.
     */
    public Es {
      if (url != null && hasUserInfo(url.strip())) {
        throw new IllegalArgumentException(
            "index.es.url must not carry credentials ('"
                + Redaction.url(url.strip())
                + "'): set index.es.username and index.es.password, or index.es.api-key");
      }
    }

    private static boolean hasUserInfo(String url) {
      int scheme = url.indexOf("://");
      if (scheme < 0) {
        return false;
      }
      String authority = url.substring(scheme + 3).split("[/?#]", 2)[0];
      return authority.contains("@");
    }

    public boolean external() {
      return url != null && !url.isBlank();
    }

    @Override
    public String toString() {
      return "Es[url="
          + Redaction.url(url)
          + ", credentials="
          + (external() ? "(hidden)" : "none")
          + "]";
    }
  }

  /**
   * The local Elasticsearch (downloaded through Maven, run as an unprivileged user).
   *
   * @param dataDir where the server is unpacked and keeps its data
   * @param port its HTTP port on 127.0.0.1
   * @param version the server version
   * @param heap its JVM heap
   * @param stopOnExit stop it when mallrank exits, if mallrank started it
   */
  public record Local(
      @DefaultValue("data/elasticsearch") Path dataDir,
      @DefaultValue("9200") int port,
      @DefaultValue("8.19.7") String version,
      @DefaultValue("512m") String heap,
      @DefaultValue("true") boolean stopOnExit) {}
}
