package com.mallrank.index.write;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.elasticsearch.core.search.ResponseBody;
import com.mallrank.index.document.DocumentIds;
import com.mallrank.index.schema.Fields;
import com.mallrank.index.schema.IndexBootstrap;
import com.mallrank.index.schema.IndexNames;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * {@code mallrank index migrate-ids}: rewrites documents stored before the profile (surface) was
 * part of every id ({@code slot|vantage|keyword[|…]}) under their new ids ({@code
 * slot|profile|vantage|keyword[|…]}, long parts hashed), and deletes the old ones.
 *
 * <ol>
 *   <li>Adds the {@code profile} field to the mapping of every existing listings, changes and daily
 *       index (new indices get it from their template).
 *   <li>Samples always had {@code profile}: each is rewritten under its new id.
 *   <li>Listings and change events take the profile of their sample (same slot, vantage and
 *       keyword; before this version there was exactly one); daily summaries the profile of the
 *       samples of their keyword and vantage when there is exactly one.
 *   <li>A document whose profile cannot be told is left as it is and counted as skipped.
 * </ol>
 *
 * <p>Idempotent (a document already under its new id is only read) and restartable: each page is
 * one bulk request that writes the new documents and deletes the old ones. Uses scroll and bulk
 * only (the bundled Elasticsearch has no {@code _reindex} module).
 */
public final class IdMigration {

  private static final int PAGE = 500;
  private static final String SCROLL = "2m";

  @SuppressWarnings("unchecked")
  private static final Class<Map<String, Object>> SOURCE =
      (Class<Map<String, Object>>) (Class<?>) Map.class;

  private final ElasticsearchClient client;
  private final IndexNames names;
  private final Consumer<String> progress;

  /**
   * @param progress receives one line per index and per page written
   */
  public IdMigration(ElasticsearchClient client, IndexNames names, Consumer<String> progress) {
    this.client = Objects.requireNonNull(client, "client");
    this.names = Objects.requireNonNull(names, "names");
    this.progress = Objects.requireNonNull(progress, "progress");
  }

  /**
   * What a run did.
   *
   * @param scanned documents read
   * @param rewritten documents written under a new id (and their old id deleted)
   * @param skipped documents left as they were because their profile could not be told
   */
  public record Result(long scanned, long rewritten, long skipped) {
    Result plus(Result other) {
      return new Result(
          scanned + other.scanned, rewritten + other.rewritten, skipped + other.skipped);
    }
  }

  /** Runs the migration over every index of the prefix. */
  public Result run() {
    new IndexBootstrap(client, names).apply(); // templates, and the profile field everywhere
    Map<String, String> profileOfSample = new HashMap<>();
    Map<String, Set<String>> profilesOfKeyword = new HashMap<>();
    Result total =
        migrate(
            names.samplesPattern(),
            source -> {
              String profile = (String) source.get(Fields.PROFILE);
              if (profile == null) {
                return null;
              }
              profileOfSample.merge(
                  sampleKey(source), profile, (a, b) -> a.equals(b) ? a : AMBIGUOUS);
              profilesOfKeyword
                  .computeIfAbsent(keywordKey(source), k -> new LinkedHashSet<>())
                  .add(profile);
              return DocumentIds.sample(
                  slot(source), profile, str(source, Fields.KEYWORD), str(source, Fields.VANTAGE));
            });
    total =
        total.plus(
            migrateOfSample(
                names.listingsPattern(),
                profileOfSample,
                source ->
                    DocumentIds.listing(
                        slot(source),
                        str(source, Fields.PROFILE),
                        str(source, Fields.KEYWORD),
                        str(source, Fields.VANTAGE),
                        ((Number) source.get(Fields.POSITION)).intValue())));
    total =
        total.plus(
            migrateOfSample(
                names.changesPattern(),
                profileOfSample,
                source ->
                    DocumentIds.change(
                        slot(source),
                        str(source, Fields.PROFILE),
                        str(source, Fields.VANTAGE),
                        str(source, Fields.KEYWORD),
                        str(source, Fields.KIND),
                        str(source, Fields.PRODUCT_ID))));
    total =
        total.plus(
            migrate(
                names.dailyPattern(),
                source -> {
                  Set<String> profiles = profilesOfKeyword.get(keywordKey(source));
                  String only =
                      profiles != null && profiles.size() == 1 ? profiles.iterator().next() : null;
                  return withProfile(source, only)
                      ? DocumentIds.daily(
                          LocalDate.parse(str(source, Fields.DAY)),
                          str(source, Fields.PROFILE),
                          str(source, Fields.VANTAGE),
                          str(source, Fields.KEYWORD),
                          str(source, Fields.PRODUCT_ID))
                      : null;
                }));
    refresh();
    progress.accept(
        "done: "
            + total.scanned()
            + " documents read, "
            + total.rewritten()
            + " rewritten under new ids, "
            + total.skipped()
            + " skipped (profile unknown)");
    return total;
  }

