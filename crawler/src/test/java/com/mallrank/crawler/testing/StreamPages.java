package com.mallrank.crawler.testing;

/**
 * Page documents of the Douyin app's goods-search stream, built by hand for tests: cards under
 * {@code page_data.feed_layer.sections[].items[]} with {@code ProductID}, {@code Title} and {@code
 * Price} (fen), and the paging flag {@code load_more_config.has_more} (douyin-notes §7). Card
 * {@code i} is {@code 36981234567890<10000 + i>} (19 digits), {@code 羽绒服 <i>}, {@code 1990 + i}
 * fen. Frame them with {@link TtnetFrames}.
 */
public final class StreamPages {

  private StreamPages() {}

  /** One page document with cards {@code from .. to-1}, without a paging flag. */
  public static String page(int from, int to) {
    return page(from, to, null);
  }

  /**
   * One page document with cards {@code from .. to-1}.
   *
   * @param hasMore {@code load_more_config.has_more}, or {@code null} for none
   */
  public static String page(int from, int to, Boolean hasMore) {
    StringBuilder items = new StringBuilder();
    for (int i = from; i < to; i++) {
      items
          .append(i == from ? "" : ",")
          .append("{\"ProductID\":\"")
          .append(id(i))
          .append("\",\"Title\":\"羽绒服 ")
          .append(i)
          .append("\",\"Price\":")
          .append(1990 + i)
          .append('}');
    }
    return "{\"page_data\":{\"feed_layer\":{\"sections\":[{\"items\":["
        + items
        + "]}]}}"
        + (hasMore == null ? "" : ",\"load_more_config\":{\"has_more\":" + hasMore + "}")
        + "}";
  }

  /** The product id of card {@code i}. */
  public static String id(int i) {
    return "36981234567890" + (10000 + i);
  }
}
