package com.mallrank.batch.retention;

import co.elastic.clients.elasticsearch._types.Refresh;
import com.mallrank.batch.runtime.ElasticsearchRuntime;
import com.mallrank.index.retention.Retention;
import com.mallrank.index.security.MallrankRole;
import java.time.Clock;

/**
 * The one way mallrank runs {@link Retention}, for the {@code retention} job and {@code mallrank
 * retention} alike: as the admin role, on the configured indices, waiting for the refresh.
 */
final class Retentions {

  private Retentions() {}

  static Retention of(ElasticsearchRuntime elasticsearch) {
    return new Retention(
        elasticsearch.client(MallrankRole.ADMIN),
        elasticsearch.names(),
        Clock.systemUTC(),
        Refresh.WaitFor);
  }
}
