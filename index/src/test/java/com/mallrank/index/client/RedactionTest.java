package com.mallrank.index.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RedactionTest {

  @Test
  void userInfoQueryValuesAndTokenSegmentsAreRemoved() {
    assertThat(Redaction.url("https://elastic:hunter2@es.example:9200/x"))
        .isEqualTo("https://***@es.example:9200/x");
    assertThat(Redaction.url("https://oapi.dingtalk.com/robot/send?access_token=abc123&x=1"))
        .isEqualTo("https://oapi.dingtalk.com/robot/send?access_token=***&x=***");
    assertThat(
            Redaction.url(
                "https://open.feishu.cn/open-apis/bot/v2/hook/0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0"))
        .isEqualTo("https://open.feishu.cn/open-apis/bot/v2/hook/***");
    assertThat(Redaction.url("http://127.0.0.1:9250")).isEqualTo("http://127.0.0.1:9250");
    assertThat(Redaction.url(null)).isNull();
  }

  @Test
  void aListOfNodeUrlsIsRedactedEntryByEntry() {
    assertThat(
            Redaction.url(
                "https://a:pw1@es1:9200,https://b:pw2@es2:9200/?api_key=k3, http://c:pw4@es3:9200"))
        .isEqualTo("https://***@es1:9200,https://***@es2:9200/?api_key=***,http://***@es3:9200");
    assertThat(Redaction.url("http://es1:9200,http://es2:9200"))
        .isEqualTo("http://es1:9200,http://es2:9200");
    // no scheme: the user-info still goes, wherever the entry sits
    assertThat(Redaction.url("elastic:hunter2@es1:9200")).isEqualTo("***@es1:9200");
    assertThat(Redaction.url("http://es1:9200,elastic:hunter2@es2:9200")).doesNotContain("hunter2");
  }

  @Test
  void anEsUrlWithCredentialsIsRefusedWithoutEchoingThem() {
    assertThatThrownBy(() -> EsConnection.of("http://elastic:hunter2@127.0.0.1:9250"))
        .hasMessage(
            "index.es.url must not carry credentials ('http://***@127.0.0.1:9250'): set"
                + " index.es.username and index.es.password, or index.es.api-key")
        .hasNoCause();
    assertThat(EsConnection.of("https://es.example:9200/?api_key=zzz").toString())
        .doesNotContain("zzz");
  }
}
