package com.mallrank.index.write;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.mallrank.index.document.SlotOutcome;
import com.mallrank.index.schema.IndexNames;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;

/**
 * Stores the scheduler's judgement of a slot ({@link SlotOutcome}) in the yearly {@code
 * {prefix}-slots-yyyy} index, under its deterministic id: judging a slot again overwrites. Needs
 * only the writer's privileges (index, create the index).
 */
public final class SlotOutcomes {

  private final ElasticsearchClient client;
  private final IndexNames names;

  public SlotOutcomes(ElasticsearchClient client, IndexNames names) {
    this.client = Objects.requireNonNull(client, "client");
    this.names = Objects.requireNonNull(names, "names");
  }

  /** Stores the outcome. */
  public void record(SlotOutcome outcome) {
    try {
      client.index(
          i -> i.index(names.slotsIndex(outcome.slot())).id(outcome.id()).document(outcome));
    } catch (IOException e) {
      throw new UncheckedIOException("Storing the outcome of slot " + outcome.id() + " failed", e);
    }
  }
}
