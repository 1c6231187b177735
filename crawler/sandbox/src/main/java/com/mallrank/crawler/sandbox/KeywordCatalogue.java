package com.mallrank.crawler.sandbox;

import static com.mallrank.crawler.sandbox.MatrixAccounts.GUANGZHOU;
import static com.mallrank.crawler.sandbox.MatrixAccounts.HANGZHOU;
import static com.mallrank.crawler.sandbox.MatrixAccounts.YIWU;

import java.util.List;

/**
 * The tracked long-tail keywords (长尾词): each with the category its results come from and where the
 * matrix accounts are placed. The placements are deliberate so reports have something to find:
 * Top-20 coverage, near misses (ranks 21–50), two accounts fighting over one keyword, keywords
 * nobody covers, and one keyword without any result.
 */
final class KeywordCatalogue {

  /** Where a matrix listing sits in the baseline ranking of a keyword. */
  enum Band {
    /** Organic rank 2–8 at baseline; the race noise keeps it within the Top-20 positions. */
    TOP,
    /** Organic rank 30–40 at baseline; the race noise keeps it within ranks 21–50. */
    NEAR
  }

  /** One matrix account's listing in a keyword. */
  record Placement(String account, Band band) {}

  /**
   * One keyword.
   *
   * @param category where its results come from, {@code null} for a keyword with no results
   */
  record Spec(String keyword, Category category, List<Placement> placements) {}

  /** A keyword the mall has nothing for: always the empty page. */
  static final String NO_RESULTS_KEYWORD = "火星土壤盆栽礼盒";

  static final List<Spec> SPECS =
      List.of(
          spec("加厚羽绒服女长款", Category.WOMENS_DOWN, top(HANGZHOU), top(GUANGZHOU)),
          spec("白鸭绒羽绒服女短款", Category.WOMENS_DOWN, top(HANGZHOU), near(GUANGZHOU)),
          spec("羽绒服女小个子", Category.WOMENS_DOWN, near(GUANGZHOU)),
          spec("男士冲锋衣三合一", Category.MENS_OUTER),
          spec("男款棉服加厚外套", Category.MENS_OUTER),
          spec("工装夹克男春秋", Category.MENS_OUTER),
          spec("高领毛衣女内搭", Category.KNITWEAR, top(HANGZHOU)),
          spec("羊毛开衫女宽松", Category.KNITWEAR, near(HANGZHOU)),
          spec("男士圆领针织衫", Category.KNITWEAR),
          spec("敏感肌补水面霜", Category.SKINCARE),
          spec("烟酰胺美白精华液", Category.SKINCARE),
          spec("氨基酸洗面奶男", Category.SKINCARE),
          spec("哑光口红持久不掉色", Category.MAKEUP, top(HANGZHOU)),
          spec("气垫粉底液控油", Category.MAKEUP, near(HANGZHOU)),
          spec("防水睫毛膏纤长", Category.MAKEUP),
          spec("低脂全麦面包早餐", Category.SNACKS),
          spec("每日坚果混合装", Category.SNACKS),
          spec("麻辣牛肉干零食", Category.SNACKS),
          spec("无线蓝牙耳机降噪", Category.EARPHONES, top(GUANGZHOU)),
          spec("运动蓝牙耳机挂耳式", Category.EARPHONES, near(GUANGZHOU)),
          spec("游戏耳机有线带麦", Category.EARPHONES, top(GUANGZHOU)),
          spec("快充充电宝20000毫安", Category.PHONE_ACCESSORIES),
          spec("磁吸无线充电器", Category.PHONE_ACCESSORIES),
          spec("手机壳防摔透明", Category.PHONE_ACCESSORIES),
          spec("纯棉四件套床上用品", Category.HOME_TEXTILE, top(YIWU)),
          spec("冬季加厚珊瑚绒毛毯", Category.HOME_TEXTILE, near(YIWU)),
          spec("乳胶枕头护颈椎", Category.HOME_TEXTILE),
          spec("不粘锅炒锅家用", Category.KITCHEN),
          spec("家用电饭煲4升", Category.KITCHEN),
          spec("保温杯大容量男士", Category.KITCHEN),
          spec("洗衣凝珠持久留香", Category.CLEANING, top(YIWU)),
          spec("抽纸整箱批发家用", Category.CLEANING, top(YIWU)),
          spec("厨房湿巾去油污", Category.CLEANING, near(YIWU)),
          spec("老爹鞋女增高厚底", Category.SHOES, top(GUANGZHOU)),
          spec("男士休闲运动鞋透气", Category.SHOES, near(GUANGZHOU)),
          new Spec(NO_RESULTS_KEYWORD, null, List.of()));

  private KeywordCatalogue() {}

  private static Spec spec(String keyword, Category category, Placement... placements) {
    return new Spec(keyword, category, List.of(placements));
  }

  private static Placement top(String account) {
    return new Placement(account, Band.TOP);
  }

  private static Placement near(String account) {
    return new Placement(account, Band.NEAR);
  }
}
