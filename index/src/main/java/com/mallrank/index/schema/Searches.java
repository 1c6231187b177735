package com.mallrank.index.schema;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
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
   * The hits of a sorted search, page by page ({@code search_after} the last hit of the page
   * before), so a reader holds one page at a time whatever the number of documents. {@code body}
   * sets the query and a sort that no two documents tie on (else a page boundary may skip or repeat
   * one), not the size. Every page but the last holds {@code pageSize} hits; the last fewer, maybe
   * none. Lazy: each page is one {@link #search} when the loop asks for it, so a loop may change
   * what it has read (delete it) before the next page.
   *
   * @param failure what the search reads, as the message of the exception when a page fails
   */
  public static <T> Iterable<List<Hit<T>>> pages(
      ElasticsearchClient client,
      List<String> indices,
      Class<T> type,
      String failure,
      int pageSize,
      UnaryOperator<SearchRequest.Builder> body) {
    if (pageSize < 1) {
      throw new IllegalArgumentException("pageSize must be at least 1: " + pageSize);
    }
    return () ->
        new Iterator<>() {
          private List<FieldValue> after;
          private boolean last;

          @Override
          public boolean hasNext() {
            return !last;
          }

          @Override
          public List<Hit<T>> next() {
            if (last) {
              throw new NoSuchElementException();
            }
            List<FieldValue> searchAfter = after;
            List<Hit<T>> hits =
                search(
                        client,
                        indices,
                        type,
                        failure,
                        s -> {
                          body.apply(s).size(pageSize);
                          if (searchAfter != null) {
                            s.searchAfter(searchAfter);
                          }
                          return s;
                        })
                    .hits()
                    .hits();
            last = hits.size() < pageSize;
            if (!last) {
              after = hits.get(hits.size() - 1).sort();
            }
            return hits;
          }
        };
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
