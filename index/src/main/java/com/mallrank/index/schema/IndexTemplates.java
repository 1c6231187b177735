package com.mallrank.index.schema;

import java.io.InputStream;

/** The index template bodies, kept once as JSON resources (other modules' tests read them too). */
public final class IndexTemplates {

  /** The listings template body: settings and the strict mapping of {@code ListingDocument}. */
  public static final String LISTINGS_RESOURCE = "mallrank/index/templates/listings.json";

  /** The samples template body: settings and the strict mapping of {@code SampleDocument}. */
  public static final String SAMPLES_RESOURCE = "mallrank/index/templates/samples.json";

  /** The change-events template body: the strict mapping of {@code ChangeEvent}. */
  public static final String CHANGES_RESOURCE = "mallrank/index/templates/changes.json";

  /** The daily-summaries template body: the strict mapping of {@code DailySummary}. */
  public static final String DAILY_RESOURCE = "mallrank/index/templates/daily.json";

  /** The slot-outcomes template body: the strict mapping of {@code SlotOutcome}. */
  public static final String SLOTS_RESOURCE = "mallrank/index/templates/slots.json";

  private IndexTemplates() {}

  /** Opens a template resource; the caller closes the stream. */
  public static InputStream open(String resource) {
    InputStream in = IndexTemplates.class.getClassLoader().getResourceAsStream(resource);
    if (in == null) {
      throw new IllegalStateException("Missing classpath resource " + resource);
    }
    return in;
  }
}
