package com.mallrank.crawler.sandbox;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/** The generated shops and products, looked up by id or category. Immutable. */
final class Catalogue {

  private final Map<String, Shop> shops = new LinkedHashMap<>();
  private final Map<String, Product> products = new LinkedHashMap<>();
  private final Map<Category, List<Product>> byCategory = new EnumMap<>(Category.class);

  Catalogue(List<Shop> shops, List<Product> products) {
    shops.forEach(s -> this.shops.put(s.shopId(), s));
    for (Product p : products) {
      this.products.put(p.productId(), p);
      byCategory.computeIfAbsent(p.category(), c -> new ArrayList<>()).add(p);
    }
    byCategory.replaceAll((c, list) -> List.copyOf(list));
  }

  List<Shop> shops() {
    return List.copyOf(shops.values());
  }

  List<Product> products() {
    return List.copyOf(products.values());
  }

  List<Product> inCategory(Category category) {
    return byCategory.getOrDefault(category, List.of());
  }

  Product product(String productId) {
    Product p = products.get(productId);
    if (p == null) {
      throw new NoSuchElementException("no sandbox product " + productId);
    }
    return p;
  }

  /** Matrix account id → its shop ids, accounts in {@link MatrixAccounts#ACCOUNTS} order. */
  Map<String, Set<String>> matrixAccountShops() {
    Map<String, Set<String>> result = new LinkedHashMap<>();
    for (String account : MatrixAccounts.ACCOUNTS) {
      Set<String> ids = new LinkedHashSet<>();
      shops.values().stream()
          .filter(s -> account.equals(s.matrixAccount()))
          .forEach(s -> ids.add(s.shopId()));
      result.put(account, Collections.unmodifiableSet(ids));
    }
    return Collections.unmodifiableMap(result);
  }
}
