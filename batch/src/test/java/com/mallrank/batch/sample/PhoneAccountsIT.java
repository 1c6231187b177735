package com.mallrank.batch.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.mallrank.batch.runtime.ElasticsearchRuntime;
import com.mallrank.batch.testing.InContextCommand;
import com.mallrank.batch.testing.MallrankIT;
import com.mallrank.crawler.testing.DouyinPhone;
import com.mallrank.crawler.testing.DouyinPhone.Card;
import com.mallrank.index.report.KeywordTop20;
import com.mallrank.index.report.Reports;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.batch.core.BatchStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Matrix accounts on a phone surface (the built-in douyin-mall, {@code fetch.with: har}), through
 * the sample job, the real Elasticsearch, {@code plan validate} and {@code accounts status}: each
 * account's samples come from its own folder, {@code crawler.har-dir/<account-id>/}; the phone
 * holds the login, so a login state file that is missing (mx-a) or too open (mx-b, in the accounts
 * folder) is neither demanded nor read for it; a capture showing Douyin's login refusal (2483) is
 * that account's {@code login_required} and {@code accounts status} says {@code needs-login}; the
 * anonymous vantage is never sampled there (Douyin search needs a login) and {@code plan validate}
 * warns. An account on both a phone and a fetched surface (mx-c) keeps its state file's trouble on
 * the fetched one only.
 */
@MallrankIT(
    plan = "",
    properties = {"batch.threads=1"})
@ExtendWith(OutputCaptureExtension.class)
class PhoneAccountsIT {

  private static final Instant SLOT = Instant.parse("2026-12-01T02:00:00Z");
  private static final String CAT = "猫粮";
  private static final String DOG = "狗粮";
  private static final String WEB = "加厚羽绒服女长款";

  private static final Card A1 = new Card("3712026120100001001", "全价成猫粮鸡肉味2kg", 13900, "喵生活宠物旗舰店");
  private static final Card A2 = new Card("3712026120100001002", "冻干双拼猫粮1.8kg", 32800, "毛球粮仓专营店");
  private static final Card D1 = new Card("3712026120100003001", "全价成犬粮牛肉味10kg", 19900, "汪星球旗舰店");

