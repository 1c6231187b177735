package com.mallrank.batch.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mallrank.batch.config.IndexProperties;
import com.mallrank.batch.config.IndexProperties.Credentials;
import com.mallrank.index.client.EsConnection;
import com.mallrank.index.security.MallrankRole;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each role connects with its own credential, else the main one; bad keys are named. */
class RoleCredentialsTest {

  private static ElasticsearchRuntime runtime(Credentials writer, Credentials reader) {
    return new ElasticsearchRuntime(
        new IndexProperties(
            "mallrank",
            "wait_for",
            new IndexProperties.Es(
                "http://127.0.0.1:9", null, "main", "main-secret", null, writer, reader, null),
            new IndexProperties.Local(
                Path.of("data/elasticsearch"), 9200, "8.19.7", "512m", true, List.of()),
            0,
            Duration.ofMinutes(2)));
  }

  @Test
  void aRoleWithItsOwnKeysUsesThemOthersTheMainCredential() {
    ElasticsearchRuntime runtime =
        runtime(
            new Credentials(null, "w", "w-secret"), new Credentials("cmVhZGVyOmtleQ==", "", ""));
    EsConnection writer = runtime.connection(MallrankRole.WRITER);
    assertThat(writer.username()).isEqualTo("w");
    assertThat(writer.password()).isEqualTo("w-secret");
    EsConnection reader = runtime.connection(MallrankRole.READER);
    assertThat(reader.apiKey()).isEqualTo("cmVhZGVyOmtleQ==");
    assertThat(reader.username()).isNull();
    EsConnection admin = runtime.connection(MallrankRole.ADMIN);
    assertThat(admin.username()).isEqualTo("main");
    assertThat(admin.toString()).doesNotContain("main-secret");
  }

  @Test
  void aHalfGivenRoleCredentialIsNamedWithoutItsValue() {
    ElasticsearchRuntime runtime = runtime(new Credentials(null, "w", null), null);
    assertThatThrownBy(() -> runtime.connection(MallrankRole.WRITER))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("index.es.writer.*: give both username and password, or neither");
    assertThat(new Credentials(null, "w", "s3cret-value").toString())
        .isEqualTo("Credentials[(hidden)]");
  }

  @Test
  void severalNodeUrlsGoToEveryRoleAndCredentialsInAnyEntryAreRefused() {
    IndexProperties.Es three =
        new IndexProperties.Es(
            "http://es1:9200,http://es2:9200", null, "main", "main-secret", null, null, null, null);
    ElasticsearchRuntime runtime =
        new ElasticsearchRuntime(
            new IndexProperties(
                "mallrank",
                "false",
                three,
                new IndexProperties.Local(
                    Path.of("data/elasticsearch"), 9200, "8.19.7", "512m", true, List.of()),
                0,
                Duration.ofMinutes(2)));
    assertThat(runtime.connection(MallrankRole.WRITER).urls())
        .containsExactly("http://es1:9200", "http://es2:9200");
    assertThat(three.toString())
        .isEqualTo("Es[url=http://es1:9200,http://es2:9200, credentials=(hidden)]");
    assertThatThrownBy(
            () ->
                new IndexProperties.Es(
                    "http://es1:9200,http://elastic:pw-in-url@es2:9200",
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null))
        .hasMessage(
            "index.es.url must not carry credentials ('http://es1:9200,http://***@es2:9200'): set"
                + " index.es.username and index.es.password, or index.es.api-key");
  }
}
