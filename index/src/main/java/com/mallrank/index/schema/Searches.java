package com.mallrank.index.schema;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The one way the index module reads its aliases and monthly indices: leniently, since a month or a
 * year nothing was written in has no index yet (a missing index reads as no hits, never as an
 * error), and a failed request becomes an {@link UncheckedIOException} saying what was being read.
 * Queries are built with {@link Filters}; the request's size, sort and aggregations are the
 * caller's.
 */
public final class Searches {

  private Searches() {}

  /**
   * Searches {@code indices} (aliases, concrete names or patterns) with the request {@code body}
   * completes.
   *
   * @param failure what the search reads, as the message of the exception when it fails
   */
  public static <T> SearchResponse<T> search(
      ElasticsearchClient client,
      List<String> indices,
      Class<T> type,
      String failure,
      UnaryOperator<SearchRequest.Builder> body) {
    try {
      return client.search(
          s -> body.apply(s.index(indices).ignoreUnavailable(true).allowNoIndices(true)), type);
    } catch (IOException e) {
      throw new UncheckedIOException(failure, e);
    }
  }

  /** {@link #search(ElasticsearchClient, List, Class, String, UnaryOperator)} of one alias. */
  public static <T> SearchResponse<T> search(
      ElasticsearchClient client,
      String alias,
      Class<T> type,
      String failure,
      UnaryOperator<SearchRequest.Builder> body) {
    return search(client, List.of(alias), type, failure, body);
  }

  /**
   * The documents a search of one alias returns, in its order; a failure says {@code Searching
   * <alias> failed}.
   */
  public static <T> List<T> sources(
      ElasticsearchClient client,
      String alias,
      Class<T> type,
      UnaryOperator<SearchRequest.Builder> body) {
    return sources(search(client, alias, type, "Searching " + alias + " failed", body));
  }

  /** The documents of a response, in its order. */
  public static <T> List<T> sources(SearchResponse<T> response) {
    return response.hits().hits().stream().map(Hit::source).toList();
  }

  /** How many documents of {@code alias} match {@code query} (0 when it has no index yet). */
  public static long count(ElasticsearchClient client, String alias, Query query) {
    try {
      return client
          .count(c -> c.index(alias).ignoreUnavailable(true).allowNoIndices(true).query(query))
          .count();
    } catch (IOException e) {
      throw new UncheckedIOException("Counting " + alias + " failed", e);
    }
  }
}
