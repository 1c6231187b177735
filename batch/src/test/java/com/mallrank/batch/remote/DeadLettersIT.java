package com.mallrank.batch.remote;

import static org.assertj.core.api.Assertions.assertThat;

import com.mallrank.batch.alert.Alert;
import com.mallrank.batch.alert.AlertDedupeStore;
import com.mallrank.batch.alert.AlertDispatcher;
import com.mallrank.batch.alert.AlertProperties;
import com.mallrank.batch.alert.AlertRules;
import com.mallrank.batch.alert.DeadLetterRule;
import com.mallrank.batch.broker.BrokerCommand;
import com.mallrank.local.artemis.ArtemisSettings;
import com.mallrank.local.artemis.LocalArtemis;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import picocli.CommandLine;

/**
 * Dead-lettered partition requests on the real broker: the standalone Artemis of {@link
 * LocalArtemis} (as {@code RemotePartitioningIT} starts it, with its own {@code artemis create}
 * configuration: {@code DLQ}, 10 delivery attempts). A request is sent the way the manager sends it
 * and handed back the way a worker that cannot reach Elasticsearch hands it back (its session
 * recovers) until the broker dead-letters it: before, it then sat in {@code DLQ} with nothing
 * saying so. Now the health endpoint names it, the manager's watch alerts it, and {@code mallrank
 * broker requeue} moves it back under its message group; a request of another queue stays.
 */
class DeadLettersIT {

  private static final String USER = "mallrank";
  // test-only password of a throwaway loopback broker
  private static final String PASSWORD = UUID.randomUUID().toString();
  private static final String REQUEST = "sampleKeywords 4242";

  @TempDir static Path dir;

  private static LocalArtemis broker;
  private static ArtemisSettings settings;

