package com.mallrank.crawler.repair;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mallrank.crawler.model.Listing;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Two malls the repair was not written against, BUILT BY HAND for the repair tests: every page here
 * is generated, none is a platform's. Each has an old design (what its old profile, in {@code
 * src/test/resources/profiles/unseen/}, reads) and a redesign. The shapes follow real pages in
 * {@code ../shared/real-serp/} (read there, never copied): the HTML mall follows {@code
 * amazon_es_search_god-of-war_2025.html} (deeply nested {@code s-search-result} cards, ASINs,
 * {@code 17,04 €} prices written twice, as {@code a-offscreen} text and split into whole and
 * fraction, the "Patrocinado" popover label, {@code Anuncio patrocinado:} in the title's
 * aria-label, ratings and delivery dates full of numbers, the struck "Recomendado" list price); the
 * JSON mall's old design follows {@code taobao_search_*_g_page_config_2018.json} ({@code
 * mods.itemlist.data.auctions[]} with {@code nid}, {@code raw_title}, {@code view_price}, {@code
 * pic_url}, {@code nick}, {@code user_id}, {@code view_sales}, {@code p4p}, promo tiles with {@code
 * activity}) and its redesign {@code aliexpress_search_*_2024.json} ({@code content[]} with {@code
 * productId}, {@code title.displayTitle}, {@code prices.salePrice.minPrice}, {@code image.imgUrl},
 * {@code store}, {@code trade.tradeDesc}, {@code trace.utLogMap.spBizType}). INVENTED (no source
 * shows them): the redesigns' class names ({@code s-card}, {@code s-seller-row}, {@code
 * s-social-proof}, {@code s-sponsored-badge}), the shop link {@code /shops/<id>}, the banner tile
 * ({@code itemType: banner}), the nesting {@code data.result.mods.itemList}, and every value.
 */
final class UnseenMalls {

  private static final ObjectMapper JSON = new ObjectMapper();

  private UnseenMalls() {}

  /**
   * One product as shown.
   *
   * @param sales the social-proof text, or {@code null} when the card shows none
   * @param listPrice a struck "recommended" price, or {@code null}
   */
  record Item(
      boolean sponsored,
      String id,
      String title,
      String sellerId,
      String seller,
      BigDecimal price,
      BigDecimal listPrice,
      String image,
      String sales) {}

  // --- the HTML mall (after amazon.es 2025) ------------------------------------------------

