package com.mallrank.index.write;

import java.util.List;
import java.util.stream.Collectors;

/** Some items of a bulk request failed; the message names each failed id and its reason. */
public final class BulkWriteException extends RuntimeException {

  private static final long serialVersionUID = 1L;
  private static final int NAMED_IN_MESSAGE = 10;

  /**
   * One failed item.
   *
   * @param index the index it was sent to
   * @param id the document id
   * @param status the HTTP status of the item
   * @param type the error type, e.g. {@code strict_dynamic_mapping_exception}
   * @param reason the error reason
   */
  public record FailedItem(String index, String id, int status, String type, String reason) {
    @Override
    public String toString() {
      return id + " in " + index + ": " + status + " " + type + ": " + reason;
    }
  }

  private final transient List<FailedItem> failures;
  private final int total;

  public BulkWriteException(List<FailedItem> failures, int total) {
    super(message(failures, total));
    this.failures = List.copyOf(failures);
    this.total = total;
  }

  /** Every failed item, in request order. */
  public List<FailedItem> failures() {
    return failures;
  }

  /** The number of items in the request. */
  public int total() {
    return total;
  }

  private static String message(List<FailedItem> failures, int total) {
    String named =
        failures.stream()
            .limit(NAMED_IN_MESSAGE)
            .map(FailedItem::toString)
            .collect(Collectors.joining("\n  ", "\n  ", ""));
    String more =
        failures.size() > NAMED_IN_MESSAGE
            ? "\n  ... and " + (failures.size() - NAMED_IN_MESSAGE) + " more"
            : "";
    return failures.size() + " of " + total + " bulk items failed:" + named + more;
  }
}
