package com.mallrank.index.write;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import com.mallrank.index.document.DocumentIds;
import com.mallrank.index.document.SampleDocument;
import com.mallrank.index.schema.IndexNames;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads one stored sample by its identity (slot, profile, keyword, vantage) with a real-time get
 * (no refresh needed): how a group's slot finds that another group of the same profile already
 * fetched the same keyword and vantage in this slot, so one fetch serves both.
 */
public final class StoredSamples {

  private final ElasticsearchClient client;
  private final IndexNames names;

  public StoredSamples(ElasticsearchClient client, IndexNames names) {
    this.client = Objects.requireNonNull(client, "client");
    this.names = Objects.requireNonNull(names, "names");
  }

  /** The stored sample, if any. */
  public Optional<SampleDocument> find(
      Instant slot, String profile, String keyword, String vantage) {
    String id = DocumentIds.sample(slot, profile, keyword, vantage);
    try {
      var response =
          client.get(g -> g.index(names.samplesIndex(slot)).id(id), SampleDocument.class);
      return response.found() ? Optional.ofNullable(response.source()) : Optional.empty();
    } catch (ElasticsearchException e) {
      if (e.status() == 404) {
        return Optional.empty();
      }
      throw e;
    } catch (IOException e) {
      throw new UncheckedIOException("Reading sample " + id + " failed", e);
    }
  }
}
