package com.mallrank.crawler.sampler;

import com.mallrank.crawler.fetch.browser.BrowserAction;
import com.mallrank.crawler.profile.PageAction;
import java.util.ArrayList;
import java.util.List;

/** A profile's page actions as the browser takes them for one keyword. */
final class BrowserActions {

  private BrowserActions() {}

  static List<BrowserAction> forKeyword(List<PageAction> actions, String keyword) {
    List<BrowserAction> result = new ArrayList<>(actions.size());
    for (PageAction a : actions) {
      result.add(
          new BrowserAction(
              BrowserAction.Kind.valueOf(a.kind().name()),
              a.selector(),
              a.textFor(keyword),
              a.key(),
              a.response(),
              a.millis(),
              a.search()));
    }
    return result;
  }
}