  private static final String AMBIGUOUS = "\u0000ambiguous";

  /** Sets {@code profile} on a source that lacks it; false when it cannot be told. */
  private static boolean withProfile(Map<String, Object> source, String profile) {
    if (source.get(Fields.PROFILE) != null) {
      return true;
    }
    if (profile == null || profile.equals(AMBIGUOUS)) {
      return false;
    }
    source.put(Fields.PROFILE, profile);
    return true;
  }

  /**
   * {@link #migrate} for documents of a sample (listings, changes): their profile is the sample's,
   * and one whose sample's profile cannot be told is skipped.
   */
  private Result migrateOfSample(
      String pattern,
      Map<String, String> profileOfSample,
      Function<Map<String, Object>, String> newId) {
    return migrate(
        pattern,
        source ->
            withProfile(source, profileOfSample.get(sampleKey(source)))
                ? newId.apply(source)
                : null);
  }

  private Result migrate(String pattern, Function<Map<String, Object>, String> newId) {
    long scanned = 0;
    long rewritten = 0;
    long skipped = 0;
    try {
      for (String index : indices(pattern)) {
        long indexRewritten = 0;
        ResponseBody<Map<String, Object>> page =
            client.search(s -> s.index(index).scroll(t -> t.time(SCROLL)).size(PAGE), SOURCE);
        String scrollId = page.scrollId();
        try {
          while (!page.hits().hits().isEmpty()) {
            List<BulkOperation> operations = new ArrayList<>();
            for (Hit<Map<String, Object>> hit : page.hits().hits()) {
              scanned++;
              Map<String, Object> source = new LinkedHashMap<>(hit.source());
              boolean hadProfile = source.get(Fields.PROFILE) != null;
              String id = newId.apply(source);
              if (id == null) {
                skipped++;
              } else if (!id.equals(hit.id()) || !hadProfile) {
                operations.add(
                    BulkOperation.of(o -> o.index(i -> i.index(index).id(id).document(source))));
                if (!id.equals(hit.id())) {
                  operations.add(BulkOperation.of(o -> o.delete(d -> d.index(index).id(hit.id()))));
                }
                indexRewritten++;
              }
            }
            if (!operations.isEmpty()) {
              BulkResponses.requireAllSucceeded(client.bulk(b -> b.operations(operations)));
            }
            String current = scrollId;
            page = client.scroll(r -> r.scrollId(current).scroll(t -> t.time(SCROLL)), SOURCE);
            scrollId = page.scrollId();
          }
        } finally {
          String last = scrollId;
          if (last != null) {
            client.clearScroll(c -> c.scrollId(last));
          }
        }
        rewritten += indexRewritten;
        progress.accept(index + ": " + indexRewritten + " documents rewritten under new ids");
      }
      return new Result(scanned, rewritten, skipped);
    } catch (IOException e) {
      throw new UncheckedIOException("Migrating ids of " + pattern + " failed", e);
    }
  }

  private List<String> indices(String pattern) throws IOException {
    List<String> indices =
        new ArrayList<>(
            client
                .indices()
                .get(g -> g.index(pattern).ignoreUnavailable(true).allowNoIndices(true))
                .result()
                .keySet());
    indices.sort(null);
    return indices;
  }

  private void refresh() {
    try {
      client
          .indices()
          .refresh(
              r -> r.index(names.allIndicesPattern()).ignoreUnavailable(true).allowNoIndices(true));
    } catch (IOException e) {
      throw new UncheckedIOException("Refreshing after the migration failed", e);
    }
  }

  private static String sampleKey(Map<String, Object> source) {
    return slot(source) + "|" + str(source, Fields.VANTAGE) + "|" + str(source, Fields.KEYWORD);
  }

  private static String keywordKey(Map<String, Object> source) {
    return str(source, Fields.VANTAGE) + "|" + str(source, Fields.KEYWORD);
  }

  private static Instant slot(Map<String, Object> source) {
    return Instant.parse(str(source, Fields.SLOT));
  }

  private static String str(Map<String, Object> source, String field) {
    Object value = source.get(field);
    return value == null ? null : value.toString();
  }
}
