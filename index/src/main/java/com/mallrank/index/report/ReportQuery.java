package com.mallrank.index.report;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.mallrank.index.schema.IndexNames;
import java.util.Objects;

/**
 * A query behind {@link Reports}: the client it reads with, the index names, and the site profile
 * (surface) it reads, {@code null} for every profile.
 */
abstract class ReportQuery {

  final ElasticsearchClient client;
  final IndexNames names;
  final String profile;

  ReportQuery(ElasticsearchClient client, IndexNames names, String profile) {
    this.client = Objects.requireNonNull(client, "client");
    this.names = Objects.requireNonNull(names, "names");
    this.profile = profile;
  }
}
