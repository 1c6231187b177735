package com.mallrank.crawler.evidence;

import java.util.Collection;
import java.util.regex.Pattern;

/**
 * Removes secrets from a body before it is kept as evidence: the identity's own cookie values
 * (wherever they appear), the values of signature and session parameters in URLs and JSON ({@code
 * a_bogus}, {@code X-Bogus}, {@code msToken}, {@code verifyFp}, {@code fp}, {@code _signature},
 * {@code sessionid}, {@code ttwid}, …) and cookie headers. Each is replaced by {@value #MASK}, so
 * the evidence still shows where they were. Pure and thread-safe.
 */
public final class EvidenceRedactor {

  /** What a removed value is replaced with. */
  public static final String MASK = "REDACTED";

  /** Cookie values shorter than this are not searched for (they would mask ordinary text). */
  static final int MIN_SECRET_LENGTH = 6;

  private static final String NAMES =
      "a_bogus|x-bogus|x_bogus|mstoken|verifyfp|fp|_signature|signature|token|access_token"
          + "|refresh_token|sessionid|sessionid_ss|sid_tt|sid_guard|uid_tt|ttwid|odin_tt"
          + "|s_v_web_id|passport_csrf_token|csrf_token|__ac_nonce|__ac_signature|sandbox_uid";

  /** {@code name=value} in a URL, a form body or a cookie string. */
  private static final Pattern PARAM =
      Pattern.compile("(?i)(^|[?&;\\s\"',/{])(" + NAMES + ")=([^&;\\s\"'<>\\\\]*)");

  /** {@code "name": "value"} in JSON. */
  private static final Pattern JSON_FIELD =
      Pattern.compile("(?i)(\"(?:" + NAMES + ")\"\\s*:\\s*)\"(?:[^\"\\\\]|\\\\.)*\"");

  /** A {@code cookie} / {@code set-cookie} header or field, to the end of its value. */
  private static final Pattern COOKIE_HEADER =
      Pattern.compile("(?i)(\"?(?:set-)?cookie\"?\\s*[:=]\\s*\"?)([^\"\\n]*)");

  private EvidenceRedactor() {}

  /**
   * The text with secrets masked.
   *
   * @param secrets the identity's cookie values, masked wherever they appear
   */
  public static String redact(String text, Collection<String> secrets) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    String result = text;
    for (String secret : secrets) {
      if (secret != null && secret.length() >= MIN_SECRET_LENGTH) {
        result = result.replace(secret, MASK);
      }
    }
    result = COOKIE_HEADER.matcher(result).replaceAll("$1" + MASK);
    result = JSON_FIELD.matcher(result).replaceAll("$1\"" + MASK + "\"");
    result = PARAM.matcher(result).replaceAll("$1$2=" + MASK);
    return result;
  }
}
