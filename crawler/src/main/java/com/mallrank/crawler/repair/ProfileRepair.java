package com.mallrank.crawler.repair;

import com.fasterxml.jackson.databind.JsonNode;
import com.mallrank.crawler.fetch.FetchResponse;
import com.mallrank.crawler.model.Listing;
import com.mallrank.crawler.model.ResultPage;
import com.mallrank.crawler.model.SampleStatus;
import com.mallrank.crawler.parse.ExtractOptions;
import com.mallrank.crawler.parse.Extractors;
import com.mallrank.crawler.profile.FieldName;
import com.mallrank.crawler.profile.ProfileException;
import com.mallrank.crawler.profile.ProfileMode;
import com.mallrank.crawler.profile.SiteProfile;
import com.mallrank.crawler.profile.SiteProfiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jsoup.Jsoup;

/**
 * The engine of {@code mallrank profile repair}: from an old profile (object and YAML text), the
 * new page (bytes, as saved or kept as evidence) and the listings the old profile read before,
 * proposes the profile that reads the new page, as a minimal edit of the old text, and checks it by
 * extracting the new page with it. Pure: reads nothing, writes nothing.
 */
public final class ProfileRepair {

  /**
   * How a repair is bounded and judged.
   *
   * @param minAgreement the share of cards of known listings (0.5..1) on which a field's rule must
   *     read the known value (values may differ on a few cards when the known listings are from
   *     another hour: a price changed, a sale counted)
   * @param maxPageBytes the largest page read ({@code crawler.max-page-size}, as for sampling)
   */
  public record Settings(double minAgreement, long maxPageBytes) {

    public Settings {
      if (minAgreement < 0.5 || minAgreement > 1) {
        throw new IllegalArgumentException("the agreement must be 50..100 %, was " + minAgreement);
      }
      if (maxPageBytes < 1) {
        throw new IllegalArgumentException("maxPageBytes must be positive");
      }
    }
  }

  private ProfileRepair() {}

  /**
   * Repairs {@code old} for {@code page}.
   *
   * @param oldText the old profile's YAML, edited into the proposal
   * @param pageUrl the page's URL or file URI (the base of relative links)
   * @param known the listings the old profile read from a page of the same search before
   * @throws IllegalArgumentException when the page is larger than the settings allow or nothing is
   *     known
   */
  public static RepairResult repair(
      SiteProfile old,
      String oldText,
      String pageUrl,
      byte[] page,
      List<Listing> known,
      Settings settings) {
    Objects.requireNonNull(old, "old");
    if (page.length > settings.maxPageBytes()) {
      throw new IllegalArgumentException(
          "the page is "
              + page.length
              + " bytes, more than the "
              + settings.maxPageBytes()
              + " a page may have (crawler.max-page-size)");
    }
    if (known.isEmpty()) {
      throw new IllegalArgumentException("no known listing to learn from");
    }
    ResultPage before = extract(old, pageUrl, page);
    SampleStatus status = before.status();
    if (status == SampleStatus.BLOCKED
        || status == SampleStatus.LOGIN_REQUIRED
        || status == SampleStatus.EMPTY) {
      return RepairResult.failed(
          old,
          oldText,
          known.size(),
          "the new page is "
              + status.code()
              + (before.evidence().marker() == null ? "" : " (" + before.evidence().marker() + ")")
              + ": not a result page, nothing to learn the layout from");
    }
    Verification already = Verification.of(before, known);
    if (status.producesRanks() && passes(already, known, settings)) {
      return RepairResult.nothingToRepair(old, oldText, known.size(), already);
    }
    Proposal proposal;
    if (old.mode() == ProfileMode.HTML) {
      String html = new String(page, StandardCharsets.UTF_8);
      proposal =
          new HtmlInduction(old, Jsoup.parse(html, pageUrl), known, settings.minAgreement()).run();
    } else {
      JsonNode root;
      try {
        root = com.mallrank.crawler.parse.JsonExtractor.document(page);
      } catch (IOException | RuntimeException e) {
        return RepairResult.failed(
            old, oldText, known.size(), "the new page is not JSON: " + e.getMessage());
      }
      if (root == null) {
        return RepairResult.failed(old, oldText, known.size(), "the new page is empty");
      }
      proposal = new JsonInduction(old, root, known, settings.minAgreement()).run();
    }
    if (proposal.failure() != null) {
      return RepairResult.failed(old, oldText, known.size(), proposal.failure());
    }
    String newText;
    try {
      newText = ProfileEdits.apply(oldText, old.mode(), proposal);
    } catch (IllegalStateException e) {
      // a shape the line editor leaves to a person (a non-empty flow list, a nested flow mapping)
      return RepairResult.failed(
          old,
          oldText,
          known.size(),
          "the profile's YAML cannot be edited here: " + e.getMessage());
    }
    SiteProfile repaired;
    try {
      repaired = SiteProfiles.parse(old.source(), newText);
    } catch (ProfileException e) {
      return RepairResult.failed(
          old,
          oldText,
          known.size(),
          "the proposed profile does not load (" + e.getMessage() + "); please report this");
    }
    Verification after = Verification.of(extract(repaired, pageUrl, page), known);
    boolean complete = after.page().status().producesRanks() && passes(after, known, settings);
    return RepairResult.of(old, oldText, newText, proposal, after, known.size(), complete);
  }

  /** Whether the profile read the known listings on the page well enough. */
  static boolean passes(Verification check, List<Listing> known, Settings settings) {
    Set<String> ids = new HashSet<>();
    known.forEach(l -> ids.add(l.productId()));
    if (check.matched() < Math.min(3, ids.size())) {
      return false;
    }
    for (Verification.FieldCheck field : check.fields().values()) {
      if (field.agree() < settings.minAgreement() * field.total()) {
        return false;
      }
    }
    return check.ads().accepted(settings.minAgreement());
  }

  private static ResultPage extract(SiteProfile profile, String url, byte[] page) {
    FetchResponse response = FetchResponse.ofBytes(url, 200, null, page, Duration.ZERO);
    return Extractors.forProfile(profile, new ExtractOptions(ExtractOptions.MAX_DEPTH))
        .extract(response);
  }

  /** The fields a table lists, in order. */
  static List<FieldName> fields() {
    return new ArrayList<>(List.of(FieldName.values()));
  }
}
