package com.mallrank.crawler.sandbox;

import java.util.List;

/**
 * A product category of the sandbox catalogue with the vocabulary its titles and shop names are
 * built from, and its realistic price and commission ranges.
 */
enum Category {
  WOMENS_DOWN(
      List.of("羽绒服女", "长款羽绒服女", "短款羽绒服女", "白鸭绒羽绒服女", "轻薄羽绒服女", "面包服羽绒服女"),
      List.of("加厚", "过膝", "小个子", "连帽", "大毛领", "宽松", "显瘦", "白鸭绒", "白鹅绒", "90绒", "韩版", "收腰", "长款"),
      List.of("保暖外套", "冬装外套", "面包服", "冬季外套女", "防寒服"),
      List.of("暖冬", "雪绒", "北境", "云朵", "初雪", "绒语"),
      List.of("女装旗舰店", "官方旗舰店", "服饰专营店", "女装店"),
      199,
      1299,
      8,
      25),
  MENS_OUTER(
      List.of("冲锋衣男", "三合一冲锋衣", "棉服男", "工装夹克男", "加厚外套男", "羊羔毛外套男"),
      List.of("防风防水", "三合一", "可拆卸内胆", "加厚", "春秋", "户外", "宽松", "立领", "连帽", "大码", "潮牌"),
      List.of("登山服", "外套", "夹克", "棉衣", "男装"),
      List.of("山野", "行者", "极地", "峰途", "野径"),
      List.of("户外旗舰店", "男装专营店", "官方旗舰店", "服饰店"),
      129,
      899,
      8,
      25),
  KNITWEAR(
      List.of("高领毛衣女", "羊毛开衫女", "针织衫男", "圆领毛衣男", "半高领打底衫女", "马海毛毛衣女"),
      List.of("内搭", "宽松", "慵懒风", "加厚", "纯羊毛", "百搭", "修身", "软糯", "秋冬", "圆领", "外穿"),
      List.of("打底衫", "针织上衣", "毛衣外套", "开衫外套", "针织衫"),
      List.of("织暖", "绵羊", "毛线球", "温言", "软糯"),
      List.of("针织旗舰店", "服饰专营店", "女装店", "羊毛衫工厂店"),
      59,
      599,
      10,
      30),
  SKINCARE(
      List.of("补水面霜", "烟酰胺精华液", "洗面奶男", "氨基酸洗面奶", "修护面霜", "玻尿酸精华"),
      List.of("敏感肌", "保湿", "美白", "提亮", "控油", "祛痘", "温和", "深层清洁", "修护屏障", "学生党", "补水"),
      List.of("护肤品", "正品", "官方正品", "50ml", "女男通用"),
      List.of("水漾", "肌源", "素颜", "植萃", "净澈"),
      List.of("护肤旗舰店", "美妆专营店", "官方旗舰店", "化妆品店"),
      39,
      459,
      15,
      40),
  MAKEUP(
      List.of("哑光口红", "丝绒唇釉", "气垫粉底液", "粉底液", "睫毛膏", "眼线笔"),
      List.of("持久不掉色", "不沾杯", "控油", "遮瑕", "防水", "纤长", "卷翘", "显白", "平价", "学生", "哑光"),
      List.of("彩妆", "正品", "礼盒装", "小样", "女"),
      List.of("绯色", "花间", "朱颜", "星眸", "蜜桃"),
      List.of("彩妆旗舰店", "美妆专营店", "官方旗舰店", "美妆店"),
      29,
      399,
      15,
      40),
  SNACKS(
      List.of("全麦面包", "每日坚果", "牛肉干", "魔芋爽", "鸭脖", "燕麦片"),
      List.of("低脂", "无蔗糖", "早餐", "混合装", "麻辣", "五香", "手撕", "休闲", "办公室", "独立小包装", "整箱"),
      List.of("零食大礼包", "代餐", "休闲零食", "网红零食", "健康零食"),
      List.of("馋嘴", "小食光", "果仁", "麦香", "辣妹子"),
      List.of("食品旗舰店", "零食专营店", "官方旗舰店", "食品店"),
      9,
      129,
      10,
      35),
  EARPHONES(
      List.of("无线蓝牙耳机", "降噪耳机", "运动蓝牙耳机", "挂耳式耳机", "游戏耳机", "头戴式耳机"),
      List.of("主动降噪", "入耳式", "超长续航", "挂耳式", "骨传导", "有线", "带麦", "低延迟", "电竞", "半入耳", "降噪"),
      List.of("适用苹果华为", "男女通用", "2026新款", "运动跑步", "高音质"),
      List.of("声浪", "音悦", "听风", "律动", "静听"),
      List.of("数码旗舰店", "数码专营店", "官方旗舰店", "电子店"),
      49,
      899,
      3,
      20),
  PHONE_ACCESSORIES(
      List.of("充电宝", "磁吸无线充电器", "手机壳", "数据线", "快充充电器"),
      List.of("20000毫安", "快充", "大容量", "磁吸", "超薄", "防摔", "透明", "自带线", "便携", "22.5W"),
      List.of("适用苹果华为", "小巧便携", "移动电源", "全包", "耐用"),
      List.of("电小满", "快充侠", "极能", "随行", "恒电"),
      List.of("数码配件旗舰店", "配件专营店", "官方旗舰店", "数码店"),
      19,
      299,
      5,
      25),
  HOME_TEXTILE(
      List.of("四件套", "床上用品", "珊瑚绒毛毯", "乳胶枕头", "冬被", "牛奶绒四件套"),
      List.of("纯棉", "全棉", "加厚", "冬季", "护颈椎", "泰国", "单人", "双人", "亲肤", "简约", "床上用品"),
      List.of("宿舍", "家用", "床单被套", "午睡毯", "家纺"),
      List.of("棉语", "暖居", "安眠", "梦乡", "织梦"),
      List.of("家纺旗舰店", "家居专营店", "官方旗舰店", "家纺店"),
      39,
      699,
      8,
      30),
  KITCHEN(
      List.of("不粘锅", "炒锅", "电饭煲", "保温杯", "空气炸锅", "砧板"),
      List.of("家用", "麦饭石", "电磁炉通用", "4升", "智能预约", "大容量", "316不锈钢", "男士", "可视", "多功能"),
      List.of("厨房用品", "正品", "学生", "礼盒装", "厨具"),
      List.of("厨乐", "锅先生", "炊烟", "食刻", "灶神"),
      List.of("厨具旗舰店", "家电专营店", "官方旗舰店", "厨房用品店"),
      29,
      599,
      5,
      25),
  CLEANING(
      List.of("洗衣凝珠", "洗衣液", "抽纸", "厨房湿巾", "油污净", "洗洁精"),
      List.of("持久留香", "浓缩", "整箱", "批发", "家用", "去油污", "一次性", "母婴可用", "除菌", "实惠装"),
      List.of("家庭装", "囤货装", "大包装", "官方正品", "整箱装"),
      List.of("净丽", "白云朵", "洁宝", "清风徐", "家净"),
      List.of("日用旗舰店", "百货专营店", "官方旗舰店", "日化店"),
      9,
      99,
      10,
      35),
  SHOES(
      List.of("老爹鞋女", "运动鞋男", "休闲鞋男", "板鞋女", "跑步鞋", "小白鞋女"),
      List.of("增高", "厚底", "透气", "网面", "轻便", "百搭", "软底", "防滑", "ins潮", "春秋", "运动"),
      List.of("运动鞋", "休闲鞋", "学生鞋", "新款", "鞋子"),
      List.of("步云", "轻跃", "潮步", "疾风", "踏浪"),
      List.of("鞋业旗舰店", "鞋类专营店", "官方旗舰店", "工厂店"),
      59,
      599,
      8,
      25);

