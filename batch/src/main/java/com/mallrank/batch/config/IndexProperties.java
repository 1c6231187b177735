package com.mallrank.batch.config;

import com.mallrank.index.client.Redaction;
import com.mallrank.index.security.MallrankRole;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code index.*}: where samples and listings are stored. With no {@code index.es.url} mallrank
 * starts (or reuses) the local Elasticsearch: the embedded default.
 *
 * @param prefix the index and alias name prefix ({@code mallrank} → {@code mallrank-listings})
 * @param refresh the bulk refresh policy: {@code false}, {@code true} or {@code wait_for}
 * @param es an external cluster; blank url = the local one
 * @param local the local (embedded default) cluster
 * @param replicas {@code number_of_replicas} of every mallrank index (templates and existing
 *     indices): 0 on one node (a replica needs another node), 1 on a cluster of 3 so a lost node
 *     loses nothing
 * @param bulkRetry how long a bulk write the cluster cannot take (a node lost, a full write queue)
 *     is retried before the step fails, restartable; also how long a slot's start waits for its
 *     month's and the next month's indices to become active
 */
@ConfigurationProperties("index")
public record IndexProperties(
    String prefix, String refresh, Es es, Local local, int replicas, Duration bulkRetry) {

  public IndexProperties {
    if (bulkRetry == null || bulkRetry.isNegative() || bulkRetry.isZero()) {
      throw new IllegalArgumentException(
          "index.bulk-retry must be a positive duration such as 2m or 30s, not " + bulkRetry);
    }
  }

  /**
   * An external cluster. Credentials are secrets: they are never logged.
   *
   * @param url e.g. {@code https://es.example.com:9200}; blank = use the local cluster
   * @param apiKey an encoded API key, or blank
   * @param username basic-auth user, or blank
   * @param password basic-auth password, or blank
   * @param caCertificate a PEM CA certificate for TLS, or null
   * @param writer the sampling job's credential ({@code mallrank_writer}); blank = the above
   * @param reader the reports' and look-ups' credential ({@code mallrank_reader}); blank = the
   *     above
   * @param admin templates, retention, id migration ({@code mallrank_admin}); blank = the above
   */
  public record Es(
      String url,
      String apiKey,
      String username,
      String password,
      Path caCertificate,
      Credentials writer,
      Credentials reader,
      Credentials admin) {

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

    /** Whether any entry of the (comma-separated) node list has a {@code user:password@}. */
    private static boolean hasUserInfo(String urls) {
      for (String url : urls.split(",")) {
        int scheme = url.indexOf("://");
        String authority = url.substring(scheme < 0 ? 0 : scheme + 3).split("[/?#]", 2)[0];
        if (authority.contains("@")) {
          return true;
        }
      }
      return false;
    }

    /** The credential of the role: its own keys when set, else the main ones. */
    public Credentials credentials(MallrankRole role) {
      Credentials own =
          switch (role) {
            case WRITER -> writer;
            case READER -> reader;
            case ADMIN -> admin;
          };
      return own != null && own.present() ? own : new Credentials(apiKey, username, password);
    }

    /** Where the role's credential is configured: {@code index.es.writer}, or {@code index.es}. */
    public String credentialsKey(MallrankRole role) {
      Credentials own =
          switch (role) {
            case WRITER -> writer;
            case READER -> reader;
            case ADMIN -> admin;
          };
      return own != null && own.present()
          ? "index.es." + role.name().toLowerCase(java.util.Locale.ROOT)
          : "index.es";
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
   * One role's credential ({@code index.es.writer.*}, {@code .reader.*}, {@code .admin.*}): an API
   * key, or a username and password. Secrets: never logged.
   */
  public record Credentials(String apiKey, String username, String password) {

    /** Whether any key is set (otherwise the main {@code index.es.*} credential is used). */
    public boolean present() {
      return notBlank(apiKey) || notBlank(username) || notBlank(password);
    }

    private static boolean notBlank(String value) {
      return value != null && !value.isBlank();
    }

    @Override
    public String toString() {
      return "Credentials[" + (present() ? "(hidden)" : "none") + "]";
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
   * @param javaOptions further options of its JVM (after the heap); none when unset
   */
  public record Local(
      Path dataDir,
      int port,
      String version,
      String heap,
      boolean stopOnExit,
      List<String> javaOptions) {
    public Local {
      javaOptions = javaOptions == null ? List.of() : List.copyOf(javaOptions);
    }
  }
}
