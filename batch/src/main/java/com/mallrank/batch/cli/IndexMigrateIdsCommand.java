package com.mallrank.batch.cli;

import com.mallrank.batch.runtime.ElasticsearchRuntime;
import com.mallrank.index.security.MallrankRole;
import com.mallrank.index.write.IdMigration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * {@code mallrank index migrate-ids}: moves documents stored before the site profile was part of
 * every document id to their new ids (see {@link IdMigration}). Needed once after upgrading an
 * existing installation; safe to run again.
 */
@Command(
    name = "migrate-ids",
    mixinStandardHelpOptions = true,
    description = {
      "Rewrites samples, listings, change events and daily summaries stored with the old ids"
          + " (slot|vantage|keyword…) under the new ones (slot|profile|vantage|keyword…), adding"
          + " the profile field to listings and events from their sample, and deletes the old"
          + " documents. Idempotent and restartable; prints progress per index.",
      "Run it once after upgrading, before sampling again (reports read the profile field)."
    })
public class IndexMigrateIdsCommand implements Callable<Integer> {

  private final ElasticsearchRuntime elasticsearch;

  public IndexMigrateIdsCommand(ElasticsearchRuntime elasticsearch) {
    this.elasticsearch = elasticsearch;
  }

  @Override
  public Integer call() {
    IdMigration.Result result =
        new IdMigration(
                elasticsearch.client(MallrankRole.ADMIN),
                elasticsearch.names(),
                System.out::println)
            .run();
    return result.skipped() == 0 ? 0 : 1;
  }
}
