package com.mallrank.crawler.sandbox;

/**
 * A shop of the catalogue.
 *
 * @param shopId the 19-digit shop id
 * @param name the Chinese shop name
 * @param category the category it mainly sells
 * @param matrixAccount the owning matrix account id, or {@code null} for a competitor shop
 */
record Shop(String shopId, String name, Category category, String matrixAccount) {

  boolean isMatrix() {
    return matrixAccount != null;
  }
}
