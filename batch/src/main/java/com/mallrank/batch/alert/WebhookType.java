package com.mallrank.batch.alert;

import java.util.Locale;

/** The chat platforms (and the generic JSON form) alerts can go to. */
public enum WebhookType {
  /** Feishu custom bot ({@code open.feishu.cn/open-apis/bot/v2/hook/...}). */
  FEISHU,
  /** Lark, Feishu's international edition: the same bot API. */
  LARK,
  /** DingTalk custom robot ({@code oapi.dingtalk.com/robot/send?access_token=...}). */
  DINGTALK,
  /** WeCom group robot ({@code qyapi.weixin.qq.com/cgi-bin/webhook/send?key=...}). */
  WECOM,
  /** Any HTTP endpoint taking mallrank's own JSON. */
  JSON;

  /** The lower-case name used in configuration. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }
}
