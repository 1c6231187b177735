package com.mallrank.crawler.parse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.mallrank.crawler.fetch.FetchResponse;
import com.mallrank.crawler.model.Listing;
import com.mallrank.crawler.model.ResultPage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a profile against a saved page, offline, and renders the result for a person: the engine of
 * {@code mallrank profile test}. The JSON rendering has the shape of the golden fixtures' {@code
 * <case>.expected.json}, so a reviewed output can become a new fixture.
 */
public final class ProfileTester {

  /** Made on first use: rendering a table never builds a mapper (about 30 ms at start-up). */
  private static final class Json {
    static final JsonMapper MAPPER =
        JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
  }

  private ProfileTester() {}

  /**
   * Extracts a saved page as if it had been served with {@code httpStatus}. The file is read as
   * bytes (a leading UTF-8 byte-order mark dropped): a JSON profile reads a streamed body from
   * them, whose frames may split a character that decoding the file up front would lose; text
   * markers and HTML read their UTF-8 text.
   *
   * @throws UncheckedIOException when the file cannot be read
   */
  public static ResultPage test(
      com.mallrank.crawler.profile.SiteProfile profile,
      Path page,
      int httpStatus,
      ExtractOptions options) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(page);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (bytes.length >= 3
        && bytes[0] == (byte) 0xEF
        && bytes[1] == (byte) 0xBB
        && bytes[2] == (byte) 0xBF) {
      bytes = Arrays.copyOfRange(bytes, 3, bytes.length);
    }
    FetchResponse response =
        FetchResponse.ofBytes(page.toUri().toString(), httpStatus, null, bytes, Duration.ZERO);
    return Extractors.forProfile(profile, options).extract(response);
  }

  /**
   * {@link #test(com.mallrank.crawler.profile.SiteProfile, Path, int, ExtractOptions)} with 200.
   */
  public static ResultPage test(
      com.mallrank.crawler.profile.SiteProfile profile, Path page, ExtractOptions options) {
    return test(profile, page, 200, options);
  }

  /** A plain-text table: a status line, the evidence, then one row per listing. */
  public static String table(ResultPage page) {
    StringBuilder out = new StringBuilder();
    out.append("status: ").append(page.status().code()).append('\n');
    if (page.evidence().marker() != null) {
      out.append("marker: ").append(page.evidence().marker()).append('\n');
    }
    if (page.evidence().detail() != null) {
      out.append("detail: ").append(page.evidence().detail()).append('\n');
    }
    if (page.listings().isEmpty()) {
      return out.toString();
    }
    out.append(
        String.format(
            "%4s %4s %-3s %-20s %12s %7s %-20s %s%n",
            "pos", "org", "ad", "product-id", "price", "cos%", "shop", "title"));
    for (Listing l : page.listings()) {
      out.append(
          String.format(
              "%4d %4s %-3s %-20s %12s %7s %-20s %s%n",
              l.position(),
              l.organicRank() == null ? "-" : l.organicRank(),
              l.sponsored() ? "ad" : "",
              l.productId(),
              plain(l.price()),
              plain(l.commissionRate()),
              clip(l.shopName() != null ? l.shopName() : l.shopId(), 20),
              clip(l.title(), 40)));
    }
    return out.toString();
  }

  /** The page as JSON in the golden-fixture shape (kebab-case keys, numbers as exact strings). */
  public static String json(ResultPage page) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("http-status", page.evidence().httpStatus());
    root.put("status", page.status().code());
    root.put("marker", page.evidence().marker());
    root.put("detail", page.evidence().detail());
    List<Map<String, Object>> listings = new ArrayList<>();
    for (Listing l : page.listings()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("position", l.position());
      m.put("organic-rank", l.organicRank());
      m.put("sponsored", l.sponsored());
      m.put("product-id", l.productId());
      m.put("title", l.title());
      m.put("shop-id", l.shopId());
      m.put("shop-name", l.shopName());
      m.put("price", l.price() == null ? null : l.price().toPlainString());
      m.put("commission", l.commissionRate() == null ? null : l.commissionRate().toPlainString());
      m.put("image", l.imageUrl());
      m.put("sales", l.salesLabel());
      listings.add(m);
    }
    root.put("listings", listings);
    try {
      return Json.MAPPER.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String plain(BigDecimal value) {
    return value == null ? "-" : value.toPlainString();
  }

  private static String clip(String s, int max) {
    if (s == null) {
      return "-";
    }
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }
}
