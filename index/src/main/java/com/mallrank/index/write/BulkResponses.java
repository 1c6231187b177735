package com.mallrank.index.write;

import co.elastic.clients.elasticsearch._types.ErrorCause;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.core.bulk.OperationType;
import java.util.ArrayList;
import java.util.List;

/** Checks bulk responses item by item (the top-level {@code errors} flag is not enough to act). */
public final class BulkResponses {

  private BulkResponses() {}

  /**
   * Throws when any item failed.
   *
   * <p>A delete of a document that is already gone (404 without an error) is not a failure.
   *
   * @throws BulkWriteException naming every failed id with its error type and reason
   */
  public static void requireAllSucceeded(BulkResponse response) {
    List<BulkWriteException.FailedItem> failed = new ArrayList<>();
    for (BulkResponseItem item : response.items()) {
      ErrorCause error = item.error();
      boolean alreadyDeleted =
          item.operationType() == OperationType.Delete && item.status() == 404 && error == null;
      if (error != null || (item.status() >= 300 && !alreadyDeleted)) {
        failed.add(
            new BulkWriteException.FailedItem(
                item.index(),
                item.id(),
                item.status(),
                error == null ? "unknown" : error.type(),
                error == null ? "status " + item.status() : describe(error)));
      }
    }
    if (!failed.isEmpty()) {
      throw new BulkWriteException(failed, response.items().size());
    }
  }

  private static String describe(ErrorCause error) {
    String reason = error.reason() == null ? "" : error.reason();
    ErrorCause cause = error.causedBy();
    return cause == null
        ? reason
        : reason + " (caused by " + cause.type() + ": " + cause.reason() + ")";
  }
}
