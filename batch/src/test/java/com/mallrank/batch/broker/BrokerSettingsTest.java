package com.mallrank.batch.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mallrank.batch.config.ApplicationYaml;
import com.mallrank.local.artemis.ArtemisSettings;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** The local broker listens on loopback only, with both credentials or none, never printed. */
class BrokerSettingsTest {

  private static final BrokerProperties PROPERTIES =
      new BrokerProperties(Path.of("data/artemis"), "2.40.0", Duration.ofMinutes(2));

  @Test
  void theClientsUrlAndCredentialsAreTheBrokers() {
    ArtemisSettings settings =
        BrokerSettings.of(
            PROPERTIES,
            new MockEnvironment()
                .withProperty("spring.artemis.broker-url", "tcp://localhost:61617")
                .withProperty("spring.artemis.user", "mallrank")
                .withProperty("spring.artemis.password", "s3cret-pw"));
    assertThat(settings.url()).isEqualTo("tcp://127.0.0.1:61617");
    assertThat(settings.user()).isEqualTo("mallrank");
    assertThat(settings.dir().isAbsolute()).isTrue();
    assertThat(settings.dir().endsWith(Path.of("data", "artemis"))).isTrue();
    assertThat(settings.artifact())
        .isEqualTo("org.apache.activemq:apache-artemis:2.40.0:tar.gz:bin");
    assertThat(settings.toString()).doesNotContain("s3cret-pw");
    assertThat(BrokerSettings.of(PROPERTIES, packaged()).url()).isEqualTo("tcp://127.0.0.1:61616");
  }

  @Test
  void theUrlHasOneKeyWithItsDefaultInApplicationYml() {
    assertThat(BrokerSettings.url(packaged())).isEqualTo("tcp://localhost:61616");
    assertThat(
            BrokerSettings.shown(
                new MockEnvironment()
                    .withProperty(
                        "spring.artemis.broker-url",
                        " tcp://b.example:61616?user=u&password=s3cret ")))
        .isEqualTo("tcp://b.example:61616");
    assertThatThrownBy(() -> BrokerSettings.url(new MockEnvironment()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("spring.artemis.broker-url is not set (application.yml gives a default)");
  }

  /** The packaged application.yml alone: where the broker URL's default lives. */
  private static MockEnvironment packaged() {
    MockEnvironment environment = new MockEnvironment();
    ApplicationYaml.sources().forEach(environment.getPropertySources()::addLast);
    return environment;
  }

  @Test
  void aBrokerElsewhereIsNotStartedHere() {
    assertThatThrownBy(
            () ->
                BrokerSettings.of(
                    PROPERTIES,
                    new MockEnvironment()
                        .withProperty("spring.artemis.broker-url", "tcp://10.0.0.5:61616")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("spring.artemis.broker-url: 10.0.0.5 is not this host's loopback");
    assertThatThrownBy(
            () ->
                BrokerSettings.of(
                    PROPERTIES,
                    new MockEnvironment()
                        .withProperty("spring.artemis.broker-url", "tcp://broker.example:61616")))
        .hasMessageContaining("is not this host's loopback");
    assertThatThrownBy(
            () ->
                BrokerSettings.of(
                    PROPERTIES,
                    new MockEnvironment().withProperty("spring.artemis.broker-url", "vm://0")))
        .hasMessage(
            "spring.artemis.broker-url: 'vm://0' is not a tcp://host:port URL (expected"
                + " tcp://127.0.0.1:61616)");
  }

  @Test
  void aUserWithoutAPasswordIsRefused() {
    assertThatThrownBy(
            () ->
                BrokerSettings.of(PROPERTIES, packaged().withProperty("spring.artemis.user", "u")))
        .hasMessage(
            "spring.artemis.user and spring.artemis.password go together: set both or neither");
  }
}
