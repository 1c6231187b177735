package com.mallrank.crawler.fetch.browser;

import java.util.concurrent.atomic.AtomicLong;

/** The counters behind {@link BrowserStats}, shared by every session of one fetcher. */
final class BrowserCounters {

  final AtomicLong sessions = new AtomicLong();
  final AtomicLong browsersLaunched = new AtomicLong();
  final AtomicLong contextsCreated = new AtomicLong();
  final AtomicLong pagesRendered = new AtomicLong();

  BrowserStats snapshot() {
    return new BrowserStats(
        sessions.get(), browsersLaunched.get(), contextsCreated.get(), pagesRendered.get());
  }
}
