package com.mallrank.crawler.sandbox;

import java.util.List;

/**
 * The three matrix accounts (矩阵账号) of the sandbox seller and the shops each one runs. Shop ids are
 * generated from the world seed; names and categories are fixed here.
 */
final class MatrixAccounts {

  static final String HANGZHOU = "mx-hangzhou";
  static final String YIWU = "mx-yiwu";
  static final String GUANGZHOU = "mx-guangzhou";

  /** Products each matrix shop lists in its category. */
  static final int PRODUCTS_PER_SHOP = 5;

  /** One matrix shop before its id is generated. */
  record ShopSpec(String account, String name, Category category) {}

  static final List<ShopSpec> SHOPS =
      List.of(
          new ShopSpec(HANGZHOU, "杭州雪绒里女装旗舰店", Category.WOMENS_DOWN),
          new ShopSpec(HANGZHOU, "织语针织女装店", Category.KNITWEAR),
          new ShopSpec(HANGZHOU, "西子妆研美妆专营店", Category.MAKEUP),
          new ShopSpec(YIWU, "义乌优家百货专营店", Category.CLEANING),
          new ShopSpec(YIWU, "暖居家纺义乌旗舰店", Category.HOME_TEXTILE),
          new ShopSpec(GUANGZHOU, "声浪数码广州旗舰店", Category.EARPHONES),
          new ShopSpec(GUANGZHOU, "潮步鞋业工厂店", Category.SHOES),
          new ShopSpec(GUANGZHOU, "羊城羽衣服饰店", Category.WOMENS_DOWN));

  static final List<String> ACCOUNTS = List.of(HANGZHOU, YIWU, GUANGZHOU);

  private MatrixAccounts() {}
}
