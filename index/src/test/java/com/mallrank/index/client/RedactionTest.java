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
