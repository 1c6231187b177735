package com.mallrank.crawler.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Renders the JSON of the sandbox search API ({@code /api/search}, {@code /api/v2/search}) in a
 * Douyin-like shape: string ids, prices in fen, commission in basis points ({@link
 * CommissionUnit#BASIS_POINTS}, v1) or in percent ({@link CommissionUnit#PERCENT}, v2), cursor +
 * {@code has_more} pagination. See {@link SandboxMall} for the documents and the fault variants.
 */
final class SearchApiRenderer {

  /** How an API version states the commission rate. */
  enum CommissionUnit {
    /** {@code 1250} = 12.5 %. */
    BASIS_POINTS,
    /** {@code 12.5} = 12.5 %. */
    PERCENT
  }

  /** Douyin-like {@code status_code} of a verification (风控) answer. */
  static final int STATUS_VERIFY = 2483;

  /** Douyin-like {@code status_code} of a "log in first" answer. */
  static final int STATUS_LOGIN = 8;

  private static final ObjectMapper JSON = new ObjectMapper();

  private final UnaryOperator<String> signer;

  /**
   * @param signer image key → the freshly signed image URLs, local mirror first, as one string
   *     separated by {@code ' '}
   */
  SearchApiRenderer(UnaryOperator<String> signer) {
    this.signer = signer;
  }

  /** One page of results: cards {@code [cursor, cursor + count)} of {@code all}. */
  String page(String keyword, List<SandboxCard> all, int cursor, int count, CommissionUnit unit) {
    int from = Math.min(Math.max(cursor, 0), all.size());
    int to = Math.min(from + Math.max(count, 0), all.size());
    ObjectNode root = ok();
    ObjectNode data = root.putObject("data");
    data.put("keyword", keyword);
    ArrayNode items = data.putArray("items");
    for (SandboxCard c : all.subList(from, to)) {
      ObjectNode item = items.addObject();
      item.put("product_id", c.productId());
      item.put("title", c.title());
      ObjectNode shop = item.putObject("shop");
      shop.put("shop_id", c.shopId());
      shop.put("shop_name", c.shopName());
      item.put("price", c.price().movePointRight(2).longValueExact());
      if (unit == CommissionUnit.PERCENT) {
        item.put("cos_ratio", c.commissionRate());
      } else {
        item.put("cos_ratio", c.commissionRate().movePointRight(2).intValueExact());
      }
      ArrayNode urls = item.putObject("cover").putArray("url_list");
      for (String url : signer.apply(c.imageKey()).split(" ")) {
        urls.add(url);
      }
      item.put("sales_label", c.salesLabel());
      item.put("is_ad", c.sponsored());
    }
    data.put("cursor", to);
    data.put("has_more", to < all.size());
    data.put("total", all.size());
    return write(root);
  }

  /**
   * The same page after a back-end redesign (the {@link Fault#LAYOUT_CHANGED} fault, and every
   * answer after the scheduled redesign, {@link Faults#redesignAt}): other field names, the shop
   * nested as {@code store}, {@code img} (the mall's mirror) and {@code imgs} (mirror, CDN), {@code
   * has_more} as 0/1.
   */
  String layoutChanged(List<SandboxCard> all, int cursor, int count) {
    int from = Math.min(Math.max(cursor, 0), all.size());
    int to = Math.min(from + Math.max(count, 0), all.size());
    ObjectNode root = ok();
    ObjectNode data = root.putObject("data");
    ArrayNode goods = data.putArray("goods_list");
    for (SandboxCard c : all.subList(from, to)) {
      ObjectNode g = goods.addObject();
      g.put("goods_id", c.productId());
      g.put("name", c.title());
      ObjectNode store = g.putObject("store");
      store.put("store_id", c.shopId());
      store.put("store_name", c.shopName());
      g.put("min_price", c.price().movePointRight(2).longValueExact());
      g.put("commission", c.commissionRate().movePointRight(2).intValueExact());
      String[] urls = signer.apply(c.imageKey()).split(" ");
      g.put("img", urls[0]);
      ArrayNode imgs = g.putArray("imgs");
      for (String url : urls) {
        imgs.add(url);
      }
      g.put("sold_text", c.salesLabel());
      g.put("promo", c.sponsored());
    }
    data.put("next_cursor", to);
    data.put("has_more", to < all.size() ? 1 : 0);
    return write(root);
  }

  /** HTTP 200, a verification demand instead of data. */
  String verify() {
    ObjectNode root = JSON.createObjectNode();
    root.put("status_code", STATUS_VERIFY);
    root.put("status_msg", "请完成安全验证");
    ObjectNode verify = root.putObject("verify");
    verify.put("type", "captcha");
    verify.put("decision", "verify");
    root.putNull("data");
    return write(root);
  }

  /** HTTP 200, a login demand instead of data. */
  String loginRequired() {
    ObjectNode root = JSON.createObjectNode();
    root.put("status_code", STATUS_LOGIN);
    root.put("status_msg", "登录后查看更多商品");
    root.putNull("data");
    return write(root);
  }

  /** The body of an HTTP error status (429, 500). */
  String error(int httpStatus, String message) {
    ObjectNode root = JSON.createObjectNode();
    root.put("status_code", httpStatus);
    root.put("status_msg", message);
    root.putNull("data");
    return write(root);
  }

  private static ObjectNode ok() {
    ObjectNode root = JSON.createObjectNode();
    root.put("status_code", 0);
    root.put("status_msg", "success");
    return root;
  }

  private static String write(ObjectNode root) {
    try {
      return JSON.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write sandbox JSON", e);
    }
  }
}
