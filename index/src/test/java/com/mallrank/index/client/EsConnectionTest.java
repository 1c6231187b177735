package com.mallrank.index.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class EsConnectionTest {

  @Test
  void toStringNeverPrintsSecrets() {
    EsConnection apiKey = EsConnection.of("https://es:9200/").withApiKey("c2VjcmV0LWtleQ==");
    EsConnection basic =
        EsConnection.of("https://es:9200")
            .withBasicAuth("elastic", "hunter2")
            .withCaCertificate(Path.of("/ca.pem"));

    assertThat(apiKey.toString()).doesNotContain("c2VjcmV0LWtleQ==").contains("apiKey=****");
    assertThat(basic.toString())
        .doesNotContain("hunter2")
        .contains("username=elastic")
        .contains("/ca.pem");
    assertThat(apiKey.url()).isEqualTo("https://es:9200");
  }

  @Test
  void validates() {
    assertThatThrownBy(() -> EsConnection.of(" ")).hasMessageContaining("url is required");
    assertThatThrownBy(() -> EsConnection.of("es:9200")).hasMessageContaining("http://");
    assertThatThrownBy(() -> new EsConnection("http://es", null, "u", null, null))
        .hasMessageContaining("both username and password");
    assertThatThrownBy(() -> new EsConnection("http://es", "k", "u", "p", null))
        .hasMessageContaining("not both");
  }

  @Test
  void severalNodeUrlsAreSplitNormalisedAndAllGoToTheClient() throws Exception {
    EsConnection three =
        EsConnection.of(" http://es1:9200/ , http://es2:9200,http://es3:9200// ")
            .withBasicAuth("elastic", "hunter2");
    assertThat(three.urls())
        .containsExactly("http://es1:9200", "http://es2:9200", "http://es3:9200");
    assertThat(three.url()).isEqualTo("http://es1:9200,http://es2:9200,http://es3:9200");
    assertThat(three.displayUrl()).isEqualTo(three.url());
    assertThat(three.toString()).doesNotContain("hunter2").contains("http://es3:9200");
    assertThat(EsConnection.of("http://es1:9200").urls()).containsExactly("http://es1:9200");
    try (var client = EsClients.create(three)) {
      assertThat(
              ((co.elastic.clients.transport.rest_client.RestClientTransport) client._transport())
                  .restClient()
                  .getNodes())
          .extracting(n -> n.getHost().toURI())
          .containsExactly("http://es1:9200", "http://es2:9200", "http://es3:9200");
    }
  }

  @Test
  void aBadEntryIsNamedWithItsPositionAndNeverEchoesCredentials() {
    assertThatThrownBy(() -> EsConnection.of("http://es1:9200,es2:9200"))
        .hasMessage("index.es.url entry 2 must start with http:// or https://, got 'es2:9200'")
        .hasNoCause();
    assertThatThrownBy(() -> EsConnection.of("http://es1:9200,,http://es3:9200"))
        .hasMessage("index.es.url entry 2 is empty: give node URLs separated by single commas");
    assertThatThrownBy(() -> EsConnection.of("http://es1:9200,"))
        .hasMessageStartingWith("index.es.url entry 2 is empty");
    assertThatThrownBy(() -> EsConnection.of("https://es1:9200,http://es2:9200"))
        .hasMessage(
            "index.es.url entry 2 must use https:// like the first node (one cluster, one"
                + " scheme), got 'http://es2:9200'");
    assertThatThrownBy(() -> EsConnection.of("http://es1:9200,http://elastic:hunter2@es2:9200"))
        .hasMessage(
            "index.es.url entry 2 must not carry credentials ('http://***@es2:9200'): set"
                + " index.es.username and index.es.password, or index.es.api-key")
        .hasNoCause();
    assertThatThrownBy(() -> EsConnection.of("http://es1:9200,elastic:hunter2@es2:9200"))
        .hasMessageNotContaining("hunter2")
        .hasMessageStartingWith("index.es.url entry 2 ");
    assertThatThrownBy(() -> EsConnection.of("http://es1:9200,http://es 2:9200"))
        .hasMessage("index.es.url entry 2 is not a URL: 'http://es 2:9200'")
        .hasNoCause();
    assertThatThrownBy(() -> EsConnection.of("http://:9200"))
        .hasMessage("index.es.url has no host: 'http://:9200'");
  }

  @Test
  void createsAClientWithoutContactingTheServer() throws Exception {
    try (var client =
        EsClients.create(EsConnection.of("http://127.0.0.1:1").withBasicAuth("u", "p"))) {
      assertThat(client).isNotNull();
    }
  }
}
