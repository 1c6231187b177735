package com.mallrank.crawler.model;

/**
 * Why a sample got its status, kept with the sample so a person can check it later.
 *
 * @param url the URL that was finally loaded
 * @param httpStatus the HTTP status, or 0 when no response was received
 * @param marker the profile marker that matched (e.g. {@code blocked: #captcha}), or {@code null}
 * @param detail a short human-readable explanation, or {@code null}
 */
public record Evidence(String url, int httpStatus, String marker, String detail) {

  public static Evidence of(String url, int httpStatus) {
    return new Evidence(url, httpStatus, null, null);
  }
}
