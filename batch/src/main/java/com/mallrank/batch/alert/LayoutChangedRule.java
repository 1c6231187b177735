package com.mallrank.batch.alert;

import com.mallrank.batch.text.Commands;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A surface changed its layout: one alert per profile (surface) and slot whose samples turned
 * {@code layout_changed}, naming the keywords and, when evidence was kept and an earlier sample
 * produced ranks, that a repair proposal is available with the exact command ("版面变化 …
 * 可生成修复方案：mallrank profile repair --profile … --keyword …"). Its ranks are unknown, not lost, until
 * the profile is fixed. Its dedupe key has no keyword ({@code profile:<id>}): a redesign alerts
 * once per surface and dedupe window, however many keywords and slots it breaks.
 */
public final class LayoutChangedRule extends IdentifiedRule {

  public static final String ID = "layout_changed";

  public LayoutChangedRule() {
    super(ID);
  }

  @Override
  public List<Alert> evaluate(AlertInput input) {
    Map<String, List<AlertInput.LayoutChange>> byProfile = new LinkedHashMap<>();
    for (AlertInput.LayoutChange change : input.layoutChanges()) {
      byProfile.computeIfAbsent(change.profile(), p -> new ArrayList<>()).add(change);
    }
    List<Alert> alerts = new ArrayList<>();
    byProfile.forEach(
        (profile, changes) -> {
          List<String> keywords = changes.stream().map(AlertInput.LayoutChange::keyword).toList();
          long samples = changes.stream().mapToLong(AlertInput.LayoutChange::samples).sum();
          AlertInput.LayoutChange repairable =
              changes.stream().filter(AlertInput.LayoutChange::repairable).findFirst().orElse(null);
          String advice =
              repairable == null
                  ? "无法自动修复（未保留证据或此前无正常样本）：保存新页面后用 mallrank profile repair --page … --known … 修复"
                  : "可生成修复方案 (repair proposal available)："
                      + Commands.profileRepair(profile, repairable.keyword())
                      + "，检查差异后加 --write 安装";
          alerts.add(
              new Alert(
                  ID,
                  Alert.Severity.CRITICAL,
                  input.slot(),
                  profile,
                  null,
                  "profile:" + profile,
                  null,
                  null,
                  "版面变化："
                      + profile
                      + " "
                      + keywords.size()
                      + " 个关键词 layout_changed（"
                      + samples
                      + " 个样本）",
                  AlertText.keywords(keywords, "；" + advice)));
        });
    return alerts;
  }
}
