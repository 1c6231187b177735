package com.mallrank.batch.remote;

import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.util.function.LongFunction;
import org.springframework.batch.integration.partition.StepExecutionRequest;
import org.springframework.jms.support.converter.MessageConversionException;
import org.springframework.jms.support.converter.MessageConverter;

/**
 * The wire form of a partition request: a text message {@code <stepName> <stepExecutionId>}, with
 * the partition's identity as its JMS message group ({@code JMSXGroupID}), so the broker hands all
 * partitions of one identity to one consumer. Plain text, not a serialized Java object: a worker
 * deserializes nothing it receives, and a request is at most one step name and one number.
 */
final class PartitionRequests implements MessageConverter {

  /** The longest request text accepted (a step name and an id). */
  static final int MAX_LENGTH = 300;

  private final LongFunction<String> groupOf;

  /**
   * @param groupOf the message group of a partition step execution id ({@code null}: none)
   */
  PartitionRequests(LongFunction<String> groupOf) {
    this.groupOf = groupOf;
  }

  @Override
  public Message toMessage(Object object, Session session) throws JMSException {
    if (!(object instanceof StepExecutionRequest request)) {
      throw new MessageConversionException(
          "not a partition request: " + (object == null ? "null" : object.getClass().getName()));
    }
    TextMessage message =
        session.createTextMessage(request.getStepName() + " " + request.getStepExecutionId());
    String group = groupOf.apply(request.getStepExecutionId());
    if (group != null) {
      message.setStringProperty("JMSXGroupID", group);
    }
    return message;
  }

  @Override
  public Object fromMessage(Message message) throws JMSException {
    return parse(message instanceof TextMessage text ? text.getText() : null);
  }

  /**
   * @throws MessageConversionException naming what is wrong with a request that is not {@code
   *     <stepName> <stepExecutionId>}
   */
  static StepExecutionRequest parse(String text) {
    if (text == null) {
      throw new MessageConversionException("partition request is not a text message");
    }
    if (text.length() > MAX_LENGTH) {
      throw new MessageConversionException(
          "partition request of " + text.length() + " chars (at most " + MAX_LENGTH + ")");
    }
    String[] parts = text.strip().split(" ");
    if (parts.length != 2 || !parts[1].matches("\\d{1,18}")) {
      throw new MessageConversionException(
          "partition request is not '<step> <stepExecutionId>': '"
              + text.replaceAll("[^\\x20-\\x7e]", "?")
              + "'");
    }
    return new StepExecutionRequest(parts[0], Long.parseLong(parts[1]));
  }
}
