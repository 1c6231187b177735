package com.mallrank.batch.alert;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Sampling is blocked for an identity (captcha, login wall, ...): one alert per profile (surface),
 * vantage and slot, naming how many keywords and which statuses. Its ranks for those keywords are
 * unknown, not lost.
 */
public final class SamplingBlockedRule extends IdentifiedRule {

  public static final String ID = "sampling_blocked";

  private final Set<String> statuses;

  /**
   * @param statuses the sample statuses that count as blocked ({@code blocked}, {@code
   *     login_required})
   */
  public SamplingBlockedRule(Set<String> statuses) {
    super(ID);
    this.statuses = Set.copyOf(statuses);
  }

  @Override
  public List<Alert> evaluate(AlertInput input) {
    Map<AlertInput.Searcher, List<AlertInput.Sample>> bySearcher = new LinkedHashMap<>();
    for (AlertInput.Sample sample : input.samples()) {
      if (statuses.contains(sample.status())) {
        bySearcher.computeIfAbsent(sample.searcher(), v -> new ArrayList<>()).add(sample);
      }
    }
    List<Alert> alerts = new ArrayList<>();
    bySearcher.forEach(
        (searcher, samples) -> {
          String vantage = searcher.vantage();
          long total = input.samples().stream().filter(s -> s.searcher().equals(searcher)).count();
          String kinds =
              String.join("/", samples.stream().map(AlertInput.Sample::status).distinct().toList());
          alerts.add(
              searcher.critical(
                  ID,
                  input.slot(),
                  "vantage:" + vantage,
                  "采样受阻：" + vantage + " " + samples.size() + "/" + total + " 个关键词 " + kinds,
                  AlertText.keywords(
                      samples.stream().map(AlertInput.Sample::keyword).toList(), "")));
        });
    return alerts;
  }
}
