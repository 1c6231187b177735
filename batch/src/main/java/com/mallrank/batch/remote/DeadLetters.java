package com.mallrank.batch.remote;

import com.mallrank.crawler.text.ControlCharacters;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Objects;
import org.springframework.jms.support.converter.MessageConversionException;

/**
 * The partition requests the broker gave up on. A worker hands a request back when it cannot take
 * it (Elasticsearch unreachable, the worker stopping); after {@code max-delivery-attempts} (10 on
 * Artemis unless configured) the broker moves it to its dead-letter queue ({@code DLQ}), where no
 * worker ever sees it: that partition's keywords are not sampled and the slot waits for {@code
 * batch.remote.partition-timeout}. This class lists those requests (the health endpoint, the alert
 * of {@link DeadLetterWatch}, {@code mallrank broker requeue --dry-run}) and moves them back to the
 * partition queue ({@code mallrank broker requeue}), each under its message group, with a fresh
 * delivery count. A request of a slot that has ended since is dropped by the worker as stale.
 *
 * <p>Only messages whose original address is the partition queue are touched: Artemis stamps
 * {@value #ORIGINAL_ADDRESS} on every message it dead-letters.
 */
public final class DeadLetters {

  /** The property Artemis sets on a dead-lettered message: the address it was sent to. */
  public static final String ORIGINAL_ADDRESS = "_AMQ_ORIG_ADDRESS";

  /** At most this many requests are listed or moved at once. */
  static final int MAX = 1_000;

  private static final long RECEIVE_MILLIS = 1_000;

  private final ConnectionFactory connections;
  private final String queue;
  private final String deadLetterQueue;

  /**
   * @param queue the partition queue ({@code batch.remote.queue})
   * @param deadLetterQueue the broker's dead-letter queue ({@code batch.remote.dead-letter-queue})
   */
  public DeadLetters(ConnectionFactory connections, String queue, String deadLetterQueue) {
    this.connections = Objects.requireNonNull(connections, "connections");
    this.queue = requireName(queue, "batch.remote.queue");
    this.deadLetterQueue = requireName(deadLetterQueue, "batch.remote.dead-letter-queue");
  }

  /**
   * One dead-lettered partition request.
   *
   * @param messageId the broker's message id
   * @param request the request as sent ({@code <step> <stepExecutionId>}), control characters shown
   *     as {@code ?}
   * @param stepExecutionId the partition's step execution id, or {@code null} when the text is not
   *     a partition request
   * @param identity the request's message group (the vantage whose partitions go to one worker), or
   *     {@code null}
   * @param sent when the manager first sent it
   */
  public record DeadLetter(
      String messageId, String request, Long stepExecutionId, String identity, Instant sent) {}

  /** The dead-lettered partition requests, oldest first, at most {@value #MAX}. */
  public List<DeadLetter> list() throws JMSException {
    try (Connection connection = connections.createConnection()) {
      Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
      connection.start();
      List<DeadLetter> found = new ArrayList<>();
      try (QueueBrowser browser =
          session.createBrowser(session.createQueue(deadLetterQueue), selector())) {
        Enumeration<?> messages = browser.getEnumeration();
        while (messages.hasMoreElements() && found.size() < MAX) {
          found.add(describe((Message) messages.nextElement()));
        }
      }
      return found;
    }
  }

  /**
   * Moves the dead-lettered partition requests back to the partition queue: each is sent again
   * (same text, same message group) and removed from the dead-letter queue in one transaction, so
   * none is lost or doubled when this stops half-way. (A message that is not a partition request
   * goes back too: a worker drops it with an error line, as it did the first time.)
   *
   * @return the requests moved, at most {@value #MAX}
   */
  public List<DeadLetter> requeue() throws JMSException {
    try (Connection connection = connections.createConnection()) {
      Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
      connection.start();
      List<DeadLetter> moved = new ArrayList<>();
      try (MessageConsumer dead =
              session.createConsumer(session.createQueue(deadLetterQueue), selector());
          MessageProducer partitions = session.createProducer(session.createQueue(queue))) {
        while (moved.size() < MAX) {
          Message message = dead.receive(RECEIVE_MILLIS);
          if (message == null) {
            break;
          }
          DeadLetter letter = describe(message);
          TextMessage again =
              session.createTextMessage(message instanceof TextMessage t ? t.getText() : null);
          if (letter.identity() != null) {
            again.setStringProperty("JMSXGroupID", letter.identity());
          }
          partitions.send(again);
          session.commit();
          moved.add(letter);
        }
      } catch (JMSException | RuntimeException e) {
        session.rollback();
        throw e;
      }
      return moved;
    }
  }

  /** Only what was sent to the partition queue. */
  private String selector() {
    return ORIGINAL_ADDRESS + " = '" + queue.replace("'", "''") + "'";
  }

  private static DeadLetter describe(Message message) throws JMSException {
    String text = message instanceof TextMessage t ? t.getText() : null;
    Long id;
    try {
      id = PartitionRequests.parse(text).getStepExecutionId();
    } catch (MessageConversionException e) {
      id = null;
    }
    String shown =
        text == null
            ? "(not a text message)"
            : text.length() > PartitionRequests.MAX_LENGTH
                ? text.substring(0, PartitionRequests.MAX_LENGTH) + "…"
                : text;
    String group = message.getStringProperty("JMSXGroupID");
    return new DeadLetter(
        message.getJMSMessageID(),
        shown.replaceAll("[^\\x20-\\x7e]", "?"),
        id,
        group == null ? null : ControlCharacters.replaceControls(group, '?'),
        message.getJMSTimestamp() > 0 ? Instant.ofEpochMilli(message.getJMSTimestamp()) : null);
  }

  private static String requireName(String name, String key) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException(key + " must not be blank");
    }
    return name.strip();
  }
}
