package com.mallrank.batch.alert;

import static com.mallrank.batch.alert.Fixtures.change;
import static com.mallrank.batch.alert.Fixtures.input;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.mallrank.index.document.ChangeKind;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AlertRulesTest {

  private static final String KW = "加厚羽绒服女长款";

  private final AlertRules rules =
      AlertRules.from(
          new AlertProperties.Rules(
              true,
              5,
              new BigDecimal("10"),
              true,
              true,
              true,
              5,
              Set.of("blocked", "login_required"),
              true,
              true,
              true));

  private List<String> fired(AlertInput input) {
    return rules.evaluate(input).stream().map(Alert::rule).toList();
  }

  @Test
  void ownListingLeavingTheTop20IsCritical() {
    List<Alert> alerts = rules.evaluate(Fixtures.ownLeft());

    assertThat(alerts).hasSize(1);
    assertThat(alerts.get(0).rule()).isEqualTo(OwnLeftTop20Rule.ID);
    assertThat(alerts.get(0).severity()).isEqualTo(Alert.Severity.CRITICAL);
    assertThat(alerts.get(0).dedupeKey())
        .isEqualTo("own_left_top20|douyin-mall|加厚羽绒服女长款|3698123456789012345");
  }

  @Test
  void aCompetitorLeavingIsNoAlert() {
    assertThat(fired(input(change(ChangeKind.LEFT_TOP20, KW, "p1", null, null, null, 8, null))))
        .isEmpty();
  }

  @Test
  void ownDropAlertsFromTheThreshold() {
    assertThat(fired(input(change(ChangeKind.OWN_MOVED, KW, "p1", "mx-yiwu", null, null, 3, 7))))
        .isEmpty();
    assertThat(fired(input(change(ChangeKind.OWN_MOVED, KW, "p1", "mx-yiwu", null, null, 3, 8))))
        .containsExactly(OwnRankDropRule.ID);
    assertThat(fired(input(change(ChangeKind.OWN_MOVED, KW, "p1", "mx-yiwu", null, null, 8, 3))))
        .isEmpty();
  }

  @Test
  void competitorPriceCutFromTheThreshold() {
    assertThat(fired(input(change(ChangeKind.PRICE, KW, "p1", null, "29900", "27000", 4, 4))))
        .isEmpty(); // 9.7 %
    List<Alert> alerts =
        rules.evaluate(input(change(ChangeKind.PRICE, KW, "p1", null, "29900", "26900", 4, 2)));
    assertThat(alerts).extracting(Alert::rule).containsExactly(CompetitorPriceCutRule.ID);
    assertThat(alerts.get(0).summary()).isEqualTo("暖冬旗舰店 降价 10.03%");
    assertThat(alerts.get(0).detail()).isEqualTo("¥299.00 → ¥269.00，排名 #2");
    assertThat(fired(input(change(ChangeKind.PRICE, KW, "p1", "mx-yiwu", "29900", "19900", 4, 2))))
        .as("own price cut")
        .isEmpty();
  }

  @Test
  void commissionRaisedMainImageAndNewEntrants() {
    assertThat(fired(input(change(ChangeKind.COMMISSION, KW, "p1", null, "1250", "2000", 3, 3))))
        .containsExactly(CommissionRaisedRule.ID);
    assertThat(fired(input(change(ChangeKind.COMMISSION, KW, "p1", null, "2000", "1250", 3, 3))))
        .isEmpty();
    assertThat(fired(input(change(ChangeKind.MAIN_IMAGE, KW, "p1", null, "a", "b", 3, 3))))
        .containsExactly(MainImageChangedRule.ID);
    assertThat(fired(input(change(ChangeKind.NEW_SHOP, KW, "p1", null, null, "新店", null, 12))))
        .containsExactly(NewEntrantRule.ID);
    assertThat(fired(input(change(ChangeKind.ENTERED_TOP20, KW, "p1", null, null, null, null, 4))))
        .containsExactly(NewEntrantRule.ID);
    assertThat(fired(input(change(ChangeKind.ENTERED_TOP20, KW, "p1", null, null, null, null, 15))))
        .as("ad rotation further down")
        .isEmpty();
  }

  @Test
  void blockedSamplingIsOneAlertPerIdentity() {
    AlertInput input =
        new AlertInput(
            Fixtures.SLOT,
            List.of(),
            List.of(
                new AlertInput.Sample(
                    Fixtures.SLOT, Fixtures.MALL, "a", "mx-yiwu", "blocked", "captcha"),
                new AlertInput.Sample(
                    Fixtures.SLOT, Fixtures.MALL, "b", "mx-yiwu", "login_required", null),
                new AlertInput.Sample(Fixtures.SLOT, Fixtures.MALL, "c", "mx-yiwu", "ok", null),
                new AlertInput.Sample(Fixtures.SLOT, Fixtures.MALL, "a", "anonymous", "ok", null),
                new AlertInput.Sample(
                    Fixtures.SLOT, Fixtures.MALL, "b", "anonymous", "empty", null)));

    List<Alert> alerts = rules.evaluate(input);

    assertThat(alerts)
        .extracting(Alert::dedupeKey)
        .containsExactly(
            "sampling_blocked|douyin-mall||vantage:mx-yiwu",
            "needs_login|douyin-mall||account:mx-yiwu");
    assertThat(alerts.get(0).summary()).isEqualTo("采样受阻：mx-yiwu 2/3 个关键词 blocked/login_required");
  }

  @Test
  void aChangedLayoutIsOneAlertPerProfileWithTheRepairCommandWhenOneCanBeProposed() {
    AlertInput input =
        new AlertInput(
            Fixtures.SLOT,
            List.of(),
            List.of(),
            List.of(
                new AlertInput.LayoutChange("sandbox-static", "羽绒服 女", 4, false),
                new AlertInput.LayoutChange("sandbox-static", "高领毛衣女内搭", 4, true),
                new AlertInput.LayoutChange("douyin-mall", "a", 1, false)));

    List<Alert> alerts = rules.evaluate(input);

    assertThat(alerts)
        .extracting(Alert::dedupeKey, Alert::summary, Alert::detail)
        .containsExactly(
            tuple(
                "layout_changed|sandbox-static||profile:sandbox-static",
                "版面变化：sandbox-static 2 个关键词 layout_changed（8 个样本）",
                "关键词：羽绒服 女、高领毛衣女内搭；可生成修复方案 (repair proposal available)：mallrank"
                    + " profile repair --profile sandbox-static --keyword 高领毛衣女内搭，检查差异后加 --write 安装"),
            tuple(
                "layout_changed|douyin-mall||profile:douyin-mall",
                "版面变化：douyin-mall 1 个关键词 layout_changed（1 个样本）",
                "关键词：a；无法自动修复（未保留证据或此前无正常样本）：保存新页面后用 mallrank profile repair --page …"
                    + " --known … 修复"));
    assertThat(alerts).allMatch(a -> a.severity() == Alert.Severity.CRITICAL);
  }

  @Test
  void anExpiredLoginIsOneAlertPerAccountAndNeverForAnonymous() {
    AlertInput input =
        new AlertInput(
            Fixtures.SLOT,
            List.of(),
            List.of(
                new AlertInput.Sample(Fixtures.SLOT, Fixtures.MALL, "a", "mx-yiwu", "ok", null),
                new AlertInput.Sample(
                    Fixtures.SLOT, Fixtures.MALL, "b", "mx-yiwu", "login_required", null),
                new AlertInput.Sample(
                    Fixtures.SLOT, Fixtures.MALL, "c", "mx-yiwu", "skipped", "needs-login"),
                new AlertInput.Sample(
                    Fixtures.SLOT, Fixtures.MALL, "d", "mx-yiwu", "skipped", "needs-login"),
                new AlertInput.Sample(Fixtures.SLOT, Fixtures.MALL, "a", "mx-hangzhou", "ok", null),
                new AlertInput.Sample(
                    Fixtures.SLOT, Fixtures.MALL, "a", "anonymous", "login_required", null)));

    List<Alert> alerts = new NeedsLoginRule().evaluate(input);

    assertThat(alerts).hasSize(1);
    Alert alert = alerts.get(0);
    assertThat(alert.dedupeKey()).isEqualTo("needs_login|douyin-mall||account:mx-yiwu");
    assertThat(alert.profile()).isEqualTo(Fixtures.MALL);
    assertThat(alert.matrixAccount()).isEqualTo("mx-yiwu");
    assertThat(alert.severity()).isEqualTo(Alert.Severity.CRITICAL);
    assertThat(alert.summary()).isEqualTo("账号 mx-yiwu 需要重新登录");
    assertThat(alert.detail())
        .isEqualTo(
            "登录已失效：本时段 1 个关键词遇到登录墙，2 个关键词未采样（skipped）；"
                + "用 mallrank accounts login --id mx-yiwu 扫码重新登录（或 mallrank accounts import 导入登录状态）");
  }

  @Test
  void anAccountWhoseLoginStateCannotBeUsedIsOneAlertBudgetSkipsNone() {
    AlertInput input =
        new AlertInput(
            Fixtures.SLOT,
            List.of(),
            List.of(
                new AlertInput.Sample(
                    Fixtures.SLOT, Fixtures.MALL, "a", "mx-old", "skipped", "needs-login"),
                new AlertInput.Sample(
                    Fixtures.SLOT, Fixtures.MALL, "b", "mx-old", "skipped", "needs-login"),
                new AlertInput.Sample(
                    Fixtures.SLOT, Fixtures.MALL, "a", "mx-yiwu", "skipped", "budget"),
                new AlertInput.Sample(
                    Fixtures.SLOT, Fixtures.MALL, "b", "mx-yiwu", "skipped", "cooldown")));

    List<Alert> alerts = new NeedsLoginRule().evaluate(input);

    assertThat(alerts)
        .extracting(Alert::dedupeKey)
        .containsExactly("needs_login|douyin-mall||account:mx-old");
    assertThat(alerts.get(0).detail())
        .isEqualTo(
            "登录状态不可用（文件缺失、权限过宽或已过期，见 mallrank accounts status）：本时段 2 个关键词未采样（skipped）；"
                + "用 mallrank accounts login --id mx-old 扫码重新登录（或 mallrank accounts import 导入登录状态）");
  }

  @Test
  void theSameEventFromSeveralVantagesIsOneAlert() {
    AlertInput.Change anonymous = change(ChangeKind.MAIN_IMAGE, KW, "p1", null, "a", "b", 3, 3);
    AlertInput.Change asAccount =
        new AlertInput.Change(
            Fixtures.SLOT,
            Fixtures.MALL,
            KW,
            "mx-yiwu",
            ChangeKind.MAIN_IMAGE,
            "p1",
            null,
            null,
            "a",
            "b",
            5,
            5);

    assertThat(rules.evaluate(input(anonymous, asAccount))).hasSize(1);
  }

  @Test
  void aPriceCutOnTwoProfilesIsTwoAlertsAndOnOneProfileOne() {
    AlertInput.Change onMall = change(ChangeKind.PRICE, KW, "p1", null, "29900", "26900", 4, 2);
    AlertInput.Change onBuyin =
        Fixtures.on(
            Fixtures.BUYIN, change(ChangeKind.PRICE, KW, "p1", null, "25900", "19900", 3, 3));

    List<Alert> both = rules.evaluate(input(onMall, onBuyin));

    assertThat(both)
        .extracting(Alert::profile, Alert::dedupeKey, Alert::detail)
        .containsExactly(
            tuple(
                "douyin-mall",
                "competitor_price_cut|douyin-mall|加厚羽绒服女长款|p1",
                "¥299.00 → ¥269.00，排名 #2"),
            tuple(
                "douyin-buyin",
                "competitor_price_cut|douyin-buyin|加厚羽绒服女长款|p1",
                "¥259.00 → ¥199.00，排名 #3"));
    // the same profile twice (two vantages of one surface): one alert, the first
    AlertInput.Change onMallAgain =
        new AlertInput.Change(
            Fixtures.SLOT,
            Fixtures.MALL,
            KW,
            "mx-yiwu",
            ChangeKind.PRICE,
            "p1",
            null,
            null,
            "29900",
            "25000",
            5,
            5);
    assertThat(rules.evaluate(input(onMall, onMallAgain)))
        .extracting(Alert::profile, Alert::vantage, Alert::detail)
        .containsExactly(tuple("douyin-mall", "anonymous", "¥299.00 → ¥269.00，排名 #2"));
  }

  @Test
  void blockedSamplingAndExpiredLoginsAreOneAlertPerProfile() {
    AlertInput input =
        new AlertInput(
            Fixtures.SLOT,
            List.of(),
            List.of(
                new AlertInput.Sample(Fixtures.SLOT, Fixtures.MALL, "a", "mx-yiwu", "ok", null),
                new AlertInput.Sample(
                    Fixtures.SLOT, Fixtures.MALL, "b", "mx-yiwu", "blocked", "captcha"),
                new AlertInput.Sample(
                    Fixtures.SLOT, Fixtures.BUYIN, "a", "mx-yiwu", "login_required", null),
                new AlertInput.Sample(
                    Fixtures.SLOT, Fixtures.BUYIN, "b", "mx-yiwu", "skipped", "needs-login"),
                new AlertInput.Sample(
                    Fixtures.SLOT, Fixtures.BUYIN, "c", "mx-yiwu", "skipped", "needs-login")));

    assertThat(rules.evaluate(input))
        .extracting(Alert::dedupeKey, Alert::summary)
        .containsExactly(
            tuple("sampling_blocked|douyin-mall||vantage:mx-yiwu", "采样受阻：mx-yiwu 1/2 个关键词 blocked"),
            tuple(
                "sampling_blocked|douyin-buyin||vantage:mx-yiwu",
                "采样受阻：mx-yiwu 1/3 个关键词 login_required"),
            tuple("needs_login|douyin-buyin||account:mx-yiwu", "账号 mx-yiwu 需要重新登录"));
    assertThat(new NeedsLoginRule().evaluate(input).get(0).detail())
        .startsWith("登录已失效：本时段 1 个关键词遇到登录墙，2 个关键词未采样（skipped）");
  }

  @Test
  void disabledRulesDoNotRun() {
    AlertRules none =
        AlertRules.from(
            new AlertProperties.Rules(
                false, 0, BigDecimal.ZERO, false, false, false, 0, Set.of(), false, false, false));

    assertThat(none.rules()).isEmpty();
  }

  @Test
  void aDeadLetteredPartitionIsOneCriticalAlertPerPartitionNamingTheCommandThatMovesItBack() {
    Instant slot = Instant.parse("2026-11-28T06:00:00Z");
    AlertInput input =
        AlertInput.deadLetters(
            slot,
            List.of(
                new AlertInput.DeadLetter(
                    42, "sampleKeywords:anonymous-shard0", "core", "anonymous"),
                new AlertInput.DeadLetter(43, null, null, null)));

    List<Alert> alerts = rules.evaluate(input);

    assertThat(alerts)
        .containsExactly(
            new Alert(
                DeadLetterRule.ID,
                Alert.Severity.CRITICAL,
                slot,
                null,
                null,
                "partition:42",
                "anonymous",
                null,
                "分区 sampleKeywords:anonymous-shard0 (step execution 42) 已进入死信队列",
                "worker 多次退回该分区请求（分组 core），其关键词未采样；排除原因（如 worker 连不上 Elasticsearch）后运行"
                    + " mallrank broker requeue 重新投递"),
            new Alert(
                DeadLetterRule.ID,
                Alert.Severity.CRITICAL,
                slot,
                null,
                null,
                "partition:43",
                null,
                null,
                "分区 step execution 43 已进入死信队列",
                "worker 多次退回该分区请求，其关键词未采样；排除原因（如 worker 连不上 Elasticsearch）后运行"
                    + " mallrank broker requeue 重新投递"));
    assertThat(alerts.get(0).dedupeKey()).isEqualTo("partition_dead_lettered|||partition:42");
    assertThat(fired(new AlertInput(slot, List.of(), List.of()))).isEmpty();
  }
}
