package com.mallrank.crawler.fetch.browser;

/**
 * What a {@link PlaywrightFetcher} has done so far, over all its threads.
 *
 * @param sessions Playwright instances created (one per worker thread)
 * @param browsersLaunched Chromium launches, relaunches included
 * @param contextsCreated browser contexts created (one per identity, again after each recycling)
 * @param pagesRendered pages opened, whatever their outcome
 */
public record BrowserStats(
    long sessions, long browsersLaunched, long contextsCreated, long pagesRendered) {}
