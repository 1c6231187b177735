package com.mallrank.index.schema;

/**
 * The field names of the index templates ({@code mallrank/index/templates/*.json}), one constant
 * per field: every query, filter, sort, aggregation source and script of the index module names a
 * field through these, so a renamed field is one edit here and in its template. {@code FieldsTest}
 * parses the templates and fails when a constant names no field or a field has no constant. The
 * documents' JSON names follow from their record components (snake_case).
 */
public final class Fields {

  /** {@code slot} (samples, listings, changes, slots). */
  public static final String SLOT = "slot";

  /** {@code keyword} (samples, listings, changes, daily). */
  public static final String KEYWORD = "keyword";

  /** {@code group} (samples, listings, changes, daily, slots). */
  public static final String GROUP = "group";

  /** {@code vantage} (samples, listings, changes, daily). */
  public static final String VANTAGE = "vantage";

  /** {@code profile} (samples, listings, changes, daily, slots). */
  public static final String PROFILE = "profile";

  /** {@code status} (samples). */
  public static final String STATUS = "status";

  /** {@code result_count} (samples). */
  public static final String RESULT_COUNT = "result_count";

  /** {@code duration_ms} (samples). */
  public static final String DURATION_MS = "duration_ms";

  /** {@code http_status} (samples). */
  public static final String HTTP_STATUS = "http_status";

  /** {@code marker} (samples). */
  public static final String MARKER = "marker";

  /** {@code url} (samples). */
  public static final String URL = "url";

  /** {@code detail} (samples). */
  public static final String DETAIL = "detail";

  /** {@code sampled_at} (samples, listings). */
  public static final String SAMPLED_AT = "sampled_at";

  /** {@code evidence_path} (samples). */
  public static final String EVIDENCE_PATH = "evidence_path";

  /** {@code position} (listings). */
  public static final String POSITION = "position";

  /** {@code organic_rank} (listings). */
  public static final String ORGANIC_RANK = "organic_rank";

  /** {@code sponsored} (listings, changes). */
  public static final String SPONSORED = "sponsored";

  /** {@code product_id} (listings, changes, daily). */
  public static final String PRODUCT_ID = "product_id";

  /** {@code title} (listings, changes). */
  public static final String TITLE = "title";

  /** {@code shop_id} (listings, changes). */
  public static final String SHOP_ID = "shop_id";

  /** {@code shop_name} (listings, changes). */
  public static final String SHOP_NAME = "shop_name";

  /** {@code price_fen} (listings). */
  public static final String PRICE_FEN = "price_fen";

  /** {@code commission_bp} (listings). */
  public static final String COMMISSION_BP = "commission_bp";

  /** {@code image_url} (listings). */
  public static final String IMAGE_URL = "image_url";

  /** {@code image_key} (listings). */
  public static final String IMAGE_KEY = "image_key";

  /** {@code image_hash} (listings). */
  public static final String IMAGE_HASH = "image_hash";

  /** {@code sales_label} (listings). */
  public static final String SALES_LABEL = "sales_label";

  /**
   * {@code sales_count} (listings): the sales label as a number, its lower bound ({@code 已售1.2万} →
   * 12000; {@code ListingDocument#salesCount}).
   */
  public static final String SALES_COUNT = "sales_count";

  /** {@code matrix_account} (listings, changes, daily). */
  public static final String MATRIX_ACCOUNT = "matrix_account";

  /** {@code previous_slot} (changes). */
  public static final String PREVIOUS_SLOT = "previous_slot";

  /** {@code kind} (changes). */
  public static final String KIND = "kind";

  /** {@code old_value} (changes). */
  public static final String OLD_VALUE = "old_value";

  /** {@code new_value} (changes). */
  public static final String NEW_VALUE = "new_value";

  /** {@code rank_before} (changes). */
  public static final String RANK_BEFORE = "rank_before";

  /** {@code rank_after} (changes). */
  public static final String RANK_AFTER = "rank_after";

  /** {@code organic_rank_before} (changes). */
  public static final String ORGANIC_RANK_BEFORE = "organic_rank_before";

  /** {@code organic_rank_after} (changes). */
  public static final String ORGANIC_RANK_AFTER = "organic_rank_after";

  /** {@code detected_at} (changes). */
  public static final String DETECTED_AT = "detected_at";

  /** {@code day} (daily). */
  public static final String DAY = "day";

  /** {@code best_position} (daily). */
  public static final String BEST_POSITION = "best_position";

  /** {@code worst_position} (daily). */
  public static final String WORST_POSITION = "worst_position";

  /** {@code avg_position} (daily). */
  public static final String AVG_POSITION = "avg_position";

  /** {@code slots_seen} (daily). */
  public static final String SLOTS_SEEN = "slots_seen";

  /** {@code last_price_fen} (daily). */
  public static final String LAST_PRICE_FEN = "last_price_fen";

  /** {@code last_commission_bp} (daily). */
  public static final String LAST_COMMISSION_BP = "last_commission_bp";

  /** {@code outcome} (slots): {@code on_time}, {@code late} or {@code missed}. */
  public static final String OUTCOME = "outcome";

  /** {@code judged_at} (slots): when the scheduler judged the slot. */
  public static final String JUDGED_AT = "judged_at";

  private Fields() {}
}
