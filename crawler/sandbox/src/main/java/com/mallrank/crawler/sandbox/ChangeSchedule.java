package com.mallrank.crawler.sandbox;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * The deterministic change schedule of competitor products. Each (product, field) is either static
 * or has a period and a phase; time is cut into epochs of that period, and a field shows its base
 * value in even epochs and a variant in odd ones (a promotion, a commission bump, a test picture, a
 * promotional title). Consecutive epochs therefore always differ, every epoch boundary is a change,
 * and the state at a slot needs no history: it is a pure function of (product, slot). Matrix
 * products never change.
 */
final class ChangeSchedule {

  /** Sales labels count from here: {@link Product#baseSales()} units sold at this instant. */
  static final Instant SALES_EPOCH = Instant.parse("2026-01-01T00:00:00Z");

  private static final List<String> TITLE_MARKERS =
      List.of("【限时秒杀】", "【新品首发】", "【今日特价】", "【直播同款】", "【领券立减】");

  private final long seed;

  ChangeSchedule(long seed) {
    this.seed = seed;
  }

  ProductState state(Product p, Instant slot) {
    long hour = SandboxClock.hourIndex(slot);
    return new ProductState(
        p.productId(),
        title(p, hour),
        price(p, hour),
        commission(p, hour),
        image(p, hour),
        SalesLabels.format(sold(p, slot)));
  }

  /** Every change of the given products in slots {@code (fromSlot, toSlot]}, in time order. */
  List<ScheduledChange> changes(Collection<Product> products, Instant fromSlot, Instant toSlot) {
    long from = SandboxClock.hourIndex(fromSlot);
    long to = SandboxClock.hourIndex(toSlot);
    List<ScheduledChange> result = new ArrayList<>();
    for (Product p : products) {
      for (ChangeField field : ChangeField.values()) {
        Period period = period(p, field);
        if (period == null) {
          continue;
        }
        for (long e = period.epoch(from) + 1; e <= period.epoch(to); e++) {
          long hour = period.start(e);
          result.add(
              new ScheduledChange(
                  Instant.ofEpochSecond(hour * 3600),
                  p.productId(),
                  field,
                  value(p, field, hour - 1),
                  value(p, field, hour)));
        }
      }
    }
    result.sort(
        Comparator.comparing(ScheduledChange::slot)
            .thenComparing(ScheduledChange::productId)
            .thenComparing(ScheduledChange::field));
    return result;
  }

  private String value(Product p, ChangeField field, long hour) {
    return switch (field) {
      case PRICE -> price(p, hour).toPlainString();
      case COMMISSION -> commission(p, hour).toPlainString();
      case IMAGE -> image(p, hour);
      case TITLE -> title(p, hour);
    };
  }

  private BigDecimal price(Product p, long hour) {
    long e = variantEpoch(p, ChangeField.PRICE, hour);
    if (e == 0) {
      return p.listPrice();
    }
    // A promotion: 5–25 % off, ending in .90, always below the list price.
    double factor = 0.75 + 0.20 * Seeds.unit(Seeds.of(seed, "promo", p.productId(), e));
    BigDecimal promo =
        p.listPrice()
            .multiply(BigDecimal.valueOf(factor))
            .setScale(0, RoundingMode.FLOOR)
            .subtract(new BigDecimal("0.10"));
    return Amounts.yuan(promo.signum() > 0 ? promo : new BigDecimal("0.90"));
  }

  private BigDecimal commission(Product p, long hour) {
    long e = variantEpoch(p, ChangeField.COMMISSION, hour);
    int base = Amounts.tenths(p.commissionRate());
    if (e == 0) {
      return p.commissionRate();
    }
    int[] deltas = {-50, -30, -20, 20, 30, 50, 80, 15, -15};
    int changed =
        base + deltas[Seeds.below(Seeds.of(seed, "cos", p.productId(), e), deltas.length)];
    changed = Math.max(10, Math.min(400, changed));
    if (changed == base) {
      changed = base == 400 ? 390 : base + 10;
    }
    return Amounts.percent(changed);
  }

  private String image(Product p, long hour) {
    long e = variantEpoch(p, ChangeField.IMAGE, hour);
    return e == 0 ? p.imageKey() : ImageKeys.key(seed, p.productId(), e);
  }

  private String title(Product p, long hour) {
    long e = variantEpoch(p, ChangeField.TITLE, hour);
    if (e == 0) {
      return p.title();
    }
    long h = Seeds.of(seed, "titleMarker", p.productId(), e);
    // A promotional marker replaces any marker the title already starts with.
    String plain =
        p.title().startsWith("【") ? p.title().substring(p.title().indexOf('】') + 1) : p.title();
    return TITLE_MARKERS.get(Seeds.below(h, TITLE_MARKERS.size())) + plain;
  }

  private long sold(Product p, Instant slot) {
    long hours = Math.max(0, Duration.between(SALES_EPOCH, slot).toHours());
    return p.baseSales() + hours * p.salesPerDay() / 24;
  }

  /** 0 when the field shows its base value at {@code hour}, else the (odd, non-zero) epoch. */
  private long variantEpoch(Product p, ChangeField field, long hour) {
    Period period = period(p, field);
    if (period == null) {
      return 0;
    }
    long e = period.epoch(hour);
    return Math.floorMod(e, 2) == 1 ? e : 0;
  }

  /** The field's period, or {@code null} when this product never changes it. */
  private Period period(Product p, ChangeField field) {
    if (p.isMatrix()) {
      return null;
    }
    long h = Seeds.of(seed, "schedule", p.productId(), field.name());
    double activeShare;
    int minHours;
    int maxHours;
    switch (field) {
      case PRICE -> {
        activeShare = 0.7;
        minHours = 24;
        maxHours = 96;
      }
      case COMMISSION -> {
        activeShare = 0.5;
        minHours = 48;
        maxHours = 168;
      }
      case IMAGE -> {
        activeShare = 0.4;
        minHours = 96;
        maxHours = 336;
      }
      default -> {
        activeShare = 0.2;
        minHours = 336;
        maxHours = 1008;
      }
    }
    if (Seeds.unit(h) >= activeShare) {
      return null;
    }
    int hours = minHours + Seeds.below(Seeds.mix(h), maxHours - minHours + 1);
    int phase = Seeds.below(Seeds.mix(h + 1), hours);
    return new Period(hours, phase);
  }

  /** Epochs of {@code hours} length, shifted by {@code phase}. */
  private record Period(int hours, int phase) {
    long epoch(long hour) {
      return Math.floorDiv(hour + phase, hours);
    }

    long start(long epoch) {
      return epoch * hours - phase;
    }
  }
}
