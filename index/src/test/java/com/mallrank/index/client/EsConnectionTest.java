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
  void createsAClientWithoutContactingTheServer() throws Exception {
    try (var client =
        EsClients.create(EsConnection.of("http://127.0.0.1:1").withBasicAuth("u", "p"))) {
      assertThat(client).isNotNull();
    }
  }
}
