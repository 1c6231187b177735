package com.mallrank.batch.alert;

import com.mallrank.index.document.SampleStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A matrix account's login expired: one alert per account and profile (surface) that showed a login
 * wall, a page that did not prove the login, or had its samples skipped because its saved login
 * state cannot be used ("账号 X 需要重新登录", the surface named with it), whatever the number of keywords,
 * so a person renews the login instead of reading a report full of {@code login_required}; the
 * skipped count is that surface's. Its dedupe key has no keyword and no slot ({@code
 * account:<id>}), so the account alerts once per surface and dedupe window for as long as it stays
 * logged out. The anonymous vantage has no login to renew. The advice names the command that renews
 * a login: {@code mallrank accounts login --id X}.
 */
public final class NeedsLoginRule extends IdentifiedRule {

  public static final String ID = "needs_login";

  public NeedsLoginRule() {
    super(ID);
  }

  /** The marker of a sample skipped because its account needs a new login. */
  static final String SKIPPED_FOR_LOGIN = "needs-login";

  @Override
  public List<Alert> evaluate(AlertInput input) {
    Map<AlertInput.Searcher, int[]> byLogin = new LinkedHashMap<>(); // login_required, skipped
    for (AlertInput.Sample sample : input.samples()) {
      boolean loggedOut =
          sample.status().equals(SampleStatus.LOGIN_REQUIRED)
              || sample.status().equals(SampleStatus.SKIPPED)
                  && SKIPPED_FOR_LOGIN.equals(sample.detail());
      if (loggedOut && !sample.searcher().anonymous()) {
        byLogin.computeIfAbsent(sample.searcher(), v -> new int[2]);
      }
    }
    for (AlertInput.Sample sample : input.samples()) {
      int[] counts = byLogin.get(sample.searcher());
      if (counts != null && sample.status().equals(SampleStatus.LOGIN_REQUIRED)) {
        counts[0]++;
      } else if (counts != null && sample.status().equals(SampleStatus.SKIPPED)) {
        counts[1]++;
      }
    }
    List<Alert> alerts = new ArrayList<>();
    byLogin.forEach(
        (searcher, counts) ->
            alerts.add(
                searcher.critical(
                    ID,
                    input.slot(),
                    "account:" + searcher.vantage(),
                    "账号 " + searcher.vantage() + " 需要重新登录",
                    (counts[0] > 0
                            ? "登录已失效：本时段 " + counts[0] + " 个关键词遇到登录墙，"
                            : "登录状态不可用（文件缺失、权限过宽或已过期，见 mallrank accounts status）：本时段 ")
                        + counts[1]
                        + " 个关键词未采样（skipped）；用 mallrank accounts login --id "
                        + searcher.vantage()
                        + " 扫码重新登录（或 mallrank accounts import 导入登录状态）")));
    return alerts;
  }
}
