package com.mallrank.batch.report;

import java.time.Instant;

/** The hourly slots, keywords and vantage the report ITs write their fixtures with. */
final class FixtureSlots {

  static final Instant T0 = Instant.parse("2026-11-28T05:00:00Z");
  static final Instant T1 = T0.plusSeconds(3600);
  static final Instant T2 = T1.plusSeconds(3600);
  static final Instant T3 = T2.plusSeconds(3600);
  static final String A = "加厚羽绒服女长款";
  static final String B = "高领毛衣女内搭";
  static final String C = "火星土壤盆栽礼盒";
  static final String ANON = "anonymous";

  private FixtureSlots() {}
}
