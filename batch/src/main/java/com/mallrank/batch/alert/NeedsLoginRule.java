package com.mallrank.batch.alert;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A matrix account's login expired: one alert per account and profile (surface) that showed a login
 * wall ("账号 X 需要重新登录", the surface named with it), whatever the number of keywords, so a person
 * renews the login instead of reading a report full of {@code login_required}; the skipped count is
 * that surface's. Its dedupe key has no keyword and no slot ({@code account:<id>}), so the account
 * alerts once per surface and dedupe window for as long as it stays logged out. The anonymous
 * vantage has no login to renew.
 */
public final class NeedsLoginRule implements AlertRule {

  public static final String ID = "needs_login";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public List<Alert> evaluate(AlertInput input) {
    Map<AlertInput.Searcher, int[]> byLogin = new LinkedHashMap<>(); // login_required, skipped
    for (AlertInput.Sample sample : input.samples()) {
      if (sample.status().equals("login_required") && !sample.vantage().equals("anonymous")) {
        byLogin.computeIfAbsent(sample.searcher(), v -> new int[2])[0]++;
      }
    }
    for (AlertInput.Sample sample : input.samples()) {
      int[] counts = byLogin.get(sample.searcher());
      if (counts != null && sample.status().equals("skipped")) {
        counts[1]++;
      }
    }
    List<Alert> alerts = new ArrayList<>();
    byLogin.forEach(
        (searcher, counts) ->
            alerts.add(
                new Alert(
                    ID,
                    Alert.Severity.CRITICAL,
                    input.slot(),
                    searcher.profile(),
                    null,
                    "account:" + searcher.vantage(),
                    searcher.vantage(),
                    searcher.vantage(),
                    "账号 " + searcher.vantage() + " 需要重新登录",
                    "登录已失效：本时段 "
                        + counts[0]
                        + " 个关键词遇到登录墙，"
                        + counts[1]
                        + " 个关键词未采样（skipped）；重新登录后用 mallrank accounts import 导入登录状态")));
    return alerts;
  }
}
