package com.mallrank.crawler.parse;

import com.mallrank.crawler.profile.SiteProfile;

/** Picks the extractor a profile needs. */
public final class Extractors {

  private Extractors() {}

  /**
   * An extractor for the profile, keeping the default Top-{@value ExtractOptions#DEFAULT_DEPTH}.
   */
  public static Extractor forProfile(SiteProfile profile) {
    return forProfile(profile, ExtractOptions.DEFAULT);
  }

  /** An extractor for the profile with the given options. */
  public static Extractor forProfile(SiteProfile profile, ExtractOptions options) {
    return switch (profile.mode()) {
      case HTML -> new HtmlExtractor(profile, options);
      case JSON -> new JsonExtractor(profile, options);
    };
  }
}
