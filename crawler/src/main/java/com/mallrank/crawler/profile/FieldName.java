package com.mallrank.crawler.profile;

import java.util.Optional;

/** The card fields a profile may extract, with their YAML keys. */
public enum FieldName {
  PRODUCT_ID("product-id"),
  TITLE("title"),
  SHOP_ID("shop-id"),
  SHOP_NAME("shop-name"),
  /** A price; unit {@code yuan} (the currency's main unit, default) or {@code fen}. */
  PRICE("price"),
  /** A commission rate; unit {@code percent} (default) or {@code basis-points}. */
  COMMISSION("commission"),
  IMAGE("image"),
  SALES("sales");

  private final String key;

  FieldName(String key) {
    this.key = key;
  }

  /** The kebab-case YAML key. */
  public String key() {
    return key;
  }

  /** The field for a YAML key, or empty for an unknown key. */
  public static Optional<FieldName> fromKey(String key) {
    for (FieldName name : values()) {
      if (name.key.equals(key)) {
        return Optional.of(name);
      }
    }
    return Optional.empty();
  }
}
