package com.mallrank.batch.alert;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The signatures of the platforms' "signed" webhooks (加签). */
public final class WebhookSigner {

  private WebhookSigner() {}

  /**
   * Feishu/Lark: Base64(HmacSHA256(key = {@code timestamp + "\n" + secret}, data = empty)), the
   * timestamp in seconds; sent as {@code timestamp} and {@code sign} in the JSON body.
   */
  public static String feishu(String secret, long epochSeconds) {
    return Base64.getEncoder()
        .encodeToString(
            hmac((epochSeconds + "\n" + secret).getBytes(StandardCharsets.UTF_8), new byte[0]));
  }

  /**
   * DingTalk: Base64(HmacSHA256(key = secret, data = {@code timestamp + "\n" + secret})), the
   * timestamp in milliseconds; sent URL-encoded as the {@code timestamp} and {@code sign} query
   * parameters.
   */
  public static String dingTalk(String secret, long epochMillis) {
    return Base64.getEncoder()
        .encodeToString(
            hmac(
                secret.getBytes(StandardCharsets.UTF_8),
                (epochMillis + "\n" + secret).getBytes(StandardCharsets.UTF_8)));
  }

  /**
   * The generic JSON form: hex(HmacSHA256(key = secret, data = {@code timestamp + "." + body})),
   * the timestamp in seconds; sent as {@code X-Mallrank-Signature: sha256=<hex>} with {@code
   * X-Mallrank-Timestamp}.
   */
  public static String json(String secret, long epochSeconds, String body) {
    return HexFormat.of()
        .formatHex(
            hmac(
                secret.getBytes(StandardCharsets.UTF_8),
                (epochSeconds + "." + body).getBytes(StandardCharsets.UTF_8)));
  }

  static String urlEncode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static byte[] hmac(byte[] key, byte[] data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }
}
