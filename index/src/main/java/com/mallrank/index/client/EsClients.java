package com.mallrank.index.client;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.apache.http.Header;
import org.apache.http.HttpHost;
import org.apache.http.auth.AuthScope;
import org.apache.http.auth.UsernamePasswordCredentials;
import org.apache.http.impl.client.BasicCredentialsProvider;
import org.apache.http.message.BasicHeader;
import org.elasticsearch.client.RestClient;
import org.elasticsearch.client.RestClientBuilder;

/**
 * Builds {@link ElasticsearchClient}s. Documents are (de)serialised with {@link #objectMapper()}:
 * snake_case field names, ISO-8601 instants, {@code null} fields left out.
 */
public final class EsClients {

  /**
   * Record components whose field name is not their plain snake_case form (the mapping says {@code
   * duration_ms}, the {@code SampleDocument} component is {@code durationMillis}).
   */
  private static final Map<String, String> RENAMED = Map.of("durationMillis", "duration_ms");

  private EsClients() {}

  /**
   * A client for the connection, talking to every node of its URL. Close it (it is {@link
   * java.io.Closeable}) to release the HTTP connections.
   */
  public static ElasticsearchClient create(EsConnection connection) {
    // every node: the low-level client round-robins over them, marks a failing node dead for a
    // while and retries the request on the next one, so a lost node loses no request
    RestClientBuilder builder =
        RestClient.builder(
            connection.urls().stream().map(HttpHost::create).toArray(HttpHost[]::new));
    List<Header> headers = new ArrayList<>();
    if (connection.apiKey() != null) {
      headers.add(new BasicHeader("Authorization", "ApiKey " + connection.apiKey()));
    }
    if (!headers.isEmpty()) {
      builder.setDefaultHeaders(headers.toArray(Header[]::new));
    }
    SSLContext ssl = connection.caCertificate() == null ? null : sslContextTrusting(connection);
    BasicCredentialsProvider credentials = null;
    if (connection.username() != null) {
      credentials = new BasicCredentialsProvider();
      credentials.setCredentials(
          AuthScope.ANY,
          new UsernamePasswordCredentials(connection.username(), connection.password()));
    }
    BasicCredentialsProvider finalCredentials = credentials;
    builder.setHttpClientConfigCallback(
        http -> {
          if (ssl != null) {
            http.setSSLContext(ssl);
          }
          if (finalCredentials != null) {
            http.setDefaultCredentialsProvider(finalCredentials);
          }
          return http;
        });
    RestClientTransport transport =
        new RestClientTransport(builder.build(), new JacksonJsonpMapper(objectMapper()));
    return new ElasticsearchClient(transport);
  }

  /** The mapper used for mallrank documents; the field names match the index templates. */
  public static ObjectMapper objectMapper() {
    return JsonMapper.builder()
        .addModule(new JavaTimeModule())
        .propertyNamingStrategy(new DocumentNaming())
        .serializationInclusion(JsonInclude.Include.NON_NULL)
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .build();
  }

  private static SSLContext sslContextTrusting(EsConnection connection) {
    try (InputStream in = Files.newInputStream(connection.caCertificate())) {
      KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
      trust.load(null, null);
      int i = 0;
      for (Certificate certificate :
          CertificateFactory.getInstance("X.509").generateCertificates(in)) {
        trust.setCertificateEntry("ca-" + i++, certificate);
      }
      if (i == 0) {
        throw new IllegalArgumentException(
            "No certificate found in CA file " + connection.caCertificate());
      }
      TrustManagerFactory factory =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init(trust);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, factory.getTrustManagers(), null);
      return context;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read CA file " + connection.caCertificate(), e);
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException(
          "Cannot use CA file " + connection.caCertificate() + ": " + e.getMessage(), e);
    }
  }

  /** snake_case, with the few renames the mapping needs. */
  private static final class DocumentNaming extends PropertyNamingStrategies.SnakeCaseStrategy {
    @Override
    public String translate(String input) {
      String renamed = RENAMED.get(input);
      return renamed != null ? renamed : super.translate(input);
    }
  }
}
