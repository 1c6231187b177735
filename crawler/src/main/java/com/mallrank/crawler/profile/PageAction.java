package com.mallrank.crawler.profile;

import java.util.Objects;

/**
 * One step a browser takes on a page after navigation and before reading it ({@code
 * fetch.actions}): how a site that takes its keyword in a search box (精选联盟's selection list) is
 * searched, as data. Selectors are CSS; {@code {keyword}} in a fill text is the sampled keyword.
 *
 * @param kind what to do
 * @param selector the element ({@code fill}, {@code click}, {@code wait-for}, optional for {@code
 *     press}); for {@code scroll} the container, {@code null} = the window
 * @param text {@code fill}: the text, with {@code {keyword}}
 * @param key {@code press}: a key name as Playwright spells it ({@code Enter}, {@code Control+A})
 * @param response {@code wait-for}: a URL pattern (glob or {@code regex:…}) of a response to wait
 *     for, instead of a selector
 * @param millis {@code wait}: how long, 1..{@value #MAX_WAIT_MILLIS}
 * @param search whether this action sends the search: only responses that arrive after it starts
 *     are captured (the feed a page shows before a search is not the result)
 * @param line the line of the action in its profile, for messages
 */
public record PageAction(
    Kind kind,
    String selector,
    String text,
    String key,
    String response,
    int millis,
    boolean search,
    int line) {

  /** The longest {@code wait} accepted. */
  public static final int MAX_WAIT_MILLIS = 10_000;

  /** The most actions one profile may list. */
  public static final int MAX_ACTIONS = 20;

  /** The steps a page action can take. */
  public enum Kind {
    FILL("fill"),
    PRESS("press"),
    CLICK("click"),
    WAIT_FOR("wait-for"),
    SCROLL("scroll"),
    WAIT("wait");

    private final String key;

    Kind(String key) {
      this.key = key;
    }

    /** The YAML key. */
    public String key() {
      return key;
    }
  }

  public PageAction {
    Objects.requireNonNull(kind, "kind");
  }

  /** This action, marked as the one that sends the search. */
  public PageAction asSearch() {
    return new PageAction(kind, selector, text, key, response, millis, true, line);
  }

  /** The fill text with {@code {keyword}} replaced. */
  public String textFor(String keyword) {
    return text == null ? null : text.replace("{keyword}", keyword == null ? "" : keyword);
  }
}
