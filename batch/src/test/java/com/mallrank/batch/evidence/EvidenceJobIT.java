package com.mallrank.batch.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import com.mallrank.batch.demo.SandboxRuntime;
import com.mallrank.batch.retention.RetentionCommand;
import com.mallrank.batch.retention.RetentionProperties;
import com.mallrank.batch.retention.Retentions;
import com.mallrank.batch.runtime.ElasticsearchRuntime;
import com.mallrank.batch.sample.SampleLauncher;
import com.mallrank.batch.testing.MallrankIT;
import com.mallrank.crawler.sandbox.Fault;
import com.mallrank.crawler.sandbox.SandboxMall;
import com.mallrank.index.document.SampleDocument;
import com.mallrank.index.write.StoredSamples;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import picocli.CommandLine;

/**
 * Evidence kept for fixing, end to end on the sandbox mall and the real Elasticsearch: a slot with
 * a captcha keyword and a redesigned-page keyword keeps exactly their bodies (one per vantage),
 * without the identity cookie or the signed parameters, the path in each sample document; ok
 * samples keep nothing; retention deletes it with the raw listings.
 */
@MallrankIT(properties = "batch.threads=1")
class EvidenceJobIT {

  private static final Instant SLOT = Instant.parse("2026-11-27T06:00:00Z");
  private static final List<String> VANTAGES =
      List.of("anonymous", "mx-hangzhou", "mx-yiwu", "mx-guangzhou");
  private static final String BLOCKED = "火星土壤盆栽礼盒";
  private static final String CHANGED = "洗衣凝珠持久留香";
  private static final List<String> KEYWORDS =
      List.of(
          "加厚羽绒服女长款", "白鸭绒羽绒服女短款", "羽绒服女小个子", "高领毛衣女内搭", "无线蓝牙耳机降噪", CHANGED, "男士冲锋衣三合一", BLOCKED);
  private static final Path DIR;

  static {
    try {
      DIR = Files.createTempDirectory("mallrank-evidence-it");
    } catch (java.io.IOException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("crawler.evidence.dir", DIR::toString);
  }

  @Autowired SampleLauncher launcher;
  @Autowired SandboxRuntime sandbox;
  @Autowired ElasticsearchRuntime elasticsearch;
  @Autowired EvidenceKeeper evidence;

  @Test
  void failedSamplesKeepRedactedEvidenceOkSamplesNoneAndRetentionPrunesIt() throws Exception {
    sandbox.mall().setTime(SLOT);
    sandbox.mall().faults().set(BLOCKED, Fault.CAPTCHA);
    sandbox.mall().faults().set(CHANGED, Fault.LAYOUT_CHANGED);
    try {
      launcher.launch("core", SLOT);
    } finally {
      sandbox.mall().faults().clearAll();
    }

    StoredSamples stored = new StoredSamples(elasticsearch.client(), elasticsearch.names());
    List<Path> kept = new ArrayList<>();
    for (String keyword : KEYWORDS) {
      for (String vantage : VANTAGES) {
        SampleDocument sample = stored.find(SLOT, "sandbox-static", keyword, vantage).orElseThrow();
        if (keyword.equals(BLOCKED) || keyword.equals(CHANGED)) {
          assertThat(sample.status())
              .as(keyword + " @ " + vantage)
              .isEqualTo(keyword.equals(BLOCKED) ? "blocked" : "layout_changed");
          assertThat(sample.evidencePath()).as(keyword + " @ " + vantage).isNotNull();
          Path file = Path.of(sample.evidencePath());
          assertThat(file).startsWith(DIR).hasExtension("html");
          kept.add(file);
          String body = Files.readString(file, StandardCharsets.UTF_8);
          assertThat(body).contains(keyword.equals(BLOCKED) ? "captcha-verify" : "sku-item");
          // what the page echoed: the signed parameters and the identity cookie's value
          assertThat(body)
              .contains("msToken=REDACTED", "a_bogus=REDACTED")
              .doesNotContain(SandboxMall.SIGNED_MS_TOKEN, SandboxMall.SIGNED_A_BOGUS);
          if (!vantage.equals("anonymous")) {
            assertThat(body).contains("window.__viewer = \"REDACTED\"").doesNotContain(vantage);
          }
        } else {
          assertThat(sample.status()).as(keyword + " @ " + vantage).isIn("ok", "partial");
          assertThat(sample.evidencePath()).as(keyword + " @ " + vantage).isNull();
        }
      }
    }
    assertThat(kept).hasSize(8).doesNotHaveDuplicates();
    assertThat(evidence.store().list()).containsExactlyInAnyOrderElementsOf(kept);

    // list and show: the keyword's files; the body escaped, its summary
    String listed =
        run(new EvidenceListCommand(evidence), "--slot", SLOT.toString(), "--keyword", BLOCKED);
    assertThat(listed).contains("4 file(s) under " + DIR);
    Path first = kept.get(kept.size() - 1);
    assertThat(listed).contains(first.toString());
    String shown = run(new EvidenceShowCommand(evidence), first.toString());
    assertThat(shown)
        .contains("kind:  page (HTML)", "title: 安全验证", "captcha-verify")
        .doesNotContain(SandboxMall.SIGNED_MS_TOKEN);

    // retention: the slot is older than one day, its evidence goes with its raw listings
    RetentionCommand retention =
        new RetentionCommand(
            new Retentions(
                elasticsearch, new RetentionProperties(true, "0 30 4 * * *", 35), evidence));
    String pruned = run(retention, "--keep-days", "1");
    assertThat(pruned).contains("evidence before").contains(": 1 slot folder(s) deleted");
    assertThat(evidence.store().list()).isEmpty();
    for (Path file : kept) {
      assertThat(file).doesNotExist();
    }
  }

  private static String run(Object command, String... args) {
    PrintStream original = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      int code = new CommandLine(command).execute(args);
      assertThat(code).isZero();
    } finally {
      System.setOut(original);
    }
    return out.toString(StandardCharsets.UTF_8);
  }
}
