package com.mallrank.batch.alert;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The enabled rules, evaluated together: one alert per dedupe key per input. */
public final class AlertRules {

  private final List<AlertRule> rules;

  public AlertRules(List<AlertRule> rules) {
    this.rules = List.copyOf(rules);
  }

  /** The rules {@code alerts.rules.*} enables. */
  public static AlertRules from(AlertProperties.Rules config) {
    List<AlertRule> rules = new ArrayList<>();
    if (config.ownLeftTop20()) {
      rules.add(new OwnLeftTop20Rule());
    }
    if (config.ownRankDrop() > 0) {
      rules.add(new OwnRankDropRule(config.ownRankDrop()));
    }
    if (config.competitorPriceCutPercent().signum() > 0) {
      rules.add(new CompetitorPriceCutRule(config.competitorPriceCutPercent()));
    }
    if (config.commissionRaised()) {
      rules.add(new CommissionRaisedRule());
    }
    if (config.mainImageChanged()) {
      rules.add(new MainImageChangedRule());
    }
    if (config.newEntrant()) {
      rules.add(new NewEntrantRule(config.newEntrantMaxRank()));
    }
    if (!config.samplingBlockedStatuses().isEmpty()) {
      rules.add(new SamplingBlockedRule(config.samplingBlockedStatuses()));
    }
    if (config.needsLogin()) {
      rules.add(new NeedsLoginRule());
    }
    if (config.layoutChanged()) {
      rules.add(new LayoutChangedRule());
    }
    if (config.partitionDeadLettered()) {
      rules.add(new DeadLetterRule());
    }
    return new AlertRules(rules);
  }

  /** The rules. */
  public List<AlertRule> rules() {
    return rules;
  }

  /**
   * The alerts of the input, most severe first. The same event seen from several vantages of one
   * profile is one alert (the first); on two profiles (surfaces), two.
   */
  public List<Alert> evaluate(AlertInput input) {
    Map<String, Alert> byKey = new LinkedHashMap<>();
    for (AlertRule rule : rules) {
      for (Alert alert : rule.evaluate(input)) {
        byKey.putIfAbsent(alert.dedupeKey(), alert);
      }
    }
    List<Alert> alerts = new ArrayList<>(byKey.values());
    alerts.sort((a, b) -> b.severity().compareTo(a.severity()));
    return alerts;
  }
}
