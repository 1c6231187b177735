package com.mallrank.crawler.sandbox;

import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.UnaryOperator;

/**
 * Renders search pages following "Sandbox mall HTML (static, v1)" in {@code docs/design.md}, a
 * contract the {@code sandbox-static} extraction profile relies on: change it only together with
 * that section. Every value comes from the {@link SandboxCard}s given; only the image URLs are
 * signed afresh through {@code signer}.
 */
final class SearchPageRenderer {

  private final UnaryOperator<String> signer;

  /**
   * @param signer image key → freshly signed image URL
   */
  SearchPageRenderer(UnaryOperator<String> signer) {
    this.signer = signer;
  }

  String results(String keyword, List<SandboxCard> cards) {
    return results(keyword, cards, null);
  }

  /**
   * The result page as {@code viewer} sees it ({@code null}: a logged-out visitor): the header
   * shows the viewer's nickname, or the login entry ({@link #viewer}).
   */
  String results(String keyword, List<SandboxCard> cards, String viewer) {
    return page(keyword, cards, viewer, RESULT_GRID, this::resultCard);
  }

  /**
   * The markup around a page's cards: {@code open} (with the keyword for {@code %s}), {@code
   * close}.
   */
  private record Frame(String open, String close) {}

  private static final Frame RESULT_GRID =
      new Frame(
          "<div id=\"search-root\" data-keyword=\"%s\">\n  <ul class=\"result-grid\">\n",
          "  </ul>\n</div>");

  private static final Frame FEED_GRID =
      new Frame(
          "<section id=\"goods-feed\" data-kw=\"%s\">\n  <div class=\"feed-grid\">\n",
          "  </div>\n</section>");

  /**
   * A page of cards for {@code viewer}: the empty page when there is none, else the head, the
   * frame's opening, each card, its close and the tail.
   */
  private String page(
      String keyword,
      List<SandboxCard> cards,
      String viewer,
      Frame frame,
      BiConsumer<StringBuilder, SandboxCard> card) {
    if (cards.isEmpty()) {
      return empty(keyword, viewer);
    }
    StringBuilder sb = head(keyword, viewer).append(frame.open().replace("%s", esc(keyword)));
    cards.forEach(c -> card.accept(sb, c));
    return tail(sb.append(frame.close()));
  }

  private void resultCard(StringBuilder sb, SandboxCard c) {
    sb.append("    <li class=\"goods-card\" data-product-id=\"")
        .append(c.productId())
        .append("\" data-shop-id=\"")
        .append(c.shopId())
        .append("\">\n");
    sb.append("      <a class=\"goods-link\" href=\"/product/")
        .append(c.productId())
        .append("\">\n");
    // Raw '&' as in the contract: the URL holds only URL-safe characters, and '&x-' is no
    // character reference, so parsers read the same value as from '&amp;'.
    sb.append("        <img class=\"goods-cover\" src=\"")
        .append(signer.apply(c.imageKey()))
        .append("\">\n");
    sb.append("        <div class=\"goods-title\">").append(esc(c.title())).append("</div>\n");
    sb.append("      </a>\n");
    sb.append(
            "      <div class=\"goods-price\"><span class=\"yen\">¥</span><span class=\"price-num\">")
        .append(c.price().toPlainString())
        .append("</span></div>\n");
    sb.append("      <div class=\"goods-meta\"><span class=\"shop-name\">")
        .append(esc(c.shopName()))
        .append("</span><span class=\"sales\">")
        .append(esc(c.salesLabel()))
        .append("</span></div>\n");
    sb.append("      <div class=\"goods-cos\">佣金<em>")
        .append(c.commissionRate().toPlainString())
        .append("%</em></div>\n");
    if (c.sponsored()) {
      sb.append("      <span class=\"ad-tag\">广告</span>\n");
    }
    sb.append("    </li>\n");
  }

  String empty(String keyword) {
    return empty(keyword, null);
  }