  static List<Item> mercado() {
    Random rnd = new Random(2025);
    String[] words = {
      "Póster",
      "Mando",
      "Figura",
      "Camiseta",
      "Taza",
      "Libro",
      "Funda",
      "Llavero",
      "Lámpara",
      "Sudadera"
    };
    String[] topics = {"God of War", "Kratos", "Atreus", "Ragnarok", "Valhalla", "Esparta"};
    String[] sellers = {
      "Tienda Sol", "GamerHub ES", "Regalos Norte", "Coleccionables Iberia", "Mundo Fan"
    };
    String[] sellerIds = new String[sellers.length];
    for (int i = 0; i < sellers.length; i++) {
      sellerIds[i] = "A" + token(rnd, 13);
    }
    List<Item> items = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      boolean ad = i == 0 || i == 1 || i == 9 || i == 21 || i == 37 || i == 50;
      String title =
          words[rnd.nextInt(words.length)]
              + " "
              + topics[rnd.nextInt(topics.length)]
              + (rnd.nextBoolean()
                  ? " edición limitada, oficial, para fans y coleccionistas de la saga, talla única"
                  : " " + (10 + rnd.nextInt(90)) + " cm");
      BigDecimal price =
          BigDecimal.valueOf(rnd.nextInt(i % 7 == 0 ? 250_000 : 9_000) + 199, 2)
              .setScale(2, RoundingMode.UNNECESSARY);
      BigDecimal list =
          rnd.nextInt(3) == 0 ? price.add(BigDecimal.valueOf(rnd.nextInt(2000) + 100, 2)) : null;
      int s = rnd.nextInt(sellers.length);
      // product 12 is also advertised (an ad card and its organic card, as on the real page)
      String id = i == 37 ? items.get(12).id() : "B0" + token(rnd, 8);
      Item item =
          new Item(
              ad,
              id,
              i == 37 ? items.get(12).title() : title,
              sellerIds[s],
              sellers[s],
              i == 37 ? items.get(12).price() : price,
              list,
              "https://img.mercado.test/images/I/" + token(rnd, 11) + "L._AC_UL320_.jpg",
              rnd.nextInt(3) == 0
                  ? (1 + rnd.nextInt(9)) * 100 + "+ comprados el mes pasado"
                  : null);
      items.add(item);
    }
    return items;
  }

  /** The 2025 design, which profiles/unseen/mercado-es.yml reads. */
  static String mercadoOld(List<Item> items) {
    StringBuilder sb = head("Mercado.test : god of war");
    sb.append("<div class=\"s-main-slot s-result-list s-search-results sg-row\">\n");
    for (int i = 0; i < items.size(); i++) {
      Item it = items.get(i);
      String uuid = "c0ffee00-" + String.format("%04d", i) + "-4a4a-9b9b-" + it.id().toLowerCase();
      String href = "/" + slug(it.title()) + "/dp/" + it.id() + "/ref=sr_1_" + (i + 1);
      String alt = (it.sponsored() ? "Anuncio patrocinado: " : "") + it.title();
      sb.append("<div role=\"listitem\" data-asin=\"")
          .append(it.id())
          .append("\" data-index=\"")
          .append(i + 2)
          .append("\" data-uuid=\"")
          .append(uuid)
          .append("\" id=\"")
          .append(uuid)
          .append("\" data-component-type=\"s-search-result\" class=\"sg-col-4-of-4 s-result-item")
          .append(" s-asin sg-col")
          .append(it.sponsored() ? " AdHolder" : "")
          .append("\" data-cel-widget=\"search_result_")
          .append(i)
          .append("\"><div class=\"sg-col-inner\"><div cel_widget_id=\"MAIN-SEARCH_RESULTS-")
          .append(i + 2)
          .append("\" class=\"s-widget-container s-spacing-small celwidget\" data-csa-c-pos=\"")
          .append(i + 1)
          .append("\" data-csa-c-item-id=\"amzn1.asin.1.")
          .append(it.id())
          .append("\" data-csa-c-type=\"item\"><div class=\"puis-card-container s-card-container\"")
          .append(" data-cy=\"asin-faceout-container\"><div class=\"a-section a-spacing-base\">")
          .append("<div class=\"s-product-image-container\" data-cy=\"image-container\"><span")
          .append(
              " data-component-type=\"s-product-image\" class=\"rush-component\"><a class=\"a-link-normal")
          .append(" s-no-outline\" href=\"")
          .append(esc(href))
          .append(
              "\"><div class=\"a-section aok-relative s-image-square-aspect\"><img class=\"s-image\" src=\"")
          .append(it.image())
          .append("\" srcset=\"")
          .append(it.image())
          .append(" 1x, ")
          .append(it.image().replace("UL320", "UL640"))
          .append(" 2x\" alt=\"")
          .append(esc(alt))
          .append("\" data-image-index=\"")
          .append(i + 1)
          .append("\"></div></a></span></div><div class=\"a-section a-spacing-small\">");
      sb.append("<div data-cy=\"title-recipe\" class=\"a-section s-title-instructions-style\">");
      if (it.sponsored()) {
        sb.append("<div class=\"a-row a-spacing-micro\"><span class=\"a-declarative\"")
            .append(
                " data-action=\"a-popover\" data-a-popover=\"{&quot;name&quot;:&quot;sp-info-popover-")
            .append(it.id())
            .append(
                "&quot;}\"><a href=\"javascript:void(0)\" role=\"button\" class=\"puis-label-popover")
            .append(" puis-sponsored-label-text\"><span class=\"puis-label-popover-default\"><span")
            .append(" class=\"a-color-secondary\">Patrocinado</span></span></a></span></div>");
      }
      sb.append("<a class=\"a-link-normal s-line-clamp-4 s-link-style a-text-normal\" href=\"")
          .append(esc(href))
          .append("\"><h2 aria-label=\"")
          .append(esc(alt))
          .append("\" class=\"a-size-base-plus a-spacing-none a-color-base a-text-normal\"><span>")
          .append(esc(it.title()))
          .append(
              "</span></h2></a><div class=\"a-row a-size-base a-color-secondary\"><span class=\"a-size-base")
          .append(
              " a-color-secondary\">Vendido por </span><a class=\"a-size-base a-link-normal s-link-style\"")
          .append(" href=\"/sp?seller=")
          .append(it.sellerId())
          .append("&amp;asin=")
          .append(it.id())
          .append("\">")
          .append(esc(it.seller()))
          .append("</a></div></div>");
      sb.append(
              "<div data-cy=\"reviews-block\" class=\"a-section a-spacing-none\"><div class=\"a-row")
          .append(
              " a-size-small\"><span aria-hidden=\"true\" class=\"a-size-small a-color-base\">4,")
          .append(i % 10)
          .append("</span><i class=\"a-icon a-icon-star-mini\"><span class=\"a-icon-alt\">4,")
          .append(i % 10)
          .append(" de 5 estrellas</span></i><a aria-label=\"")
          .append(1000 + i * 37)
          .append("&nbsp;calificaciones\" href=\"")
          .append(esc(href))
          .append("#customerReviews\"><span class=\"a-size-mini\">(")
          .append(1 + i % 9)
          .append(",")
          .append(i % 10)
          .append("&nbsp;mil)</span></a></div>");
      if (it.sales() != null) {
        sb.append("<div class=\"a-row a-size-base\"><span class=\"a-size-base a-color-secondary\">")
            .append(it.sales())
            .append("</span></div>");
      }
      sb.append(
              "</div><div data-cy=\"price-recipe\" class=\"a-section s-price-instructions-style\">")
          .append("<div class=\"a-row\"><a class=\"a-link-normal s-no-hover\" href=\"")
          .append(esc(href))
          .append("\"><span class=\"a-price\" data-a-size=\"xl\"><span class=\"a-offscreen\">")
          .append(euro(it.price()))
          .append("&nbsp;€</span><span aria-hidden=\"true\">")
          .append(split(it.price()))
          .append("</span></span>");
      if (it.listPrice() != null) {
        sb.append(" <span class=\"a-offscreen\">Recomendado: ")
            .append(euro(it.listPrice()))
            .append(
                "&nbsp;€</span><div class=\"a-section aok-inline-block\"><span class=\"a-size-base")
            .append(" a-color-secondary\">Recomendado: </span><span class=\"a-price a-text-price\"")
            .append(" data-a-strike=\"true\"><span class=\"a-offscreen\">")
            .append(euro(it.listPrice()))
            .append("&nbsp;€</span><span aria-hidden=\"true\">")
            .append(euro(it.listPrice()))
            .append("€</span></span></div>");
      }
      sb.append(
              "</a></div></div><div data-cy=\"delivery-recipe\"><div class=\"a-row\">Entrega GRATIS")
          .append(" el <span class=\"a-text-bold\">mar, ")
          .append(1 + i % 28)
          .append(" de nov</span></div></div></div></div></div></div></div></div>\n");
    }
    return sb.append("</div></body></html>\n").toString();
  }

  /**
   * The 2026 redesign: no {@code data-asin} and no {@code data-component-type} on the card (the
   * ASIN only in {@code data-csa-c-item-id} and the links), "best sellers" widget tiles in the same
   * card class, pictures lazy from the fifth card ({@code data-src}), the title's visible text cut
   * at 40 characters (whole only in {@code aria-label}, after "Anuncio patrocinado: " on ads), the
   * price only split ({@code 1.234} {@code ,} {@code 56} {@code €}), the seller's id in its shop
   * link's path, sales and the ad label under new class names.
   */
  static String mercadoNew(List<Item> items) {
    StringBuilder sb = head("Mercado.test : god of war");
    sb.append("<main id=\"search\"><div class=\"s-search-results s-grid\">\n");
    for (int i = 0; i < items.size(); i++) {
      Item it = items.get(i);
      if (i == 8 || i == 30) {
        sb.append(
                "<div class=\"s-card s-result-item s-widget\" data-csa-c-item-id=\"\" role=\"listitem\">")
            .append(
                "<div class=\"s-widget-head\">Los más vendidos en 2026</div><div class=\"s-widget-body\">")
            .append("<a href=\"/gp/bestsellers\">Ver todos (100)</a></div></div>\n");
      }
      String href = "/-/es/" + slug(it.title()) + "/dp/" + it.id() + "?ref=sr_1_" + (i + 1);
      String label = (it.sponsored() ? "Anuncio patrocinado: " : "") + it.title();
      String shown = it.title().length() > 40 ? it.title().substring(0, 40) + "…" : it.title();
      sb.append("<div class=\"s-card s-result-item puis-v2\" data-csa-c-item-id=\"amzn1.asin.1.")
          .append(it.id())
          .append("\" data-idx=\"")
          .append(i + 1)
          .append("\" role=\"listitem\"><div class=\"s-card-media\">");
      if (it.sponsored()) {
        sb.append(
            "<span class=\"s-sponsored-badge\" aria-label=\"Patrocinado\">Patrocinado</span>");
      }
      sb.append("<a class=\"s-card-link\" href=\"")
          .append(esc(href))
          .append("\"><img class=\"s-image\" ")
          .append(
              i < 4
                  ? "src=\"" + it.image() + "\""
                  : "src=\"data:image/svg+xml;charset=utf-8,%3Csvg%3E%3C/svg%3E\" data-src=\""
                      + it.image()
                      + "\"")
          .append(" alt=\"\"></a></div><div class=\"s-card-body\"><a class=\"s-title\" href=\"")
          .append(esc(href))
          .append("\"><h2 class=\"s-line-clamp-2\" aria-label=\"")
          .append(esc(label))
          .append("\">")
          .append(esc(shown))
          .append("</h2></a><div class=\"s-rating\"><span>4,")
          .append(i % 10)
          .append("</span><span class=\"s-rating-count\">(")
          .append(1000 + i * 37)
          .append(
              ")</span></div><div class=\"s-price-row\"><span class=\"a-price\" data-a-size=\"xl\">")
          .append(split(it.price()))
          .append("</span>");
      if (it.listPrice() != null) {
        sb.append("<span class=\"s-list-price\">PVP: <s>")
            .append(euro(it.listPrice()))
            .append(" €</s></span>");
      }
      sb.append("</div><div class=\"s-seller-row\">de <a href=\"https://www.mercado.test/shops/")
          .append(it.sellerId())
          .append("?ref=sr\">")
          .append(esc(it.seller()))
          .append("</a></div>");
      if (it.sales() != null) {
        sb.append("<div class=\"s-social-proof\">").append(it.sales()).append("</div>");
      }
      sb.append("<div class=\"s-delivery\">Recíbelo el ")
          .append(1 + i % 28)
          .append(" nov</div></div></div>\n");
    }
    return sb.append("</div></main></body></html>\n").toString();
  }

  // --- the JSON mall (after Taobao 2018, then AliExpress 2024) ----------------------------

  static List<Item> tienda() {
    Random rnd = new Random(2018);
    String[] words = {"斜挎包", "单肩包", "双肩包", "手提包", "钱包", "链条包", "托特包"};
    String[] shops = {"花心小铺箱包旗舰店", "潮包工厂店", "小鹿女包", "江南皮具", "时尚箱包专营店", "优品包袋"};
    long[] shopIds = new long[shops.length];
    for (int i = 0; i < shops.length; i++) {
      shopIds[i] = 1_000_000_000L + rnd.nextInt(999_999_999);
    }
    List<Item> items = new ArrayList<>();
    for (int i = 0; i < 44; i++) {
      boolean ad = i == 0 || i == 12 || i == 24 || i == 36;
      int s = rnd.nextInt(shops.length);
      String id =
          i == 24 ? items.get(3).id() : Long.toString(520_000_000_000L + rnd.nextInt(99_999_999));
      items.add(
          new Item(
              ad,
              id,
              i == 24
                  ? items.get(3).title()
                  : "2026新款韩版"
                      + words[rnd.nextInt(words.length)]
                      + "女包"
                      + (i % 2 == 0 ? "百搭" : "ins潮"),
              Long.toString(shopIds[s]),
              shops[s],
              i == 24 ? items.get(3).price() : BigDecimal.valueOf(rnd.nextInt(30_000) + 990, 2),
              null,
              "//g-search"
                  + (1 + rnd.nextInt(3))
                  + ".tienda-img.test/img/bao/uploaded/i4/TB1"
                  + token(rnd, 22)
                  + "_!!0-item_pic.jpg",
              (rnd.nextInt(9000) + 10) + "人付款"));
    }
    return items;
  }

  /** The 2018 design ({@code g_page_config}), which profiles/unseen/tienda.yml reads. */
  static String tiendaOld(List<Item> items) {
    ObjectNode root = JSON.createObjectNode();
    root.put("pageName", "mainsrp");
    ObjectNode mods = root.putObject("mods");
    ObjectNode data = mods.putObject("itemlist").put("status", "show").putObject("data");
    data.put("postFeeText", "运费");
    ArrayNode auctions = data.putArray("auctions");
    for (int i = 0; i < items.size(); i++) {
      Item it = items.get(i);
      if (i == 10 || i == 30) {
        ObjectNode promo = auctions.addObject();
        promo.putObject("activity").put("url", "//s.tienda.test/promo").put("title", "质优精选");
        promo.put("title", "质优精选");
      }
      ObjectNode a = auctions.addObject();
      a.putObject("i2iTags")
          .putObject("samestyle")
          .put("url", "/search?type=samestyle&app=i2i&nid=" + it.id());
      a.putArray("p4pTags");
      a.put("nid", it.id());
      a.put("category", "50012010");
      a.put("title", it.title().replace("女包", "<span class=H>女包</span>"));
      a.put("raw_title", it.title());
      a.put("pic_url", it.image());
      a.put("detail_url", "//detail.tienda.test/item.htm?id=" + it.id() + "&ad_id=&am_id=");
      a.put("view_price", it.price().toPlainString());
      a.put("view_fee", "0.00");
      a.put("item_loc", "广东 广州");
      a.put("view_sales", it.sales());
      a.put("comment_count", Integer.toString(100 + i * 13));
      a.put("user_id", it.sellerId());
      a.put("nick", it.seller());
      a.putObject("shopcard").put("isTmall", i % 3 == 0).put("sellerCredit", 15);
      if (it.sponsored()) {
        a.put("p4p", 1);
      }
    }
    mods.putObject("noresult").put("status", "hide");
    mods.putObject("pager").put("pageSize", 44).put("totalPage", 100);
    return root.toString();
  }

  /**
   * The 2026 API: the items under {@code data.result.mods.itemList.content}, ids and shop ids as
   * numbers, the title in {@code title.displayTitle}, the price as a number in {@code
   * prices.salePrice.minPrice} (and formatted beside it), the picture with https in {@code
   * image.imgUrl} and first in {@code images[]}, sales in {@code trade.tradeDesc}, the ad flag as
   * {@code trace.utLogMap.spBizType} ({@code p4p} / {@code normal}), banner tiles without a product
   * id among the items.
   */
  static String tiendaNew(List<Item> items) {
    ObjectNode root = JSON.createObjectNode();
    root.put("success", true);
    ObjectNode itemList =
        root.putObject("data").putObject("result").putObject("mods").putObject("itemList");
    ArrayNode content = itemList.putArray("content");
    for (int i = 0; i < items.size(); i++) {
      Item it = items.get(i);
      if (i == 7 || i == 33) {
        ObjectNode banner = content.addObject();
        banner.put("itemType", "banner");
        banner
            .putObject("banner")
            .put("imgUrl", "https://g-search1.tienda-img.test/banner/" + i + ".jpg");
      }
      ObjectNode c = content.addObject();
      c.put("itemType", "productV3");
      c.put("productId", Long.parseLong(it.id()));
      ObjectNode title = c.putObject("title");
      title.put("displayTitle", it.title());
      title.put("seoTitle", it.title() + " - 淘宝网");
      String https = "https:" + it.image();
      c.putObject("image").put("imgUrl", https).put("imgWidth", 350).put("imgHeight", 350);
      ArrayNode images = c.putArray("images");
      images.addObject().put("imgUrl", https);
      images.addObject().put("imgUrl", https.replace("_!!0-item_pic", "_!!1-item_pic"));
      ObjectNode prices = c.putObject("prices");
      prices
          .putObject("salePrice")
          .put("currencyCode", "CNY")
          .put("formattedPrice", "¥" + it.price().toPlainString())
          .put("minPrice", it.price().doubleValue());
      prices
          .putObject("originalPrice")
          .put("formattedPrice", "¥" + it.price().add(BigDecimal.TEN).toPlainString())
          .put("minPrice", it.price().add(BigDecimal.TEN));
      c.putObject("store")
          .put("storeUrl", "//shop.tienda.test/" + it.sellerId())
          .put("storeName", it.seller())
          .put("storeId", Long.parseLong(it.sellerId()));
      c.putObject("trade").put("tradeDesc", it.sales());
      c.putObject("evaluation").put("starRating", 4.1 + (i % 9) / 10.0);
      ObjectNode trace = c.putObject("trace");
      trace.putObject("utLogMap").put("spBizType", it.sponsored() ? "p4p" : "normal");
      trace
          .putObject("pdpParams")
          .put(
              "pdp_cdi",
              URLEncoder.encode(
                  "{\"itemId\":\"" + it.id() + "\",\"fromPage\":\"search\"}",
                  StandardCharsets.UTF_8));
    }
    itemList.put("page", 1).put("pageSize", 44);
    return root.toString();
  }

  /** What the old profile read, as the test expects the repaired one to read the redesign. */
  static List<Listing> truth(List<Item> items) {
    List<Listing> out = new ArrayList<>();
    int organic = 0;
    for (int i = 0; i < items.size(); i++) {
      Item it = items.get(i);
      out.add(
          new Listing(
              i + 1,
              it.sponsored() ? null : ++organic,
              it.sponsored(),
              it.id(),
              it.title(),
              it.sellerId(),
              it.seller(),
              it.price(),
              null,
              it.image(),
              it.sales()));
    }
    return out;
  }

  // --- helpers -----------------------------------------------------------------------------

  private static StringBuilder head(String title) {
    return new StringBuilder(64 * 1024)
        .append("<!doctype html><html lang=\"es\"><head><meta charset=\"utf-8\"><title>")
        .append(esc(title))
        .append("</title></head><body>\n");
  }

  /** {@code 1.234,56}: the decimal comma, the thousands dot. */
  static String euro(BigDecimal price) {
    String plain = price.setScale(2, RoundingMode.UNNECESSARY).toPlainString();
    String whole = plain.substring(0, plain.indexOf('.'));
    StringBuilder grouped = new StringBuilder();
    for (int i = 0; i < whole.length(); i++) {
      if (i > 0 && (whole.length() - i) % 3 == 0) {
        grouped.append('.');
      }
      grouped.append(whole.charAt(i));
    }
    return grouped + "," + plain.substring(plain.indexOf('.') + 1);
  }

  private static String split(BigDecimal price) {
    String e = euro(price);
    int comma = e.indexOf(',');
    return "<span class=\"a-price-whole\">"
        + e.substring(0, comma)
        + "<span class=\"a-price-decimal\">,</span></span><span class=\"a-price-fraction\">"
        + e.substring(comma + 1)
        + "</span><span class=\"a-price-symbol\">€</span>";
  }

  private static String slug(String title) {
    return title.replaceAll("[^\\p{L}\\p{N}]+", "-").replaceAll("^-|-$", "");
  }

  private static String token(Random rnd, int length) {
    String chars = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789";
    StringBuilder out = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      out.append(chars.charAt(rnd.nextInt(chars.length())));
    }
    return out.toString();
  }

  private static String esc(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
