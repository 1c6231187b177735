package com.mallrank.crawler.fetch.browser;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.ViewportSize;
import java.util.List;

/**
 * One "show me more" gesture for infinite lists, made so it works when the window cannot scroll: a
 * list in an inner container ({@code overflow-y: auto}), or a dozen short rows that never fill a
 * window. It scrolls the window to the bottom, scrolls the nearest scrollable ancestor of the last
 * card to its bottom (or, with no card to start from, every scrollable container, bounded), brings
 * the last card into view, and sends a mouse wheel over it, so a page listening to the window's, a
 * container's or the wheel's events all see the user reach the end. Independent of viewport height.
 *
 * <p>When that brought nothing, {@link #unstick} is the stronger gesture: a list shorter than the
 * window never scrolls, so a page that loads more on the window's {@code scroll} event never hears
 * one (seen on an unseen JavaScript mall: 12 of 48). It shrinks the viewport so the document (or
 * the cards' container) becomes scrollable, makes the gesture again (now a real scroll), and
 * dispatches a {@code scroll} event on the document (it bubbles to the window, as the viewport's
 * own does) and on the cards' scroll container.
 */
final class DeepScroll {

  /** Containers scrolled at most when no card is known (captured JSON pages). */
  static final int MAX_CONTAINERS = 20;

  /** Elements looked at at most when searching containers. */
  static final int MAX_ELEMENTS = 5_000;

  private static final String SCRIPT =
      """
      ([sel, maxContainers, maxElements]) => {
        const root = document.scrollingElement || document.documentElement;
        window.scrollTo(0, root.scrollHeight);
        const scrollable = el => {
          const s = getComputedStyle(el);
          return /(auto|scroll|overlay)/.test(s.overflowY) && el.scrollHeight > el.clientHeight + 1;
        };
        const cards = sel ? document.querySelectorAll(sel) : [];
        const last = cards.length ? cards[cards.length - 1] : null;
        let scrolled = 0;
        if (last) {
          for (let el = last.parentElement; el && el !== root; el = el.parentElement) {
            if (scrollable(el)) { el.scrollTop = el.scrollHeight; scrolled++; break; }
          }
          last.scrollIntoView({block: 'end'});
          const r = last.getBoundingClientRect();
          return [r.left + r.width / 2, Math.max(1, Math.min(r.top + r.height / 2, innerHeight - 1))];
        }
        const walker = document.createTreeWalker(document.body || root, NodeFilter.SHOW_ELEMENT);
        let seen = 0;
        let point = null;
        for (let el = walker.nextNode(); el && seen < maxElements && scrolled < maxContainers;
             el = walker.nextNode(), seen++) {
          if (scrollable(el)) {
            el.scrollTop = el.scrollHeight;
            scrolled++;
            const r = el.getBoundingClientRect();
            point = [r.left + r.width / 2, Math.max(1, Math.min(r.bottom - 2, innerHeight - 1))];
          }
        }
        return point;
      }
      """;

  /** The lowest viewport height {@link #unstick} shrinks to, in CSS pixels. */
  static final int MIN_HEIGHT = 120;

  /** [document height, window height] before the stronger gesture. */
  private static final String SIZES =
      "() => [(document.scrollingElement || document.documentElement).scrollHeight, innerHeight]";

  /** Resolves after two animation frames, or after 300 ms when frames do not come. */
  private static final String NEXT_FRAMES =
      """
      () => new Promise(resolve => {
        let done = false;
        const finish = () => { if (!done) { done = true; resolve(true); } };
        requestAnimationFrame(() => requestAnimationFrame(finish));
        setTimeout(finish, 300);
      })
      """;

  /** Scroll events for listeners of the window, the document and the cards' container. */
  private static final String DISPATCH =
      """
      (sel) => {
        document.dispatchEvent(new Event('scroll', {bubbles: true}));
        const cards = sel ? document.querySelectorAll(sel) : [];
        const last = cards.length ? cards[cards.length - 1] : null;
        const root = document.scrollingElement || document.documentElement;
        for (let el = last ? last.parentElement : null; el && el !== root; el = el.parentElement) {
          if (/(auto|scroll|overlay)/.test(getComputedStyle(el).overflowY)) {
            el.dispatchEvent(new Event('scroll'));
            return true;
          }
        }
        return false;
      }
      """;

  private DeepScroll() {}

  /**
   * The stronger gesture, for when {@link #once} brought nothing: shrinks the viewport while the
   * document is no taller than the window, makes the gesture, and dispatches scroll events.
   *
   * @return the viewport before it was shrunk (to give back once loading ends), or {@code null}
   *     when it was left as it was
   */
  static ViewportSize unstick(Page page, String cardSelector) {
    ViewportSize before = page.viewportSize();
    ViewportSize shrunk = null;
    if (before != null && page.evaluate(SIZES) instanceof List<?> sizes && sizes.size() == 2) {
      int document = ((Number) sizes.get(0)).intValue();
      int window = ((Number) sizes.get(1)).intValue();
      int height = Math.max(MIN_HEIGHT, document / 2);
      if (document <= window + 1 && height < before.height) {
        page.setViewportSize(before.width, height);
        shrunk = before;
        // Let the page render once at the new size before scrolling back down: an intersection
        // observer (a "sentinel" below the cards) only fires when it saw the sentinel leave.
        page.evaluate(NEXT_FRAMES);
      }
    }
    once(page, cardSelector);
    page.evaluate(DISPATCH, cardSelector == null ? "" : cardSelector);
    return shrunk;
  }

  /** Makes the gesture once. */
  static void once(Page page, String cardSelector) {
    Object result =
        page.evaluate(
            SCRIPT,
            List.of(cardSelector == null ? "" : cardSelector, MAX_CONTAINERS, MAX_ELEMENTS));
    if (result instanceof List<?> point && point.size() == 2) {
      double x = ((Number) point.get(0)).doubleValue();
      double y = ((Number) point.get(1)).doubleValue();
      page.mouse().move(x, y);
      page.mouse().wheel(0, 1200);
    }
  }
}
