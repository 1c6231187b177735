package com.mallrank.batch.runtime;

import com.mallrank.crawler.fetch.FetchException;
import com.mallrank.crawler.fetch.FetchRequest;
import com.mallrank.crawler.fetch.FetchResponse;
import com.mallrank.crawler.fetch.Fetcher;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * One fetcher (and so one connection pool, or one browser) per sampling thread, behind one {@link
 * Fetcher}: the partitions of a slot share one sampler, so a blocked identity rests and a host is
 * paced across all of them, while no fetcher is used by two threads at once.
 */
final class PerThreadFetcher implements Fetcher {

  private final Supplier<Fetcher> factory;
  private final List<Fetcher> created = new CopyOnWriteArrayList<>();
  private final ThreadLocal<Fetcher> current;

  PerThreadFetcher(Supplier<Fetcher> factory) {
    this.factory = factory;
    this.current = ThreadLocal.withInitial(this::create);
  }

  private Fetcher create() {
    Fetcher fetcher = factory.get();
    created.add(fetcher);
    return fetcher;
  }

  @Override
  public FetchResponse fetch(FetchRequest request) throws FetchException {
    return current.get().fetch(request);
  }

  /** How many fetchers were made: one per thread that fetched. */
  int fetchers() {
    return created.size();
  }

  @Override
  public void close() {
    for (Fetcher fetcher : created) {
      try {
        fetcher.close();
      } catch (Exception e) {
        // closing is best effort
      }
    }
    created.clear();
  }
}