  String empty(String keyword, String viewer) {
    StringBuilder sb = head(keyword, viewer);
    sb.append("<div id=\"search-root\" data-keyword=\"")
        .append(esc(keyword))
        .append("\"><div class=\"search-empty\">抱歉，没有找到\"")
        .append(esc(keyword))
        .append("\"相关的商品</div></div>");
    return tail(sb);
  }

  String captcha(String keyword) {
    return captcha(keyword, null);
  }

  /**
   * The captcha page; like a real verify page it echoes the searcher's identity and carries signed
   * retry parameters ({@code msToken}, {@code a_bogus}), which evidence must not keep.
   */
  String captcha(String keyword, String identity) {
    StringBuilder sb = head("安全验证");
    sb.append("<div id=\"captcha-verify\" class=\"verify-wrap\">请完成安全验证</div>");
    sb.append(signedTrail(keyword, identity));
    return tail(sb);
  }

  /** A retry link with the signature parameters, and the identity the page saw. */
  private static String signedTrail(String keyword, String identity) {
    return "<a class=\"verify-retry\" href=\"/search?keyword="
        + esc(java.net.URLEncoder.encode(keyword, java.nio.charset.StandardCharsets.UTF_8))
        + "&amp;msToken="
        + SandboxMall.SIGNED_MS_TOKEN
        + "&amp;a_bogus="
        + SandboxMall.SIGNED_A_BOGUS
        + "\">重试</a><script>window.__viewer = \""
        + esc(identity == null ? "" : identity)
        + "\";</script>";
  }

  /** The login wall: the mall no longer knows the visitor, so its header offers the login. */
  String loginWall(String keyword) {
    StringBuilder sb = head(keyword, null);
    sb.append("<div id=\"search-root\" data-keyword=\"")
        .append(esc(keyword))
        .append("\"><div class=\"login-guide\">登录后查看更多商品</div></div>");
    return tail(sb);
  }

  /** The same results under other class names, as after a front-end redesign. */
  String layoutChanged(String keyword, List<SandboxCard> cards) {
    return layoutChanged(keyword, cards, null);
  }

  /** The redesigned page, echoing the identity and signed links like {@link #captcha}. */
  String layoutChanged(String keyword, List<SandboxCard> cards, String identity) {
    StringBuilder sb = head(keyword, identity);
    sb.append(signedTrail(keyword, identity));
    sb.append("<div id=\"search-root\" data-keyword=\"").append(esc(keyword)).append("\">\n");
    sb.append("  <div class=\"sku-list\">\n");
    for (SandboxCard c : cards) {
      sb.append("    <div class=\"sku-item\" data-sku-id=\"").append(c.productId()).append("\">");
      sb.append("<a class=\"sku-link\" href=\"/product/").append(c.productId()).append("\">");
      sb.append("<img class=\"sku-img\" src=\"")
          .append(esc(signer.apply(c.imageKey())))
          .append("\">");
      sb.append("<p class=\"sku-name\">").append(esc(c.title())).append("</p></a>");
      sb.append("<p class=\"sku-price\">¥<b>").append(c.price().toPlainString()).append("</b></p>");
      sb.append("<p class=\"sku-store\">").append(esc(c.shopName())).append("</p>");
      sb.append("<p class=\"sku-sold\">").append(esc(c.salesLabel())).append("</p>");
      if (c.sponsored()) {
        sb.append("<i class=\"sku-promo\">广告</i>");
      }
      sb.append("</div>\n");
    }
    sb.append("  </div>\n</div>");
    return tail(sb);
  }

  /**
   * The page after the scheduled redesign ({@link Faults#redesignAt}): every value is still there,
   * in other markup. Cards are {@code section#goods-feed div.feed-grid > article.pd-card}; the
   * product id only in the link ({@code /item/<id>?from=search}), the shop id only in the shop's
   * link ({@code /shop/<id>}); the picture lazy-loaded ({@code data-src}, a placeholder in {@code
   * src}); the price split in spans ({@code ¥}, yuan, {@code .cents}); the ad label a badge in the
   * card's head, before the title; commission as {@code 佣金 12.5%}. The account header is kept, as a
   * real redesign keeps it ({@code viewer}: who is logged in, {@code null} for nobody).
   */
  String redesigned(String keyword, List<SandboxCard> cards, String viewer) {
    return page(keyword, cards, viewer, FEED_GRID, this::redesignedCard);
  }

