package com.mallrank.crawler.repair;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mallrank.crawler.sandbox.SandboxCard;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Redesigns of the sandbox mall's result page and search API, built by hand for the repair tests
 * from the sandbox world's cards (every value is the world's; only the markup and the field names
 * change). Each is one thing marketplaces do when they release a new front end or API version; none
 * is a real site's markup. The image URLs are re-signed on every render (other shard host, expiry
 * and signature), as the sandbox's CDN does: the picture is the same, the URL is not.
 */
final class Redesigns {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final AtomicLong NONCE = new AtomicLong(500);

  private Redesigns() {}

  /** The HTML redesigns. */
  enum Html {
    /** Every class and data attribute renamed; the price one text with its ¥. */
    RENAMED,
    /**
     * Ids moved from attributes to links ({@code /detail?id=…}, {@code /store/…}); the price split
     * into spans (yuan, cents); commission as basis points in an attribute.
     */
    LINKS_AND_SPLIT_PRICE,
    /**
     * Lazy images: the first cards have {@code src}, the rest a placeholder and {@code
     * data-original}.
     */
    LAZY_IMAGES,
    /**
     * The ad label moved into the title's element ({@code <span>广告</span>title}); price in fen in
     * an attribute.
     */
    AD_LABEL_IN_TITLE
  }

  static String html(Html variant, String keyword, List<SandboxCard> cards) {
    StringBuilder sb =
        new StringBuilder(
            "<!doctype html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>"
                + esc(keyword)
                + " - 抖音商城</title></head><body>\n");
    switch (variant) {
      case RENAMED -> {
        sb.append("<main class=\"search-page\"><div class=\"goods-wall\">\n");
        for (SandboxCard c : cards) {
          sb.append("<div class=\"goods-tile\" data-gid=\"")
              .append(c.productId())
              .append("\" data-store=\"")
              .append(c.shopId())
              .append("\">")
              .append("<a class=\"tile-link\" href=\"/goods/")
              .append(c.productId())
              .append("\"><img class=\"tile-cover\" src=\"")
              .append(esc(image(c)))
              .append("\"><p class=\"tile-title\">")
              .append(esc(c.title()))
              .append("</p></a><p class=\"tile-price\">¥")
              .append(c.price().toPlainString())
              .append("</p><p class=\"tile-store\">")
              .append(esc(c.shopName()))
              .append("</p><p class=\"tile-sold\">")
              .append(esc(c.salesLabel()))
              .append("</p><p class=\"tile-cos\">佣金 ")
              .append(c.commissionRate().toPlainString())
              .append("%</p>")
              .append(c.sponsored() ? "<i class=\"tile-promo\">广告</i>" : "")
              .append("</div>\n");
        }
        sb.append("</div></main>\n");
        // a "guess you like" block after the results, with other products, in the same tile markup
        sb.append("<aside class=\"guess\"><h2>猜你喜欢</h2><div class=\"goods-tile\" data-gid=\"9")
            .append("100000000000000001\"><p class=\"tile-title\">推荐商品</p></div></aside>\n");
      }
      case LINKS_AND_SPLIT_PRICE -> {
        sb.append("<div id=\"list\"><ul class=\"items\">\n");
        for (SandboxCard c : cards) {
          String price = c.price().toPlainString();
          int dot = price.indexOf('.');
          sb.append("<li class=\"item\"><a class=\"pic\" href=\"https://m.mall.test/detail?id=")
              .append(c.productId())
              .append("&amp;src=search\"><img src=\"")
              .append(esc(image(c)))
              .append(
                  "\"></a><div class=\"info\"><a class=\"name\" href=\"https://m.mall.test/detail?id=")
              .append(c.productId())
              .append("&amp;src=search\">")
              .append(esc(c.title()))
              .append("</a><div class=\"cost\"><span class=\"cur\">¥</span><span class=\"int\">")
              .append(price, 0, dot < 0 ? price.length() : dot)
              .append("</span><span class=\"dec\">")
              .append(dot < 0 ? "" : price.substring(dot))
              .append("</span></div><a class=\"store\" href=\"https://m.mall.test/store/")
              .append(c.shopId())
              .append("\">")
              .append(esc(c.shopName()))
              .append("</a><span class=\"sold\">")
              .append(esc(c.salesLabel()))
              .append("</span><span class=\"cos\" data-bp=\"")
              .append(c.commissionRate().movePointRight(2).intValueExact())
              .append("\">高佣</span>")
              .append(c.sponsored() ? "<span class=\"flag flag-ad\">广告</span>" : "")
              .append("</div></li>\n");
        }
        sb.append("</ul></div>\n");
      }
      case LAZY_IMAGES -> {
        sb.append("<div class=\"result\">\n");
        int n = 0;
        for (SandboxCard c : cards) {
          boolean loaded = n++ < 8;
          sb.append("<section class=\"card\" data-pid=\"")
              .append(c.productId())
              .append("\" data-sid=\"")
              .append(c.shopId())
              .append("\"><img class=\"thumb\" ")
              .append(
                  loaded
                      ? "src=\"" + esc(image(c)) + "\""
                      : "src=\"data:image/gif;base64,R0lGODlhAQABAAAAACw=\" data-original=\""
                          + esc(image(c))
                          + "\"")
              .append("><h4>")
              .append(esc(c.title()))
              .append("</h4><div class=\"line\"><span class=\"price\">")
              .append(c.price().toPlainString())
              .append("元</span><span class=\"shop\">")
              .append(esc(c.shopName()))
              .append("</span></div><div class=\"line\"><span class=\"sold\">")
              .append(esc(c.salesLabel()))
              .append("</span><span class=\"rate\">")
              .append(c.commissionRate().toPlainString())
              .append("%</span></div>")
              .append(c.sponsored() ? "<b class=\"ad\">广告</b>" : "")
              .append("</section>\n");
        }
        sb.append("</div>\n");
      }
      case AD_LABEL_IN_TITLE -> {
        sb.append("<div class=\"feed\">\n");
        for (SandboxCard c : cards) {
          sb.append("<div class=\"cell\"><div class=\"goods\" data-id=\"")
              .append(c.productId())
              .append("\" data-shop=\"")
              .append(c.shopId())
              .append("\"><img data-src=\"")
              .append(esc(image(c)))
              .append("\"><div class=\"title\">")
              .append(c.sponsored() ? "<span class=\"mark\">广告</span>" : "")
              .append(esc(c.title()))
              .append("</div><div class=\"price\" data-fen=\"")
              .append(c.price().movePointRight(2).longValueExact())
              .append("\">到手价</div><div class=\"shop\">")
              .append(esc(c.shopName()))
              .append("</div><div class=\"sold\">")
              .append(esc(c.salesLabel()))
              .append("</div><div class=\"cos\">佣金")
              .append(c.commissionRate().toPlainString())
              .append("%</div></div></div>\n");
        }
        sb.append("</div>\n");
      }
    }
    return sb.append("</body></html>\n").toString();
  }

