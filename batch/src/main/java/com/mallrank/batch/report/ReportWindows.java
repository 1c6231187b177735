package com.mallrank.batch.report;

import com.mallrank.batch.config.BatchProperties;
import com.mallrank.batch.plan.KeywordGroup;
import com.mallrank.batch.plan.MatrixAccount;
import com.mallrank.batch.plan.Plan;
import com.mallrank.batch.runtime.PlanRepository;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Turns {@link ReportWindowOptions} into a {@link ReportWindow}: slots, group keywords, accounts.
 */
@Component
public record ReportWindows(ReportSlots slots, PlanRepository plans, BatchProperties properties) {

  /**
   * Resolves the options.
   *
   * @param options what was typed
   * @param defaultHours the window length when neither {@code --from} nor a length is given
   * @throws IllegalArgumentException on contradicting or unknown values (named)
   */
  public ReportWindow resolve(ReportWindowOptions options, int defaultHours) {
    Instant last = slots.resolve(options.to, properties.zone());
    int lengths = (options.days == null ? 0 : 1) + (options.hours == null ? 0 : 1);
    if (options.from != null && lengths > 0 || lengths > 1) {
      throw new IllegalArgumentException("give one of --from, --days and --hours, not several");
    }
    Instant first;
    if (options.from != null) {
      first = slots.resolve(options.from, properties.zone());
    } else {
      int hours =
          options.days != null
              ? positive("--days", options.days) * 24
              : options.hours != null ? positive("--hours", options.hours) : defaultHours;
      first = last.minus(Duration.ofHours(hours - 1L));
    }
    Plan plan = options.group == null ? null : plans.plan();
    List<String> keywords = options.keywords == null ? null : new ArrayList<>(options.keywords);
    String profile = options.profile;
    if (plan != null) {
      KeywordGroup group = plan.requireGroup(options.group);
      profile = profile == null ? group.profile() : profile;
      Set<String> union = new LinkedHashSet<>(group.keywords());
      if (keywords != null) {
        union.addAll(keywords);
      }
      keywords = List.copyOf(union);
    }
    return new ReportWindow(
        first,
        last,
        keywords,
        options.vantages,
        options.group,
        accounts(plan),
        properties.zone(),
        profile == null ? defaultProfile() : profile);
  }

  /**
   * The profile a window report reads when neither {@code --profile} nor {@code --group} says: the
   * first plan group's. Two profiles sampling the same keyword are two samples; a report over both
   * would count each slot twice. {@code null} (every profile) only without a readable plan.
   */
  private String defaultProfile() {
    try {
      return plans.plan().groups().stream().map(KeywordGroup::profile).findFirst().orElse(null);
    } catch (RuntimeException e) {
      return null;
    }
  }

  private List<String> accounts(Plan known) {
    Plan plan = known;
    if (plan == null) {
      try {
        plan = plans.plan();
      } catch (RuntimeException e) {
        // The reports read the index alone: without a readable plan the accounts come from it.
        return List.of();
      }
    }
    return plan.accounts().stream().map(MatrixAccount::id).toList();
  }

  private static int positive(String option, int value) {
    if (value < 1) {
      throw new IllegalArgumentException(option + " must be at least 1, was " + value);
    }
    return value;
  }
}
