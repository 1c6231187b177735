package com.mallrank.index.testing;

import com.mallrank.index.document.ListingDocument;
import com.mallrank.index.document.SampleDocument;
import com.mallrank.index.write.Snapshot;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Hand-made documents for tests: readable defaults, every field overridable. */
public final class Fixtures {

  public static final String GROUP = "winter";
  public static final String ANONYMOUS = "anonymous";
  public static final String PROFILE = "sandbox-static";

  private Fixtures() {}

  /** A sample with the given status and result count. */
  public static SampleDocument sample(
      Instant slot, String keyword, String vantage, String status, int resultCount) {
    return new SampleDocument(
        slot,
        keyword,
        List.of(GROUP),
        vantage,
        "sandbox-static",
        status,
        resultCount,
        1234L,
        200,
        status.equals("ok") ? null : "captcha-verify",
        "http://127.0.0.1/search?keyword=" + keyword,
        null,
        slot.plusSeconds(90),
        null);
  }

  /**
   * {@link #sample} on another site profile (surface): a sample of its own (slot × profile ×
   * keyword × vantage), never the default profile's.
   */
  public static SampleDocument sampleOn(
      String profile,
      Instant slot,
      String keyword,
      String vantage,
      String status,
      int resultCount) {
    return sample(slot, keyword, vantage, status, resultCount).withProfile(profile);
  }

  /** A sample of {@code status} with its first {@code count} listings (none for count 0). */
  public static Snapshot snapshot(
      Instant slot, String keyword, String vantage, String status, int count) {
    return new Snapshot(
        sample(slot, keyword, vantage, status, count), listings(slot, keyword, vantage, count));
  }

  /** An ok sample with {@code count} competitor listings at positions 1..count. */
  public static List<ListingDocument> listings(
      Instant slot, String keyword, String vantage, int count) {
    List<ListingDocument> listings = new ArrayList<>();
    for (int position = 1; position <= count; position++) {
      listings.add(listing(slot, keyword, vantage, position).build());
    }
    return listings;
  }

  /** A listing builder with defaults derived from the position (product {@code p<position>}). */
  public static Listing listing(Instant slot, String keyword, String vantage, int position) {
    return new Listing(slot, keyword, vantage, position);
  }

  /** A mutable builder for {@link ListingDocument}. */
  public static final class Listing {
    private final Instant slot;
    private final String keyword;
    private final String vantage;
    private final int position;
    private Integer organicRank;
    private boolean sponsored;
    private String productId;
    private String title;
    private String shopId;
    private String shopName;
    private Long priceFen;
    private Integer commissionBp;
    private String imageKey;
    private String imageHash;
    private String imageUrl;
    private String salesLabel = "已售1.2万";
    private String matrixAccount;

    private Listing(Instant slot, String keyword, String vantage, int position) {
      this.slot = Objects.requireNonNull(slot);
      this.keyword = Objects.requireNonNull(keyword);
      this.vantage = Objects.requireNonNull(vantage);
      this.position = position;
      this.organicRank = position;
      this.productId = "p" + position;
      this.title = keyword + " 商品 " + position;
      this.shopId = "shop-" + position;
      this.shopName = "店铺" + position;
      this.priceFen = 10_000L + position;
      this.commissionBp = 1000 + position;
      this.imageKey = "img/" + position + ".jpeg";
    }

    public Listing productId(String value) {
      this.productId = value;
      return this;
    }

    public Listing title(String value) {
      this.title = value;
      return this;
    }

    public Listing shop(String id, String name) {
      this.shopId = id;
      this.shopName = name;
      return this;
    }

    public Listing priceFen(Long value) {
      this.priceFen = value;
      return this;
    }

    public Listing commissionBp(Integer value) {
      this.commissionBp = value;
      return this;
    }

    public Listing imageKey(String value) {
      this.imageKey = value;
      return this;
    }

    /** Overrides the served URL (default: derived from the image key, signature {@code abc}). */
    public Listing imageUrl(String value) {
      this.imageUrl = value;
      return this;
    }

    public Listing imageHash(String value) {
      this.imageHash = value;
      return this;
    }

    public Listing sponsored() {
      this.sponsored = true;
      this.organicRank = null;
      return this;
    }

    public Listing organicRank(Integer value) {
      this.organicRank = value;
      return this;
    }

    public Listing matrixAccount(String value) {
      this.matrixAccount = value;
      return this;
    }

    public Listing salesLabel(String value) {
      this.salesLabel = value;
      return this;
    }

    public ListingDocument build() {
      return new ListingDocument(
          slot,
          keyword,
          GROUP,
          vantage,
          position,
          organicRank,
          sponsored,
          productId,
          title,
          shopId,
          shopName,
          priceFen,
          commissionBp,
          imageUrl != null
              ? imageUrl
              : imageKey == null
                  ? null
                  : "https://p3-ecom.sandbox-img.test/obj/" + imageKey + "?x-signature=abc",
          imageKey,
          salesLabel,
          matrixAccount,
          slot.plusSeconds(90),
          imageHash,
          null);
    }
  }
}