  @BeforeAll
  static void startBroker() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      settings = ArtemisSettings.of(dir.resolve("artemis"), socket.getLocalPort(), USER, PASSWORD);
    }
    broker = LocalArtemis.ensureRunning(settings);
    assertThat(broker.startedHere()).isTrue();
  }

  @AfterAll
  static void stopBroker() {
    if (broker != null) {
      broker.close();
    }
  }

  @Test
  void aRequestHandedBackTenTimesIsNamedByHealthAlertedAndMovedBackByRequeue() throws Exception {
    String queue = "t.partitions." + UUID.randomUUID();
    String other = "t.other." + UUID.randomUUID();
    ConnectionFactory factory = new ActiveMQConnectionFactory(settings.url(), USER, PASSWORD);
    send(factory, queue, REQUEST, "anonymous");
    send(factory, other, "sampleKeywords 7", "mx-a");

    assertThat(handBackUntilGone(factory, queue)).as("deliveries before the DLQ").isEqualTo(10);
    assertThat(handBackUntilGone(factory, other)).isEqualTo(10);

    DeadLetters deadLetters = new DeadLetters(factory, queue, "DLQ");
    List<DeadLetters.DeadLetter> found = deadLetters.list();
    assertThat(found)
        .singleElement()
        .satisfies(
            letter -> {
              assertThat(letter.request()).isEqualTo(REQUEST);
              assertThat(letter.stepExecutionId()).isEqualTo(4242L);
              assertThat(letter.identity()).isEqualTo("anonymous");
            });

    // the health endpoint (no JobRepository here: the partition is named by its request)
    Health health = new DeadLetterHealthIndicator(deadLetters, null).health();
    assertThat(health.getStatus()).isEqualTo(Status.DOWN);
    assertThat(health.getDetails())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "deadLettered",
                1,
                "partitions",
                List.of("request '" + REQUEST + "' (step execution 4242)"),
                "action",
                "mallrank broker requeue (--dry-run lists them)"));

    // the manager's watch: one critical alert, under the shipped rules
    Instant now = Instant.parse("2026-11-28T06:30:00Z");
    List<Alert> alerts =
        new DeadLetterWatch(deadLetters, null, dispatcher(now), Duration.ofMinutes(1), clock(now))
            .check();
    assertThat(alerts)
        .extracting(Alert::rule, Alert::subject, Alert::vantage, Alert::summary)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                DeadLetterRule.ID,
                "partition:4242",
                "anonymous",
                "分区 step execution 4242 已进入死信队列"));

    // `mallrank broker requeue --dry-run` lists, moves nothing; `broker requeue` moves it back
    assertThat(requeue(queue, "--dry-run"))
        .startsWith(
            "broker: 1 dead-lettered partition request(s) found, not moved (DLQ → "
                + queue
                + ")\n"
                + "  "
                + REQUEST
                + "  identity anonymous  first sent ");
    assertThat(deadLetters.list()).hasSize(1);
    assertThat(requeue(queue))
        .startsWith(
            "broker: 1 dead-lettered partition request(s) moved back (DLQ → " + queue + ")\n");
    assertThat(deadLetters.list()).isEmpty();
    assertThat(new DeadLetterHealthIndicator(deadLetters, null).health().getStatus())
        .isEqualTo(Status.UP);
    assertThat(requeue(queue))
        .isEqualTo("broker: no dead-lettered partition request (DLQ → " + queue + ")\n");

    // back on the partition queue, same text and message group, a fresh delivery count
    try (Connection connection = factory.createConnection()) {
      Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
      connection.start();
      MessageConsumer consumer = session.createConsumer(session.createQueue(queue));
      Message again = consumer.receive(5_000);
      assertThat(again).isInstanceOf(TextMessage.class);
      assertThat(((TextMessage) again).getText()).isEqualTo(REQUEST);
      assertThat(again.getStringProperty("JMSXGroupID")).isEqualTo("anonymous");
      assertThat(again.getIntProperty("JMSXDeliveryCount")).isEqualTo(1);
      assertThat(consumer.receive(500)).as("moved once, not twice").isNull();
    }
    // the other queue's dead letter was not touched
    assertThat(new DeadLetters(factory, other, "DLQ").list())
        .extracting(DeadLetters.DeadLetter::stepExecutionId)
        .containsExactly(7L);
  }

  private static void send(ConnectionFactory factory, String queue, String text, String group)
      throws JMSException {
    try (Connection connection = factory.createConnection()) {
      Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
      MessageProducer producer = session.createProducer(session.createQueue(queue));
      TextMessage message = session.createTextMessage(text);
      message.setStringProperty("JMSXGroupID", group);
      producer.send(message);
    }
  }

  /**
   * Takes the queue's request and hands it back (client acknowledgement, session recovered: what
   * the worker's listener does when Elasticsearch is unreachable) until the broker stops delivering
   * it; returns how many times it was delivered.
   */
  private static int handBackUntilGone(ConnectionFactory factory, String queue)
      throws JMSException {
    try (Connection connection = factory.createConnection()) {
      Session session = connection.createSession(false, Session.CLIENT_ACKNOWLEDGE);
      connection.start();
      MessageConsumer consumer = session.createConsumer(session.createQueue(queue));
      int deliveries = 0;
      while (consumer.receive(5_000) != null) {
        deliveries++;
        session.recover();
      }
      return deliveries;
    }
  }

  /** Runs {@code mallrank broker requeue} against the test broker; returns what it printed. */
  private static String requeue(String queue, String... args) {
    StandardEnvironment environment = new StandardEnvironment();
    environment
        .getPropertySources()
        .addFirst(
            new MapPropertySource(
                "test",
                Map.of(
                    "spring.artemis.broker-url", settings.url(),
                    "spring.artemis.user", USER,
                    "spring.artemis.password", PASSWORD)));
    RemoteProperties remote =
        new RemoteProperties(
            queue,
            Duration.ofHours(2),
            Duration.ofSeconds(2),
            Duration.ofMinutes(5),
            2,
            2,
            Duration.ofSeconds(3),
            Duration.ofSeconds(5),
            "DLQ",
            Duration.ofMinutes(1));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream original = System.out;
    int exit;
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      exit = new CommandLine(new BrokerCommand.Requeue(remote, environment)).execute(args);
    } finally {
      System.setOut(original);
    }
    assertThat(exit).isZero();
    return out.toString(StandardCharsets.UTF_8);
  }

  private static AlertDispatcher dispatcher(Instant now) {
    AlertProperties.Rules rules =
        new AlertProperties.Rules(
            true, 5, BigDecimal.TEN, true, true, true, 5, Set.of(), true, true, true);
    AlertProperties properties =
        new AlertProperties(
            true,
            Duration.ofHours(6),
            20,
            Duration.ofSeconds(5),
            rules,
            new AlertProperties.Retry(
                4, Duration.ofSeconds(2), Duration.ofSeconds(30), Duration.ofMinutes(2)),
            List.of());
    AlertDedupeStore nothingSent =
        new AlertDedupeStore() {
          @Override
          public boolean claim(String key, Instant at, Duration window) {
            throw new AssertionError("no webhook: nothing is claimed");
          }

          @Override
          public void release(String key, Instant claimedAt) {
            throw new AssertionError("no webhook: nothing is released");
          }
        };
    return new AlertDispatcher(properties, AlertRules.from(rules), nothingSent, null, clock(now));
  }

  private static Clock clock(Instant now) {
    return Clock.fixed(now, ZoneOffset.UTC);
  }
}
