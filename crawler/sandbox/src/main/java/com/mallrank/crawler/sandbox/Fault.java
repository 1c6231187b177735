package com.mallrank.crawler.sandbox;

/**
 * What the sandbox serves instead of a normal result page, switched on per keyword or globally
 * through {@link Faults}. Markup follows "Sandbox mall HTML (static, v1)" in {@code
 * docs/design.md}; the single-page app (v2, {@code /spa/search} + {@code /api/search}) shows the
 * same markers after its script ran (see {@link SandboxMall}).
 */
public enum Fault {
  /**
   * HTTP 200, a verification page: {@code <div id="captcha-verify"
   * class="verify-wrap">请完成安全验证</div>} and no {@code #search-root}, no grid.
   */
  CAPTCHA,
  /**
   * HTTP 200, {@code #search-root} holding only {@code <div class="login-guide">登录后查看更多商品</div>}.
   */
  LOGIN_WALL,
  /**
   * HTTP 200, the real results rendered with other class names ({@code div.sku-list >
   * div.sku-item}, {@code data-sku-id}) so v1 selectors match nothing.
   */
  LAYOUT_CHANGED,
  /** HTTP 200, the no-results page ({@code div.search-empty}) even though results exist. */
  EMPTY,
  /** HTTP 500 with a short error page. */
  HTTP_500,
  /** HTTP 429 with {@code Retry-After: 30} (seconds). */
  HTTP_429,
  /**
   * The normal response, sent only after {@link Faults#slowDelay()} (page and API alike): for
   * timeouts.
   */
  SLOW,
  /**
   * HTTP 200, the normal page cut off after {@value SandboxMall#TRUNCATED_PERCENT} % of its
   * characters (the connection closes early but cleanly). The SPA's inline script is cut too, so
   * nothing renders; the API answers with half a JSON document.
   */
  TRUNCATED,
  /**
   * HTTP 200, the normal page padded with an HTML comment to {@link Faults#oversizedBytes()} bytes:
   * for size limits.
   */
  OVERSIZED
}
