package com.mallrank.index.schema;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.mapping.TypeMapping;
import co.elastic.clients.elasticsearch.indices.PutIndexTemplateRequest;
import co.elastic.clients.elasticsearch.indices.put_index_template.IndexTemplateMapping;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Objects;

/**
 * Puts the composable index templates for one prefix: {@code {prefix}-listings} matching {@code
 * {prefix}-listings-*}, {@code {prefix}-samples} matching {@code {prefix}-samples-*}, {@code
 * {prefix}-changes} matching {@code {prefix}-changes-*} and {@code {prefix}-daily} matching {@code
 * {prefix}-daily-*}, each adding its read alias. Bodies come from the JSON resources in {@link
 * IndexTemplates}; patterns and aliases are built here from {@link IndexNames}; the scheduler's
 * slot outcomes ({@code {prefix}-slots} matching {@code {prefix}-slots-*}) likewise. Idempotent:
 * applying again overwrites the templates with the same content. Existing indices get every field
 * of their template added (a field added to a template reaches the indices made before it); new
 * indices get the template's mapping.
 *
 * <p>Replicas: the templates say {@code number_of_replicas: 0} (one node has nowhere to put a
 * copy); a bootstrap given a replica count ({@code index.replicas}) puts that into every template
 * and into the existing indices of the prefix, so a cluster keeps a copy of each shard on another
 * node and a lost node loses nothing.
 */
public final class IndexBootstrap {

  private final ElasticsearchClient client;
  private final IndexNames names;
  private final Integer replicas;

  /** Templates as the resources say: no replicas; existing indices keep theirs. */
  public IndexBootstrap(ElasticsearchClient client, IndexNames names) {
    this.client = Objects.requireNonNull(client, "client");
    this.names = Objects.requireNonNull(names, "names");
    this.replicas = null;
  }

  /**
   * @param replicas {@code number_of_replicas} of every template and existing index of the prefix
   * @throws IllegalArgumentException when replicas is negative
   */
  public IndexBootstrap(ElasticsearchClient client, IndexNames names, int replicas) {
    this.client = Objects.requireNonNull(client, "client");
    this.names = Objects.requireNonNull(names, "names");
    if (replicas < 0) {
      throw new IllegalArgumentException("index.replicas must be 0 or more, got " + replicas);
    }
    this.replicas = replicas;
  }

  /**
   * Puts all five templates, and adds every field of each template to the existing indices of its
   * pattern (mappings are strict: an index created before a field existed would refuse documents
   * that carry it).
   */
  public void apply() {
    put(
        names.listingsTemplate(),
        names.listingsPattern(),
        names.listingsAlias(),
        IndexTemplates.LISTINGS_RESOURCE);
    put(
        names.samplesTemplate(),
        names.samplesPattern(),
        names.samplesAlias(),
        IndexTemplates.SAMPLES_RESOURCE);
    put(
        names.changesTemplate(),
        names.changesPattern(),
        names.changesAlias(),
        IndexTemplates.CHANGES_RESOURCE);
    put(
        names.dailyTemplate(),
        names.dailyPattern(),
        names.dailyAlias(),
        IndexTemplates.DAILY_RESOURCE);
    put(
        names.slotsTemplate(),
        names.slotsPattern(),
        names.slotsAlias(),
        IndexTemplates.SLOTS_RESOURCE);
    if (replicas != null) {
      setReplicasOfExisting();
    }
  }

  /**
   * The names of this prefix's index templates that are not in the cluster: what a process without
   * the admin credential checks instead of putting them (reading templates needs only the {@code
   * monitor} cluster privilege, which the reader has).
   */
  public java.util.List<String> missingTemplates() {
    java.util.List<String> missing = new java.util.ArrayList<>();
    for (String name :
        java.util.List.of(
            names.listingsTemplate(),
            names.samplesTemplate(),
            names.changesTemplate(),
            names.dailyTemplate(),
            names.slotsTemplate())) {
      try {
        if (!client.indices().existsIndexTemplate(e -> e.name(name)).value()) {
          missing.add(name);
        }
      } catch (IOException e) {
        throw new UncheckedIOException("Could not read index template " + name, e);
      }
    }
    return missing;
  }

  /** The configured replica count on the prefix's existing indices (idempotent). */
  private void setReplicasOfExisting() {
    java.util.List<String> all =
        java.util.List.of(
            names.listingsPattern(),
            names.samplesPattern(),
            names.changesPattern(),
            names.dailyPattern(),
            names.slotsPattern());
    try {
      client
          .indices()
          .putSettings(
              p ->
                  p.index(all)
                      .ignoreUnavailable(true)
                      .allowNoIndices(true)
                      .settings(st -> st.numberOfReplicas(String.valueOf(replicas))));
    } catch (IOException e) {
      throw new UncheckedIOException("Could not set number_of_replicas on " + all, e);
    }
  }

  /**
   * Adds the template's fields to the mapping of every existing index of the pattern (idempotent: a
   * field already mapped the same way is unchanged), so an index created before a field was added
   * (the {@code profile}, {@code evidence_path}, a change event's {@code title}, ...) takes
   * documents that carry it. Old documents simply lack the field ({@code mallrank index
   * migrate-ids} fills the profile).
   */
  private void addTemplateFields(String pattern, TypeMapping mappings) {
    try {
      for (String index :
          client
              .indices()
              .get(g -> g.index(pattern).ignoreUnavailable(true).allowNoIndices(true))
              .result()
              .keySet()) {
        client.indices().putMapping(m -> m.index(index).properties(mappings.properties()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Could not add the template's fields to " + pattern, e);
    }
  }

  private void put(String name, String pattern, String alias, String resource) {
    PutIndexTemplateRequest body;
    try (InputStream in = IndexTemplates.open(resource)) {
      InputStream json = replicas == null ? in : withReplicas(in, resource);
      body = PutIndexTemplateRequest.of(b -> b.name(name).withJson(json));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + resource, e);
    }
    IndexTemplateMapping template = body.template();
    if (template == null) {
      throw new IllegalStateException(resource + " has no \"template\" object");
    }
    PutIndexTemplateRequest request =
        PutIndexTemplateRequest.of(
            b ->
                b.name(name)
                    .indexPatterns(pattern)
                    .priority(body.priority())
                    .meta(body.meta())
                    .template(
                        t ->
                            t.settings(template.settings())
                                .mappings(template.mappings())
                                .aliases(alias, a -> a)));
    try {
      client.indices().putIndexTemplate(request);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not put index template " + name, e);
    }
    addTemplateFields(pattern, template.mappings());
  }

  /** The template body with {@code template.settings.number_of_replicas} set to the configured. */
  private InputStream withReplicas(InputStream in, String resource) throws IOException {
    ObjectMapper json = new ObjectMapper();
    JsonNode root = json.readTree(in);
    if (!(root.path("template").path("settings") instanceof ObjectNode settings)) {
      throw new IllegalStateException(resource + " has no \"template.settings\" object");
    }
    settings.put("number_of_replicas", replicas);
    return new ByteArrayInputStream(json.writeValueAsBytes(root));
  }
}
