package com.mallrank.crawler.sandbox;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Generates the seeded catalogue: competitor shops spread over the categories, the matrix shops of
 * {@link MatrixAccounts}, and {@link #PRODUCTS_PER_CATEGORY} products per category with realistic
 * long-tail titles, prices, commission rates, image keys and sales.
 */
final class CatalogueGenerator {

  static final int COMPETITOR_SHOPS = 40;
  static final int PRODUCTS_PER_CATEGORY = 52;

  private static final List<String> TITLE_PREFIXES =
      List.of("", "", "", "2026新款", "【官方正品】", "爆款", "【包邮】", "热卖", "【品牌直营】");
  private static final List<String> PRICE_ENDINGS = List.of(".00", ".90", ".99", ".80", ".50");
  private static final long ID_SPACE = 100_000_000_000_000_000L; // 17 digits after a 2-digit prefix

  private final long seed;
  private final Set<String> usedIds = new HashSet<>();

  CatalogueGenerator(long seed) {
    this.seed = seed;
  }

  Catalogue generate() {
    List<Shop> shops = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (MatrixAccounts.ShopSpec spec : MatrixAccounts.SHOPS) {
      names.add(spec.name());
      shops.add(
          new Shop(id("72", "shop", spec.name()), spec.name(), spec.category(), spec.account()));
    }
    Category[] categories = Category.values();
    for (int i = 0; i < COMPETITOR_SHOPS; i++) {
      Category category = categories[i % categories.length];
      String name = shopName(category, i, names);
      shops.add(new Shop(id("72", "shop", name), name, category, null));
    }
    List<Product> products = new ArrayList<>();
    for (Category category : categories) {
      products.addAll(productsOf(category, shops));
    }
    return new Catalogue(shops, products);
  }

  private List<Product> productsOf(Category category, List<Shop> shops) {
    List<Shop> matrix =
        shops.stream().filter(s -> s.category() == category && s.isMatrix()).toList();
    List<Shop> competitors =
        shops.stream().filter(s -> s.category() == category && !s.isMatrix()).toList();
    List<Product> result = new ArrayList<>();
    Set<String> titles = new LinkedHashSet<>();
    for (int i = 0; i < PRODUCTS_PER_CATEGORY; i++) {
      SplittableRandom rnd = new SplittableRandom(Seeds.of(seed, "product", category.name(), i));
      int matrixSlots = matrix.size() * MatrixAccounts.PRODUCTS_PER_SHOP;
      Shop shop =
          i < matrixSlots
              ? matrix.get(i / MatrixAccounts.PRODUCTS_PER_SHOP)
              : competitors.get(rnd.nextInt(competitors.size()));
      String title = title(category, rnd);
      while (!titles.add(title)) {
        title = title(category, rnd);
      }
      String productId = id("36", "product", category.name() + i);
      result.add(
          new Product(
              productId,
              shop,
              category,
              title,
              price(category, rnd),
              commission(category, rnd),
              ImageKeys.key(seed, productId, 0),
              sales(rnd),
              0));
    }
    return result.stream().map(this::withSalesRate).toList();
  }

  private Product withSalesRate(Product p) {
    SplittableRandom rnd = new SplittableRandom(Seeds.of(seed, "salesRate", p.productId()));
    int perDay = (int) Math.max(1, p.baseSales() / (365 + rnd.nextInt(3000)));
    return new Product(
        p.productId(),
        p.shop(),
        p.category(),
        p.title(),
        p.listPrice(),
        p.commissionRate(),
        p.imageKey(),
        p.baseSales(),
        perDay);
  }

  private static String title(Category c, SplittableRandom rnd) {
    List<String> attrs = new ArrayList<>(c.attributes);
    StringBuilder sb = new StringBuilder(pick(TITLE_PREFIXES, rnd));
    sb.append(attrs.remove(rnd.nextInt(attrs.size())));
    sb.append(pick(c.cores, rnd));
    int more = 1 + rnd.nextInt(3);
    for (int k = 0; k < more; k++) {
      sb.append(attrs.remove(rnd.nextInt(attrs.size())));
    }
    return sb.append(pick(c.tails, rnd)).toString();
  }

  private static BigDecimal price(Category c, SplittableRandom rnd) {
    // Skewed towards the cheap end, as real listings are.
    double u = rnd.nextDouble();
    int yuan = c.minPrice + (int) ((c.maxPrice - c.minPrice) * u * u);
    return Amounts.yuan(new BigDecimal(yuan + pick(PRICE_ENDINGS, rnd)));
  }

  private static BigDecimal commission(Category c, SplittableRandom rnd) {
    int tenths = c.minCommission * 10 + rnd.nextInt((c.maxCommission - c.minCommission) * 10 + 1);
    if (rnd.nextBoolean()) {
      tenths = Math.max(10, Math.round(tenths / 10f) * 10);
    }
    return Amounts.percent(tenths);
  }

  private static long sales(SplittableRandom rnd) {
    double lo = Math.log(20);
    double hi = Math.log(300_000);
    return Math.round(Math.exp(lo + rnd.nextDouble() * (hi - lo)));
  }

  private String shopName(Category c, int index, Set<String> names) {
    SplittableRandom rnd = new SplittableRandom(Seeds.of(seed, "shopName", index));
    for (int attempt = 0; ; attempt++) {
      String name = pick(c.shopWords, rnd) + pick(c.shopSuffixes, rnd);
      if (attempt > 20) {
        name = pick(c.shopWords, rnd) + (index + 1) + "号" + pick(c.shopSuffixes, rnd);
      }
      if (names.add(name)) {
        return name;
      }
    }
  }

  /** A unique 19-digit id: a 2-digit prefix and 17 seeded digits. */
  private String id(String prefix, String kind, String name) {
    for (int attempt = 0; ; attempt++) {
      long n = Math.floorMod(Seeds.of(seed, kind, name, attempt), ID_SPACE);
      String id = prefix + String.format("%017d", n);
      if (usedIds.add(id)) {
        return id;
      }
    }
  }

  private static <T> T pick(List<T> list, SplittableRandom rnd) {
    return list.get(rnd.nextInt(list.size()));
  }
}