  private static Path har;
  private static Path missingState;
  private static Path tooOpenState;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) throws IOException {
    Path accounts = Files.createTempDirectory("phone-accounts");
    Files.setPosixFilePermissions(accounts, PosixFilePermissions.fromString("rwx------"));
    missingState = accounts.resolve("lost-mx-a.json"); // never written
    tooOpenState = accounts.resolve("mx-b.json");
    Files.writeString(tooOpenState, "{\"cookies\":[],\"origins\":[]}");
    Files.setPosixFilePermissions(tooOpenState, PosixFilePermissions.fromString("rw-r--r--"));
    har = Files.createTempDirectory("phone-har");
    // mx-a's phone: 猫粮 and 狗粮; mx-b's phone was logged out when it searched 猫粮; mx-c's phone
    // searched 猫粮 with another answer; a logged-in phone's capture dropped in the root folder
    drop("mx-a", new DouyinPhone().search(at(300), CAT, A1, A2).search(at(420), DOG, D1));
    drop("mx-b", new DouyinPhone().loginRefused(at(310), CAT));
    drop("mx-c", new DouyinPhone().search(at(330), CAT, A2, D1, A1));
    drop(".", new DouyinPhone().search(at(340), CAT, A1));
    Path plan = Files.createTempFile("phone-plan", ".yml");
    Files.writeString(
        plan,
        """
        accounts:
          - id: mx-a
            product-ids: ["%s"]
            storage-state: %s
          - id: mx-b
            product-ids: ["%s"]
          - id: mx-c
            product-ids: ["%s"]
            storage-state: %s
        groups:
          - name: phone
            profile: douyin-mall
            depth: 10
            vantages: [anonymous, mx-a, mx-b, mx-c]
            keywords: [%s, %s]
          - name: web
            profile: sandbox-static
            vantages: [mx-c]
            keywords: [%s]
        """
            .formatted(A1.id(), missingState, A2.id(), D1.id(), missingState, CAT, DOG, WEB));
    plan.toFile().deleteOnExit();
    registry.add("batch.plan", plan::toString);
    registry.add("batch.accounts-dir", accounts::toString);
    registry.add("crawler.har-dir", har::toString);
  }

  private static Instant at(int seconds) {
    return SLOT.plusSeconds(seconds);
  }

  private static void drop(String folder, DouyinPhone phone) throws IOException {
    Path dir = Files.createDirectories(har.resolve(folder));
    Files.writeString(dir.resolve("phone.har"), phone.write(), StandardCharsets.US_ASCII);
  }

  @Autowired SampleLauncher launcher;
  @Autowired ElasticsearchRuntime elasticsearch;
  @Autowired ApplicationContext context;

  @Test
  void eachAccountIsItsOwnPhoneAndThePhoneHoldsTheLogin(CapturedOutput output) throws Exception {
    String validate = InContextCommand.run(context, "plan", "validate");
    assertThat(validate).contains("valid, 3 accounts, 2 groups, 2 warnings");
    assertThat(validate.lines().filter(l -> l.startsWith("warning: ")))
        .containsExactly(
            "warning: account mx-c: login state file "
                + missingState
                + " does not exist: log the account in with `mallrank accounts login` (or"
                + " `accounts import`); its samples are skipped (needs-login) until it logs in"
                + " again: mallrank accounts login --id mx-c",
            "warning: group phone: douyin-mall searches only with a logged-in account"
                + " (search.requires-login; without one it answers path responses[*].status_code"
                + " | status_code = 2483 or path responses[*].search_nil_info.search_nil_type |"
                + " search_nil_info.search_nil_type = login): its anonymous vantage is never"
                + " sampled (skipped, no-account); list matrix accounts as its vantages, each"
                + " phone's captures in "
                + har
                + "/<account-id>/");

    assertThat(launcher.launch("phone", SLOT).getStatus()).isEqualTo(BatchStatus.COMPLETED);
    // crawler.base-url is blank: the phone group needs no base URL, so the sandbox mall (the demo
    // wiring's default target) is not started for it; the web group's sandbox-static starts it
    assertThat(output.getAll()).doesNotContain("sandbox mall serving at");
    assertThat(launcher.launch("web", SLOT).getStatus()).isEqualTo(BatchStatus.COMPLETED);
    assertThat(output.getAll().lines().filter(l -> l.contains("sandbox mall serving at")))
        .hasSize(1);

    assertThat(reports().counts(SLOT).samplesByStatus())
        .isEqualTo(Map.of("ok", 3L, "login_required", 1L, "skipped", 5L));
    assertThat(statuses("anonymous")).containsExactly("skipped/no-account", "skipped/no-account");
    assertThat(statuses("mx-a")).containsExactly("ok/null", "ok/null");
    assertThat(statuses("mx-b"))
        .containsExactly(
            "login_required/login-required: path responses[*].status_code | status_code = 2483",
            "skipped/no-capture");
    assertThat(statuses("mx-c")).containsExactly("ok/null", "skipped/no-capture");
    assertThat(listings("mx-a", CAT))
        .containsExactly(tuple(1, A1.id(), "mx-a"), tuple(2, A2.id(), "mx-b"));
    assertThat(listings("mx-c", CAT))
        .containsExactly(
            tuple(1, A2.id(), "mx-b"), tuple(2, D1.id(), "mx-c"), tuple(3, A1.id(), "mx-a"));
    assertThat(listings("mx-a", DOG)).containsExactly(tuple(1, D1.id(), "mx-c"));
    // the root folder's capture was not read for the anonymous vantage
    assertThat(har.resolve("phone.har")).exists();
    assertThat(har.resolve("mx-a/processed/phone.har")).exists();
    // mx-c's state file is its fetched surface's trouble only
    KeywordTop20 web = reports().top20(SLOT, "mx-c", List.of(WEB)).keyword(WEB).orElseThrow();
    assertThat(web.status() + "/" + web.sample().marker()).isEqualTo("skipped/needs-login");

    String status = InContextCommand.run(context, "accounts", "status");
    assertThat(cells(status, "mx-a", "douyin-mall").subList(2, 4))
        .containsExactly("ok", "2026-12-01 10:00 ok");
    assertThat(cells(status, "mx-a", "douyin-mall").get(7))
        .startsWith("phone capture (" + har.resolve("mx-a") + "/), newest file ");
    assertThat(cells(status, "mx-a", "douyin-mall").subList(9, 12))
        .containsExactly("—", "— (phone)", "— (phone)");
    assertThat(cells(status, "mx-b", "douyin-mall").subList(2, 6))
        .containsExactly(
            "needs-login", "2026-12-01 10:00 skipped (no-capture)", "—", "2026-12-01 10:00");
    assertThat(cells(status, "mx-c", "douyin-mall").get(2)).isEqualTo("ok");
    assertThat(cells(status, "mx-c", "sandbox-static").get(2))
        .isEqualTo("needs-login (state file missing)");
    // mx-a's and mx-b's state files (missing, too open) are neither shown nor their trouble
    assertThat(status)
        .doesNotContain(tooOpenState.toString(), "state file too open")
        .contains("mx-c: login state file " + missingState + " does not exist")
        .doesNotContain("mx-a: login state file", "mx-b: login state file");
  }

  private Reports reports() {
    return new Reports(elasticsearch.client(), elasticsearch.names());
  }

  private List<String> statuses(String vantage) {
    List<String> out = new ArrayList<>();
    for (String keyword : List.of(CAT, DOG)) {
      KeywordTop20 top =
          reports().top20(SLOT, vantage, List.of(CAT, DOG)).keyword(keyword).orElseThrow();
      out.add(top.status() + "/" + top.sample().marker());
    }
    return out;
  }

  private List<org.assertj.core.groups.Tuple> listings(String vantage, String keyword) {
    return reports()
        .top20(SLOT, vantage, List.of(keyword))
        .keyword(keyword)
        .orElseThrow()
        .listings()
        .stream()
        .map(l -> tuple(l.position(), l.productId(), l.matrixAccount()))
        .toList();
  }

  /** The cells of the status table's line of an account on a surface. */
  private static List<String> cells(String table, String account, String surface) {
    return table
        .lines()
        .map(l -> List.of(l.strip().split("\\s{2,}")))
        .filter(c -> c.get(0).equals(account) && c.size() > 1 && c.get(1).equals(surface))
        .findFirst()
        .orElseThrow(() -> new AssertionError(account + " " + surface + " not in\n" + table));
  }
}
