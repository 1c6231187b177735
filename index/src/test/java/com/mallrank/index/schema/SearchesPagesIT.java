package com.mallrank.index.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.mallrank.index.testing.LocalElasticsearchTest;
import com.mallrank.index.testing.TestIndices;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

/**
 * {@link Searches#pages} on the real Elasticsearch: every document once, in sort order, in pages of
 * the given size, the last one short (empty when the count is a multiple of the size), each page
 * searched when the loop asks for it.
 */
@LocalElasticsearchTest
class SearchesPagesIT {

  @Test
  void readsEveryDocumentOnceInPagesOfTheSize(TestIndices es) throws IOException {
    String index = index(es, 5);
    assertThat(pageIds(es.client(), index, 2))
        .containsExactly(List.of("d0", "d1"), List.of("d2", "d3"), List.of("d4"));
  }

  @Test
  void aCountThatIsAMultipleOfTheSizeEndsOnAnEmptyPage(TestIndices es) throws IOException {
    String index = index(es, 4);
    assertThat(pageIds(es.client(), index, 2))
        .containsExactly(List.of("d0", "d1"), List.of("d2", "d3"), List.of());
  }

  @Test
  void aMissingIndexIsOneEmptyPage(TestIndices es) {
    assertThat(pageIds(es.client(), es.prefix() + "-missing", 2)).containsExactly(List.of());
  }

  @Test
  void eachPageIsSearchedWhenAskedSoTheLoopMayDeleteWhatItRead(TestIndices es) throws IOException {
    String index = index(es, 3);
    Iterator<List<Hit<Void>>> pages = pages(es.client(), index, 2).iterator();
    assertThat(ids(pages.next())).containsExactly("d0", "d1");
    // the next page starts after the last hit read, whatever happened to it since
    es.client().delete(d -> d.index(index).id("d0").refresh(Refresh.True));
    es.client().delete(d -> d.index(index).id("d1").refresh(Refresh.True));
    assertThat(ids(pages.next())).containsExactly("d2");
    assertThat(pages.hasNext()).isFalse();
    assertThatThrownBy(pages::next).isInstanceOf(NoSuchElementException.class);
  }

  @Test
  void aPageSizeBelowOneIsRefused(TestIndices es) {
    assertThatThrownBy(() -> pages(es.client(), es.prefix() + "-x", 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("pageSize must be at least 1: 0");
  }

  /** An index of {@code count} documents {@code d0…}, with {@code n} their sort key. */
  private static String index(TestIndices es, int count) throws IOException {
    String index = es.prefix() + "-pages";
    ElasticsearchClient client = es.client();
    client
        .indices()
        .create(c -> c.index(index).mappings(m -> m.properties("n", p -> p.integer(i -> i))));
    // written in reverse, so the order read is the sort's, not the writing's
    for (int i = count - 1; i >= 0; i--) {
      int n = i;
      client.index(x -> x.index(index).id("d" + n).document(Map.of("n", n)));
    }
    client.indices().refresh(r -> r.index(index));
    return index;
  }

  private static Iterable<List<Hit<Void>>> pages(
      ElasticsearchClient client, String index, int size) {
    return Searches.pages(
        client,
        List.of(index),
        Void.class,
        "Reading " + index + " failed",
        size,
        s -> s.source(src -> src.fetch(false)).sort(o -> o.field(f -> f.field("n"))));
  }

  private static List<List<String>> pageIds(ElasticsearchClient client, String index, int size) {
    List<List<String>> result = new ArrayList<>();
    pages(client, index, size).forEach(page -> result.add(ids(page)));
    return result;
  }

  private static List<String> ids(List<Hit<Void>> page) {
    return page.stream().map(Hit::id).toList();
  }
}