  private void redesignedCard(StringBuilder sb, SandboxCard c) {
    String price = c.price().toPlainString();
    int dot = price.indexOf('.');
    sb.append("    <article class=\"pd-card\" data-idx=\"").append(c.position()).append("\">\n");
    sb.append("      <a class=\"pd-link\" href=\"/item/")
        .append(c.productId())
        .append("?from=search\"><img class=\"pd-pic\" src=\"")
        .append(PLACEHOLDER)
        .append("\" data-src=\"")
        .append(esc(signer.apply(c.imageKey())))
        .append("\"></a>\n");
    sb.append("      <div class=\"pd-head\">");
    if (c.sponsored()) {
      sb.append("<em class=\"pd-badge\">广告</em>");
    }
    sb.append("<h3 class=\"pd-name\">").append(esc(c.title())).append("</h3></div>\n");
    sb.append("      <div class=\"pd-price\"><i>¥</i><span class=\"pd-yuan\">")
        .append(dot < 0 ? price : price.substring(0, dot))
        .append("</span><span class=\"pd-cent\">")
        .append(dot < 0 ? "" : price.substring(dot))
        .append("</span></div>\n");
    sb.append("      <div class=\"pd-foot\"><a class=\"pd-shop\" href=\"/shop/")
        .append(c.shopId())
        .append("\">")
        .append(esc(c.shopName()))
        .append("</a><span class=\"pd-sold\">")
        .append(esc(c.salesLabel()))
        .append("</span><span class=\"pd-cos\">佣金 ")
        .append(c.commissionRate().toPlainString())
        .append("%</span></div>\n");
    sb.append("    </article>\n");
  }

  /** The 1×1 transparent GIF a lazy-loading page shows until the picture is in view. */
  static final String PLACEHOLDER =
      "data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7";

  String serverError() {
    return tail(head("服务器错误").append("<h1>服务器开小差了，请稍后再试</h1>"));
  }

  String tooManyRequests() {
    return tail(head("请求过于频繁").append("<h1>请求过于频繁，请稍后再试</h1>"));
  }

  String product(ProductState state) {
    StringBuilder sb = head(state.title());
    sb.append("<div class=\"product-detail\" data-product-id=\"")
        .append(state.productId())
        .append("\"><h1>")
        .append(esc(state.title()))
        .append("</h1><span class=\"price-num\">")
        .append(state.price().toPlainString())
        .append("</span></div>");
    return tail(sb);
  }

  /** A mall page's head and header: who is logged in, as a real mall shows it on every page. */
  private static StringBuilder head(String title, String viewer) {
    return head(title).append(viewer(viewer)).append('\n');
  }

  /**
   * The header's account part: {@code <div id="user-info" data-uid="…"><span
   * class="nickname">…</span></div>} for a logged-in viewer (the mall knows its session), {@code <a
   * id="login-entry" href="/login">登录</a>} for a logged-out one. What {@code markers.logged-in} of
   * the sandbox profiles tests.
   */
  static String viewer(String viewer) {
    return viewer == null
        ? "<a id=\"login-entry\" href=\"/login\">登录</a>"
        : "<div id=\"user-info\" data-uid=\""
            + esc(viewer)
            + "\"><span class=\"nickname\">"
            + esc(viewer)
            + "</span></div>";
  }

  private static StringBuilder head(String title) {
    return new StringBuilder(8192)
        .append("<!doctype html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>")
        .append(esc(title))
        .append(" - 抖音商城</title></head><body>\n");
  }

  private static String tail(StringBuilder sb) {
    return sb.append("</body></html>\n").toString();
  }

  static String esc(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      switch (ch) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '"' -> sb.append("&quot;");
        default -> sb.append(ch);
      }
    }
    return sb.toString();
  }
}
