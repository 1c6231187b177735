package com.mallrank.batch.alert;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A matrix account's login expired: one alert per account ("账号 X 需要重新登录"), whatever the number of
 * keywords, so a person renews the login instead of reading a report full of {@code
 * login_required}. Its dedupe key has no keyword and no slot ({@code account:<id>}), so the account
 * alerts once per dedupe window for as long as it stays logged out. The anonymous vantage has no
 * login to renew.
 */
public final class NeedsLoginRule implements AlertRule {

  public static final String ID = "needs_login";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public List<Alert> evaluate(AlertInput input) {
    Map<String, int[]> byAccount = new LinkedHashMap<>(); // login_required, skipped
    for (AlertInput.Sample sample : input.samples()) {
      if (sample.status().equals("login_required") && !sample.vantage().equals("anonymous")) {
        byAccount.computeIfAbsent(sample.vantage(), v -> new int[2])[0]++;
      }
    }
    for (AlertInput.Sample sample : input.samples()) {
      int[] counts = byAccount.get(sample.vantage());
      if (counts != null && sample.status().equals("skipped")) {
        counts[1]++;
      }
    }
    List<Alert> alerts = new ArrayList<>();
    byAccount.forEach(
        (account, counts) ->
            alerts.add(
                new Alert(
                    ID,
                    Alert.Severity.CRITICAL,
                    input.slot(),
                    null,
                    "account:" + account,
                    account,
                    account,
                    "账号 " + account + " 需要重新登录",
                    "登录已失效：本时段 "
                        + counts[0]
                        + " 个关键词遇到登录墙，"
                        + counts[1]
                        + " 个关键词未采样（skipped）；重新登录后用 mallrank accounts import 导入登录状态")));
    return alerts;
  }
}
