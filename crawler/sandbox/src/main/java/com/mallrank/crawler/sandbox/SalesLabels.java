package com.mallrank.crawler.sandbox;

/** Formats sold units as Douyin shows them: {@code 已售356}, {@code 已售1.2万}, {@code 已售12万}. */
final class SalesLabels {

  private SalesLabels() {}

  static String format(long sold) {
    if (sold < 10_000) {
      return "已售" + sold;
    }
    if (sold < 100_000) {
      long tenthsOfWan = sold / 1_000;
      return tenthsOfWan % 10 == 0
          ? "已售" + tenthsOfWan / 10 + "万"
          : "已售" + tenthsOfWan / 10 + "." + tenthsOfWan % 10 + "万";
    }
    return "已售" + sold / 10_000 + "万";
  }
}
