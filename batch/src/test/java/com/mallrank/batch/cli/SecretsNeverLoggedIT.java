package com.mallrank.batch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.mallrank.batch.testing.ConsoleCapture;
import com.mallrank.batch.testing.MallrankCli;
import com.mallrank.index.testing.LocalElasticsearchExtension;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Row 9 of issue 8: with {@code --logging.level.root=DEBUG}, a report against the real
 * Elasticsearch with basic-auth or API-key credentials and a webhook configured prints no {@code
 * Authorization} header, no {@code Basic}/{@code ApiKey} value, no password and no webhook token;
 * credentials inside {@code index.es.url} are refused naming the key, without echoing them.
 */
class SecretsNeverLoggedIT {

  private static final String PASSWORD = "Pw-S3cret-4242";
  private static final String API_KEY = "QXBpS2V5LXNlY3JldC12YWx1ZQ==";
  private static final String TOKEN = "tok9f8e7d6c5b4a3210";

  @RegisterExtension static final MallrankCli MALLRANK = MallrankCli.withoutPlan();

  @RegisterExtension final ConsoleCapture console = ConsoleCapture.merged();

  private int run(String... args) {
    List<String> all = new ArrayList<>();
    all.add("--logging.level.root=DEBUG");
    all.add("--alerts.webhooks[0].name=ops");
    all.add("--alerts.webhooks[0].type=dingtalk");
    all.add("--alerts.webhooks[0].url=http://127.0.0.1:9/robot/send?access_token=" + TOKEN);
    all.add("--alerts.webhooks[0].secret=SEC" + TOKEN);
    all.addAll(List.of(args));
    return MALLRANK.exit(all.toArray(String[]::new));
  }

  @Test
  void basicAuthAtDebugLeavesNoSecretInTheOutput() {
    run(
        "--index.es.url=" + LocalElasticsearchExtension.url(),
        "--index.es.username=mallrank-user",
        "--index.es.password=" + PASSWORD,
        "report",
        "top20",
        "--slot",
        "2026-11-28T14:00");

    String output = console.out();
    assertThat(output).contains("DEBUG"); // root DEBUG really was on
    assertNoSecret(output);
    assertThat(output)
        .doesNotContain(
            Base64.getEncoder()
                .encodeToString(("mallrank-user:" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void apiKeyAtDebugLeavesNoSecretInTheOutput() {
    run(
        "--index.es.url=" + LocalElasticsearchExtension.url(),
        "--index.es.api-key=" + API_KEY,
        "report",
        "top20",
        "--slot",
        "2026-11-28T14:00");

    String output = console.out();
    assertThat(output).contains("DEBUG");
    assertNoSecret(output);
  }

  @Test
  void credentialsInTheUrlAreRefusedNamingTheKeysWithoutEchoingThem() {
    String url = LocalElasticsearchExtension.url().replace("://", "://elastic:" + PASSWORD + "@");

    StringBuilder seen = new StringBuilder();
    try {
      seen.append("exit ").append(run("--index.es.url=" + url, "report", "top20"));
    } catch (RuntimeException e) {
      for (Throwable t = e; t != null; t = t.getCause()) {
        seen.append('\n').append(t.getMessage());
      }
    }
    String all = seen + "\n" + console.out();

    assertThat(all)
        .contains("index.es.url must not carry credentials ('http://***@127.0.0.1:")
        .contains("set index.es.username and index.es.password, or index.es.api-key")
        .doesNotContain(PASSWORD);
    assertNoSecret(console.out());
  }

  private static void assertNoSecret(String output) {
    assertThat(output)
        .doesNotContain("Authorization")
        .doesNotContain("authorization:")
        .doesNotContain("ApiKey ")
        .doesNotContain("Basic ")
        .doesNotContain(PASSWORD)
        .doesNotContain(API_KEY)
        .doesNotContain(TOKEN);
  }
}
