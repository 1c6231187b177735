package com.mallrank.batch.capacity;

import com.mallrank.batch.plan.IdentityBudget;
import com.mallrank.batch.plan.KeywordGroup;
import com.mallrank.batch.plan.Plan;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The capacity model of docs/scaling.md applied to a plan: pages per slot (keywords × vantages),
 * the rate that finishes every slot before the group's next one (its shortest gap between two
 * slots, so slots never pile up), what one worker does (the lower of its measured CPU rate and the
 * per-host politeness pacing, which every worker keeps on its own), the workers that needs, and
 * each identity's pages against its budget (an identity's keywords stay on one worker, so it can
 * never go faster than one worker nor than its per-minute budget).
 *
 * @param groups one row per keyword group
 * @param identities one row per vantage (anonymous or a matrix account)
 * @param pagesPerDay every group's pages of one day
 * @param neededPagesPerSecond the sum of the groups' pages per slot over their shortest gaps
 * @param cpuPagesPerSecond one worker's measured rate with the configured browser threads
 * @param politePagesPerSecond one worker's per-host pacing bound
 * @param workers the workers needed: needed rate / one worker's rate, rounded up (at least 1)
 */
public record CapacityEstimate(
    List<GroupDemand> groups,
    List<IdentityDemand> identities,
    long pagesPerDay,
    double neededPagesPerSecond,
    double cpuPagesPerSecond,
    double politePagesPerSecond,
    int workers,
    int threads,
    int chromiumPssMib,
    String measuredBy) {

  /**
   * Per-host pacing of a worker (crawler {@code SamplerSettings}): one request at a time, the next
   * starting {@code minDelay} plus a random jitter up to {@code maxJitter} after the previous ends.
   */
  public record Politeness(Duration minDelay, Duration maxJitter, int maxConcurrent) {}

  /** One keyword group's demand. */
  public record GroupDemand(
      String name,
      int keywords,
      int vantages,
      int slotsPerDay,
      Duration period,
      long pagesPerSlot,
      long pagesPerDay,
      double pagesPerSecondNeeded) {}

  /**
   * One identity's demand and its bound: {@code min(one worker, per-minute budget / 60)}.
   *
   * @param problem empty when the identity keeps up, else why not
   */
  public record IdentityDemand(
      String identity,
      long pagesPerSlot,
      long pagesPerDay,
      double pagesPerSecondNeeded,
      double pagesPerSecondBound,
      String problem) {}

  /** Estimates the plan's needs for one day (slots per day counted on {@code day} in the zone). */
  public static CapacityEstimate of(
      Plan plan,
      int threads,
      MeasuredThroughput measured,
      Politeness politeness,
      LocalDate day,
      ZoneId zone) {
    Instant start = day.atStartOfDay(zone).toInstant();
    Instant end = day.plusDays(1).atStartOfDay(zone).toInstant();
    double cpu = measured.pagesPerSecond(threads);
    double pacingSeconds =
        measured.secondsPerPage()
            + seconds(politeness.minDelay())
            + seconds(politeness.maxJitter()) / 2;
    double polite = politeness.maxConcurrent() / pacingSeconds;
    double perWorker = Math.min(cpu, polite);

    List<GroupDemand> groups = new ArrayList<>();
    Map<String, long[]> pagesByIdentity = new LinkedHashMap<>();
    Map<String, Double> rateByIdentity = new LinkedHashMap<>();
    long pagesPerDay = 0;
    double needed = 0;
    for (KeywordGroup group : plan.groups()) {
      List<Instant> slotsOfDay =
          group.cadence().slotsBetween(start.minusNanos(1), end.minusNanos(1));
      int slots = slotsOfDay.size();
      Duration period = shortestGap(group, slotsOfDay);
      long perSlot = (long) group.keywords().size() * group.vantages().size();
      double periodSeconds = seconds(period);
      double rate = slots == 0 ? 0 : perSlot / periodSeconds;
      groups.add(
          new GroupDemand(
              group.name(),
              group.keywords().size(),
              group.vantages().size(),
              slots,
              period,
              perSlot,
              perSlot * slots,
              rate));
      pagesPerDay += perSlot * slots;
      needed += rate;
      for (String vantage : group.vantages()) {
        long[] pages = pagesByIdentity.computeIfAbsent(vantage, v -> new long[2]);
        pages[0] += group.keywords().size();
        pages[1] += (long) group.keywords().size() * slots;
        rateByIdentity.merge(
            vantage, slots == 0 ? 0 : group.keywords().size() / periodSeconds, Double::sum);
      }
    }
    List<IdentityDemand> identities = new ArrayList<>();
    for (Map.Entry<String, long[]> entry : pagesByIdentity.entrySet()) {
      String identity = entry.getKey();
      IdentityBudget budget = plan.budgets().get(identity);
      double bound = perWorker;
      if (budget != null && budget.perMinute() != null) {
        bound = Math.min(bound, budget.perMinute() / 60.0);
      }
      double rate = rateByIdentity.get(identity);
      long perDay = entry.getValue()[1];
      String problem = "";
      if (budget != null && budget.perDay() != null && perDay > budget.perDay()) {
        problem = "over its per-day budget (" + perDay + " > " + budget.perDay() + ")";
      } else if (rate > bound) {
        problem =
            String.format(
                Locale.ROOT,
                "too slow: its %d pages per slot take %.0f min at %.2f pages/s",
                entry.getValue()[0],
                entry.getValue()[0] / bound / 60,
                bound);
      }
      identities.add(
          new IdentityDemand(identity, entry.getValue()[0], perDay, rate, bound, problem));
    }
    int workers = Math.max(1, (int) Math.ceil(needed / perWorker - 1e-9));
    return new CapacityEstimate(
        groups,
        identities,
        pagesPerDay,
        needed,
        cpu,
        polite,
        workers,
        threads,
        measured.chromiumPssMib(threads),
        measured.source());
  }

  /**
   * The shortest time between two slots of the group that start on the day (the next slot may be
   * the next day's first): a slot must be done before the next one starts.
   */
  private static Duration shortestGap(KeywordGroup group, List<Instant> slotsOfDay) {
    if (slotsOfDay.isEmpty()) {
      return Duration.ZERO;
    }
    Instant last = slotsOfDay.get(slotsOfDay.size() - 1);
    List<Instant> next = group.cadence().slotsBetween(last, last.plus(Duration.ofDays(400)));
    List<Instant> all = new ArrayList<>(slotsOfDay);
    if (!next.isEmpty()) {
      all.add(next.get(0));
    }
    Duration shortest = Duration.ofDays(1);
    for (int i = 1; i < all.size(); i++) {
      Duration gap = Duration.between(all.get(i - 1), all.get(i));
      if (gap.compareTo(shortest) < 0) {
        shortest = gap;
      }
    }
    return shortest;
  }

  /** One worker's rate: the lower of CPU and politeness. */
  public double perWorkerPagesPerSecond() {
    return Math.min(cpuPagesPerSecond, politePagesPerSecond);
  }

  /** The short table {@code mallrank plan capacity} prints. */
  public void print(PrintStream out) {
    out.printf(
        Locale.ROOT,
        "%-16s %8s %8s %9s %7s %10s %10s %12s%n",
        "group",
        "keywords",
        "vantages",
        "slots/day",
        "period",
        "pages/slot",
        "pages/day",
        "pages/s need");
    for (GroupDemand g : groups) {
      out.printf(
          Locale.ROOT,
          "%-16s %8d %8d %9d %7s %10d %10d %12.3f%n",
          g.name(),
          g.keywords(),
          g.vantages(),
          g.slotsPerDay(),
          duration(g.period()),
          g.pagesPerSlot(),
          g.pagesPerDay(),
          g.pagesPerSecondNeeded());
    }
    out.printf(
        Locale.ROOT,
        "total: %d pages/day (%.3f pages/s over the day); %.3f pages/s to finish every slot before"
            + " the next%n",
        pagesPerDay,
        pagesPerDay / 86_400.0,
        neededPagesPerSecond);
    out.printf(
        Locale.ROOT,
        "one worker (%d browser thread%s): CPU %.2f pages/s (measured), politeness %.2f pages/s"
            + " per host -> %.2f pages/s; Chromium ~%d MiB PSS%n",
        threads,
        threads == 1 ? "" : "s",
        cpuPagesPerSecond,
        politePagesPerSecond,
        perWorkerPagesPerSecond(),
        chromiumPssMib);
    out.printf(
        Locale.ROOT,
        "workers needed: %d (%.3f / %.2f, rounded up), each on its own network address%n",
        workers,
        neededPagesPerSecond,
        perWorkerPagesPerSecond());
    out.printf(
        Locale.ROOT,
        "%-16s %10s %10s %12s %12s  %s%n",
        "identity",
        "pages/slot",
        "pages/day",
        "pages/s need",
        "pages/s max",
        "status");
    for (IdentityDemand i : identities) {
      out.printf(
          Locale.ROOT,
          "%-16s %10d %10d %12.3f %12.3f  %s%n",
          i.identity(),
          i.pagesPerSlot(),
          i.pagesPerDay(),
          i.pagesPerSecondNeeded(),
          i.pagesPerSecondBound(),
          i.problem().isEmpty() ? "ok" : i.problem());
    }
    out.printf("measured: %s%n", measuredBy);
  }

  private static String duration(Duration d) {
    if (d.isZero()) {
      return "-";
    }
    if (d.toSeconds() % 3600 == 0) {
      return d.toHours() + "h";
    }
    return d.toSeconds() % 60 == 0 ? d.toMinutes() + "m" : d.toSeconds() + "s";
  }

  private static double seconds(Duration d) {
    return d.toNanos() / 1e9;
  }
}