  /** The JSON redesigns, each a capture document of several answers (10 cards each). */
  enum Json {
    /**
     * Fields renamed and re-nested, units changed: price as a yuan string (was fen), commission in
     * percent (was basis points), the picture in a list of objects, the ad flag a 0/1 number.
     */
    RENAMED_RENESTED_UNITS,
    /** The ad flag as a label ({@code "tag": "AD"} or {@code "NORMAL"}), ids as numbers. */
    AD_LABEL_AND_NUMBER_IDS
  }

  static String capture(Json variant, String url, List<SandboxCard> cards) {
    ObjectNode root = JSON.createObjectNode();
    root.put("url", url);
    ArrayNode responses = root.putArray("responses");
    for (int from = 0; from < cards.size(); from += 10) {
      responses.add(answer(variant, cards.subList(from, Math.min(from + 10, cards.size()))));
    }
    return root.toString();
  }

  /** The answers as newline-delimited JSON (a streamed body), each answer one line. */
  static String stream(Json variant, List<SandboxCard> cards) {
    StringBuilder out = new StringBuilder();
    for (int from = 0; from < cards.size(); from += 10) {
      out.append(answer(variant, cards.subList(from, Math.min(from + 10, cards.size()))))
          .append('\n');
    }
    return out.toString();
  }

  private static ObjectNode answer(Json variant, List<SandboxCard> cards) {
    ObjectNode answer = JSON.createObjectNode();
    answer.put("code", 0);
    switch (variant) {
      case RENAMED_RENESTED_UNITS -> {
        ArrayNode products = answer.putObject("result").putArray("products");
        for (SandboxCard c : cards) {
          ObjectNode p = products.addObject();
          p.putObject("key").put("value", c.productId());
          ObjectNode info = p.putObject("info");
          info.put("headline", c.title());
          info.putObject("seller").put("sid", c.shopId()).put("nick", c.shopName());
          p.putObject("pricing").put("yuan", c.price().toPlainString());
          p.putObject("earn").put("percent", c.commissionRate());
          p.putObject("media").putArray("pics").addObject().put("src", image(c));
          p.put("sold_desc", c.salesLabel());
          p.put("promoted", c.sponsored() ? 1 : 0);
        }
      }
      case AD_LABEL_AND_NUMBER_IDS -> {
        ArrayNode list = answer.putObject("data").putArray("list");
        for (SandboxCard c : cards) {
          ObjectNode p = list.addObject();
          p.put("tag", c.sponsored() ? "AD" : "NORMAL");
          p.put("item_id", Long.parseLong(c.productId()));
          p.put("name", c.title());
          p.put("shop_id", Long.parseLong(c.shopId()));
          p.put("shop_title", c.shopName());
          p.put("price_fen", c.price().movePointRight(2).longValueExact());
          p.put("cos_bp", c.commissionRate().movePointRight(2).intValueExact());
          p.put("cover", image(c));
          p.put("sales", c.salesLabel());
        }
      }
    }
    return answer;
  }

  /** A freshly signed CDN URL of the card's picture (another shard, expiry and signature). */
  static String image(SandboxCard c) {
    long n = NONCE.incrementAndGet();
    return "https://p"
        + (new int[] {3, 6, 9}[(int) (n % 3)])
        + "-ecom.sandbox-img.test/obj/ecom-shop-material/"
        + c.imageKey()
        + ".jpeg~tplv-resize:400:400.jpeg?x-expires="
        + (1795860000 + n)
        + "&x-signature=R"
        + Long.toHexString(n * 7919).toUpperCase();
  }

  private static String esc(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
