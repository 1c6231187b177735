package com.mallrank.batch.testing;

import co.elastic.clients.elasticsearch.core.search.Hit;
import com.mallrank.index.testing.LocalElasticsearchExtension;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;

/** The ids of what a slot stored, read back from the shared test Elasticsearch after a refresh. */
public final class StoredIds {

  private StoredIds() {}

  /** Ids of the documents of {@code index} (or alias/pattern) whose slot is {@code slot}. */
  public static List<String> ofSlot(String index, Instant slot) {
    var client = LocalElasticsearchExtension.client();
    try {
      client.indices().refresh(r -> r.index(index));
      return client
          .search(
              s ->
                  s.index(index)
                      .query(q -> q.term(t -> t.field("slot").value(slot.toString())))
                      .source(src -> src.fetch(false))
                      .size(10_000),
              Void.class)
          .hits()
          .hits()
          .stream()
          .map(Hit::id)
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
