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
    return render(Layout.V1, keyword, all, cursor, count, unit);
  }

  /**
   * The same page after a back-end redesign (the {@link Fault#LAYOUT_CHANGED} fault, and every
   * answer after the scheduled redesign, {@link Faults#redesignAt}): other field names, the shop
   * nested as {@code store}, {@code img} (the mall's mirror) and {@code imgs} (mirror, CDN), {@code
   * has_more} as 0/1.
   */
  String layoutChanged(List<SandboxCard> all, int cursor, int count) {
    return render(Layout.REDESIGNED, null, all, cursor, count, CommissionUnit.BASIS_POINTS);
  }

  /**
   * What differs between the two layouts of a result page: the field names; besides, only {@link
   * #V1} states the keyword and the total, gives the images as {@code cover.url_list} (the
   * redesign: {@code img} and {@code imgs}) and {@code has_more} as a boolean (the redesign: 0/1).
   */
  private record Layout(
      String list,
      String id,
      String title,
      String shop,
      String shopId,
      String shopName,
      String price,
      String commission,
      String sales,
      String sponsored,
      String cursor) {

    static final Layout V1 =
        new Layout(
            "items",
            "product_id",
            "title",
            "shop",
            "shop_id",
            "shop_name",
            "price",
            "cos_ratio",
            "sales_label",
            "is_ad",
            "cursor");

    static final Layout REDESIGNED =
        new Layout(
            "goods_list",
            "goods_id",
            "name",
            "store",
            "store_id",
            "store_name",
            "min_price",
            "commission",
            "sold_text",
            "promo",
            "next_cursor");
  }

  private String render(
      Layout layout,
      String keyword,
      List<SandboxCard> all,
      int cursor,
      int count,
      CommissionUnit unit) {
    int from = Math.min(Math.max(cursor, 0), all.size());
    int to = Math.min(from + Math.max(count, 0), all.size());
    ObjectNode root = ok();
    ObjectNode data = root.putObject("data");
    if (layout == Layout.V1) {
      data.put("keyword", keyword);
    }
    ArrayNode items = data.putArray(layout.list());
    for (SandboxCard c : all.subList(from, to)) {
      ObjectNode item = items.addObject();
      item.put(layout.id(), c.productId());
      item.put(layout.title(), c.title());
      ObjectNode shop = item.putObject(layout.shop());
      shop.put(layout.shopId(), c.shopId());
      shop.put(layout.shopName(), c.shopName());
      item.put(layout.price(), c.price().movePointRight(2).longValueExact());
      if (unit == CommissionUnit.PERCENT) {
        item.put(layout.commission(), c.commissionRate());
      } else {
        item.put(layout.commission(), c.commissionRate().movePointRight(2).intValueExact());
      }
      String[] urls = signer.apply(c.imageKey()).split(" ");
      ArrayNode images;
      if (layout == Layout.V1) {
        images = item.putObject("cover").putArray("url_list");
      } else {
        item.put("img", urls[0]);
        images = item.putArray("imgs");
      }
      for (String url : urls) {
        images.add(url);
      }
      item.put(layout.sales(), c.salesLabel());
      item.put(layout.sponsored(), c.sponsored());
    }
    data.put(layout.cursor(), to);
    if (layout == Layout.V1) {
      data.put("has_more", to < all.size());
      data.put("total", all.size());
    } else {
      data.put("has_more", to < all.size() ? 1 : 0);
    }
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