  final List<String> cores;
  final List<String> attributes;
  final List<String> tails;
  final List<String> shopWords;
  final List<String> shopSuffixes;
  final int minPrice;
  final int maxPrice;
  final int minCommission;
  final int maxCommission;

  Category(
      List<String> cores,
      List<String> attributes,
      List<String> tails,
      List<String> shopWords,
      List<String> shopSuffixes,
      int minPrice,
      int maxPrice,
      int minCommission,
      int maxCommission) {
    this.cores = cores;
    this.attributes = attributes;
    this.tails = tails;
    this.shopWords = shopWords;
    this.shopSuffixes = shopSuffixes;
    this.minPrice = minPrice;
    this.maxPrice = maxPrice;
    this.minCommission = minCommission;
    this.maxCommission = maxCommission;
  }

  /** The category whose products fill a keyword's pool after its own (related search results). */
  Category sibling() {
    return switch (this) {
      case WOMENS_DOWN -> KNITWEAR;
      case MENS_OUTER -> SHOES;
      case KNITWEAR -> WOMENS_DOWN;
      case SKINCARE -> MAKEUP;
      case MAKEUP -> SKINCARE;
      case SNACKS -> KITCHEN;
      case EARPHONES -> PHONE_ACCESSORIES;
      case PHONE_ACCESSORIES -> EARPHONES;
      case HOME_TEXTILE -> CLEANING;
      case KITCHEN -> CLEANING;
      case CLEANING -> HOME_TEXTILE;
      case SHOES -> MENS_OUTER;
    };
  }
}
