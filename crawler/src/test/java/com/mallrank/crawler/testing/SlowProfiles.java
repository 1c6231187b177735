package com.mallrank.crawler.testing;

import com.mallrank.crawler.profile.SiteProfile;
import com.mallrank.crawler.profile.SiteProfiles;

/** A minimal html profile around one field under test, for the hostile-value tests and bench. */
public final class SlowProfiles {

  private SlowProfiles() {}

  /** Profile {@code slow} with cards {@code li.card} and these two field definitions. */
  public static SiteProfile withFields(String slowField, String otherField) {
    return SiteProfiles.parse(
        "slow.yml",
        """
        id: slow
        mode: html
        search:
          url-template: "{base}/s?q={keyword}"
        cards:
          select: li.card
        fields:
          %s
          %s
        """
            .formatted(slowField, otherField));
  }
}
