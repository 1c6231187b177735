package com.mallrank.index.testing;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.ExpandWildcard;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch.indices.get_index_template.IndexTemplateItem;
import co.elastic.clients.json.JsonData;
import com.mallrank.index.schema.IndexBootstrap;
import com.mallrank.index.schema.IndexNames;
import com.mallrank.index.write.SnapshotWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * One test's own corner of the cluster: a unique index prefix ({@code t-<class>-<random>}), the
 * client, and cleanup of every index and template of that prefix.
 */
public final class TestIndices {

  private final ElasticsearchClient client;
  private final String url;
  private final IndexNames names;

  TestIndices(ElasticsearchClient client, String url, String prefix) {
    this.client = client;
    this.url = url;
    this.names = new IndexNames(prefix);
  }

  public ElasticsearchClient client() {
    return client;
  }

  /** The cluster's base URL. */
  public String url() {
    return url;
  }

  public String prefix() {
    return names.prefix();
  }

  public IndexNames names() {
    return names;
  }

  /** Puts this prefix's index templates; returns this for chaining. */
  public TestIndices bootstrap() {
    new IndexBootstrap(client, names).apply();
    return this;
  }

  /**
   * A writer that refreshes on every write, so written documents are searchable on return. {@code
   * true}, not {@code wait_for}: wait_for waits for the index's next scheduled refresh (1 s), about
   * 1 s per write (10 bulks of one document: 10.0 s with wait_for, 0.9 s with true, on the shared
   * test server side by side), and the index tests write a few times per case.
   */
  public SnapshotWriter writer() {
    return new SnapshotWriter(client, names, Refresh.True);
  }

  /**
   * Creates the index with a primary that can be allocated on no node: it never becomes active, as
   * a month's index whose shard is still starting, or one lost with a node without replicas.
   */
  public void createUnallocatable(String index) {
    try {
      client
          .indices()
          .create(
              c ->
                  c.index(index)
                      .waitForActiveShards(w -> w.count(0))
                      .settings(
                          st ->
                              st.otherSettings(
                                  "index.routing.allocation.require._name",
                                  JsonData.of("no-such-node"))));
    } catch (IOException e) {
      throw new UncheckedIOException("Creating " + index + " failed", e);
    }
  }

  /** Deletes every index (open or closed) and index template of this prefix. */
  public void deleteAll() {
    try {
      deleteIndices(client, names);
      deleteTemplates(client, names);
    } catch (IOException e) {
      throw new UncheckedIOException("Cleaning up prefix " + prefix() + " failed", e);
    }
  }

  /** Deletes every index (open or closed) of the prefix, its templates kept. */
  public static void deleteIndices(ElasticsearchClient client, IndexNames names)
      throws IOException {
    List<String> indices =
        new ArrayList<>(
            client
                .indices()
                .get(
                    g ->
                        g.index(names.allIndicesPattern())
                            .expandWildcards(ExpandWildcard.All)
                            .ignoreUnavailable(true)
                            .allowNoIndices(true))
                .result()
                .keySet());
    // explicit names: wildcard deletes are refused when action.destructive_requires_name is set
    if (!indices.isEmpty()) {
      client.indices().delete(d -> d.index(indices).ignoreUnavailable(true));
    }
  }

  /** Deletes the prefix's index templates. */
  public static void deleteTemplates(ElasticsearchClient client, IndexNames names)
      throws IOException {
    List<String> templates = new ArrayList<>();
    try {
      for (IndexTemplateItem item :
          client
              .indices()
              .getIndexTemplate(t -> t.name(names.allIndicesPattern()))
              .indexTemplates()) {
        templates.add(item.name());
      }
    } catch (ElasticsearchException e) {
      if (e.status() != 404) {
        throw e;
      }
    }
    for (String template : templates) {
      client.indices().deleteIndexTemplate(d -> d.name(template));
    }
  }
}
