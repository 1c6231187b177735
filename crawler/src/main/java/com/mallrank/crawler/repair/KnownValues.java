package com.mallrank.crawler.repair;

import com.mallrank.crawler.image.ImageKey;
import com.mallrank.crawler.model.Listing;
import com.mallrank.crawler.profile.FieldName;
import java.math.BigDecimal;

/**
 * A known listing's value of a field in the form the extractor stores it, and when a value read
 * from the new page agrees with it: ids and texts exactly, prices and rates as numbers ({@code 299}
 * = {@code 299.00}), images by their {@link ImageKey} (a CDN re-signs the same picture on every
 * request: host shard, expiry and signature change, the picture does not).
 */
final class KnownValues {

  private KnownValues() {}

  /** The value, or {@code null} when the listing has none. */
  static String of(Listing listing, FieldName field) {
    return switch (field) {
      case PRODUCT_ID -> listing.productId();
      case TITLE -> listing.title();
      case SHOP_ID -> listing.shopId();
      case SHOP_NAME -> listing.shopName();
      case PRICE -> plain(listing.price());
      case COMMISSION -> plain(listing.commissionRate());
      case IMAGE -> listing.imageUrl();
      case SALES -> listing.salesLabel();
    };
  }

  /** Whether a value read from the page (numbers normalised to yuan/percent) is the known one. */
  static boolean agree(FieldName field, String known, String found) {
    if (known == null || found == null) {
      return false;
    }
    return switch (field) {
      case PRICE, COMMISSION -> numbersEqual(known, found);
      case IMAGE -> imagesEqual(known, found);
      default -> known.equals(found);
    };
  }

  /** Whether the field is a number (price, commission). */
  static boolean numeric(FieldName field) {
    return field == FieldName.PRICE || field == FieldName.COMMISSION;
  }

  private static boolean numbersEqual(String a, String b) {
    try {
      return new BigDecimal(a).compareTo(new BigDecimal(b)) == 0;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static boolean imagesEqual(String a, String b) {
    ImageKey ka = ImageKey.of(a);
    ImageKey kb = ImageKey.of(b);
    return ka != null ? ka.equals(kb) : a.equals(b);
  }

  private static String plain(BigDecimal value) {
    return value == null ? null : value.toPlainString();
  }
}
