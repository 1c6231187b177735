package com.mallrank.batch.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import com.mallrank.batch.plan.Cadence;
import com.mallrank.batch.plan.IdentityBudget;
import com.mallrank.batch.plan.IdentityNetwork;
import com.mallrank.batch.plan.KeywordGroup;
import com.mallrank.batch.plan.Plan;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** {@code mallrank plan capacity} on a fixed plan: the exact figures of the model. */
class CapacityEstimateTest {

  private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  /** 2 pages/s on one thread (0.5 s a page), 3 on two. */
  private static final MeasuredThroughput MEASURED =
      new MeasuredThroughput(Map.of(1, 2.0, 2, 3.0), Map.of(1, 500, 2, 900), 2, "fixed");

  /** The crawler's defaults: one at a time, 2 s + up to 1 s after the previous page ends. */
  private static final CapacityEstimate.Politeness POLITE =
      new CapacityEstimate.Politeness(Duration.ofSeconds(2), Duration.ofSeconds(1), 1);

  private static List<String> keywords(String prefix, int n) {
    return IntStream.rangeClosed(1, n).mapToObj(i -> prefix + i).toList();
  }

  private static Plan plan() {
    KeywordGroup hourly =
        new KeywordGroup(
            "hourly",
            "sandbox-spa",
            20,
            List.of("anonymous", "mx-a"),
            keywords("h", 1000),
            new Cadence("0 5 * * * *", ZONE, Duration.ofMinutes(30)),
            Map.of());
    KeywordGroup daily =
        new KeywordGroup(
            "daily",
            "sandbox-spa",
            20,
            List.of("mx-a"),
            keywords("d", 50),
            new Cadence("0 0 9 * * *", ZONE, Duration.ofMinutes(10)),
            Map.of());
    return new Plan(
        Path.of("plan.yml"),
        List.of(),
        List.of(hourly, daily),
        Map.of(
            "anonymous", new IdentityBudget(10, 30_000),
            "mx-a", new IdentityBudget(null, 10_000)),
        IdentityNetwork.DEFAULT);
  }

  private static CapacityEstimate estimate() {
    return CapacityEstimate.of(plan(), 2, MEASURED, POLITE, LocalDate.of(2026, 11, 30), ZONE);
  }

  @Test
  void pagesPerSlotAndDayComeFromKeywordsVantagesAndSlots() {
    CapacityEstimate e = estimate();

    assertThat(e.groups())
        .extracting(
            CapacityEstimate.GroupDemand::name,
            CapacityEstimate.GroupDemand::slotsPerDay,
            CapacityEstimate.GroupDemand::pagesPerSlot,
            CapacityEstimate.GroupDemand::pagesPerDay)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("hourly", 24, 2000L, 48_000L),
            org.assertj.core.groups.Tuple.tuple("daily", 1, 50L, 50L));
    assertThat(e.pagesPerDay()).isEqualTo(48_050);
    // 2000 pages before the next hourly slot + 50 before the next day's
    assertThat(e.neededPagesPerSecond()).isCloseTo(2000 / 3600.0 + 50 / 86_400.0, within());
    assertThat(e.groups())
        .extracting(CapacityEstimate.GroupDemand::period)
        .containsExactly(Duration.ofHours(1), Duration.ofDays(1));
  }

  @Test
  void politenessNotCpuBoundsAWorkerAndSetsTheWorkerCount() {
    CapacityEstimate e = estimate();

    assertThat(e.cpuPagesPerSecond()).isEqualTo(3.0);
    // one page at a time: 0.5 s render + 2 s + 0.5 s mean jitter = 3 s
    assertThat(e.politePagesPerSecond()).isCloseTo(1 / 3.0, within());
    assertThat(e.perWorkerPagesPerSecond()).isCloseTo(1 / 3.0, within());
    // 0.5561 / 0.3333 = 1.67
    assertThat(e.workers()).isEqualTo(2);
    assertThat(e.chromiumPssMib()).isEqualTo(900);
  }

  @Test
  void identitiesAreCheckedAgainstTheirBudgetAndOneWorker() {
    CapacityEstimate e = estimate();

    assertThat(e.identities())
        .extracting(
            CapacityEstimate.IdentityDemand::identity,
            CapacityEstimate.IdentityDemand::pagesPerSlot,
            CapacityEstimate.IdentityDemand::pagesPerDay,
            CapacityEstimate.IdentityDemand::problem)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "anonymous",
                1000L,
                24_000L,
                "too slow: its 1000 pages per slot take 100 min at 0.17 pages/s"),
            org.assertj.core.groups.Tuple.tuple(
                "mx-a", 1050L, 24_050L, "over its per-day budget (24050 > 10000)"));
  }

  @Test
  void printsAShortTable() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    estimate().print(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String out = bytes.toString(StandardCharsets.UTF_8);

    assertThat(out.lines().toList())
        .containsExactly(
            "group            keywords vantages slots/day  period pages/slot  pages/day"
                + " pages/s need",
            "hourly               1000        2        24      1h       2000      48000        "
                + "0.556",
            "daily                  50        1         1     24h         50         50        "
                + "0.001",
            "total: 48050 pages/day (0.556 pages/s over the day); 0.556 pages/s to finish every"
                + " slot before the next",
            "one worker (2 browser threads): CPU 3.00 pages/s (measured), politeness 0.33 pages/s"
                + " per host -> 0.33 pages/s; Chromium ~900 MiB PSS",
            "workers needed: 2 (0.556 / 0.33, rounded up), each on its own network address",
            "identity         pages/slot  pages/day pages/s need  pages/s max  status",
            "anonymous              1000      24000        0.278        0.167  too slow: its 1000"
                + " pages per slot take 100 min at 0.17 pages/s",
            "mx-a                   1050      24050        0.278        0.333  over its per-day"
                + " budget (24050 > 10000)",
            "measured: fixed");
  }

  private static org.assertj.core.data.Offset<Double> within() {
    return org.assertj.core.data.Offset.offset(1e-9);
  }
}
