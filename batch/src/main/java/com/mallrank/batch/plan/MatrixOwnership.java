package com.mallrank.batch.plan;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Looks up the matrix account that owns a listing: by product id first, then by shop id. */
public final class MatrixOwnership {

  private final Map<String, String> byProduct;
  private final Map<String, String> byShop;

  private MatrixOwnership(Map<String, String> byProduct, Map<String, String> byShop) {
    this.byProduct = byProduct;
    this.byShop = byShop;
  }

  public static MatrixOwnership of(List<MatrixAccount> accounts) {
    Map<String, String> byProduct = new HashMap<>();
    Map<String, String> byShop = new HashMap<>();
    for (MatrixAccount account : accounts) {
      account.productIds().forEach(p -> byProduct.put(p, account.id()));
      account.shopIds().forEach(s -> byShop.put(s, account.id()));
    }
    return new MatrixOwnership(Map.copyOf(byProduct), Map.copyOf(byShop));
  }

  /** The owning account id, or {@code null} for a competitor listing. */
  public String ownerOf(String productId, String shopId) {
    String owner = byProduct.get(productId);
    if (owner == null && shopId != null) {
      owner = byShop.get(shopId);
    }
    return owner;
  }
}
