package com.mallrank.crawler.bench;

import com.mallrank.crawler.fetch.browser.RenderOptions;
import com.mallrank.crawler.sandbox.SandboxMall;
import java.time.Instant;
import java.util.List;

/** What the rendered-page benchmarks load: the sandbox SPA's Top-20 in DOM mode, one slot. */
final class SandboxSpaPages {

  private static final String CARDS = "li.goods-card";
  private static final String FIRST =
      "li.goods-card, #captcha-verify, div.login-guide, div.search-empty, div.load-error";

  private SandboxSpaPages() {}

  /** The DOM-mode options of the sandbox SPA profile: cards, load-more button, list end. */
  static RenderOptions topTwentyDom() {
    return RenderOptions.dom(CARDS)
        .withWaitForSelector(FIRST)
        .withLoadMoreSelector("button.load-more")
        .withEndSelector("div.list-end");
  }

  /** Sets the mall to the benchmark's slot; the SPA URL of every keyword with results there. */
  static List<String> urls(SandboxMall mall) {
    mall.setTime(Instant.parse("2026-11-28T14:00:00Z"));
    return mall.world().keywords().stream()
        .filter(k -> mall.world().poolSize(k) > 0)
        .map(mall::spaUrl)
        .toList();
  }
}
