package com.mallrank.crawler.fetch.har;

import com.mallrank.crawler.fetch.FetchException;

/**
 * The HAR files hold no search of the sample's keyword in its slot: nothing was fetched on purpose,
 * so the sample is {@code skipped} ({@code no-capture}), never a ranking lost. The message says
 * which of "no request to the search URL", "keyword differs" or "keyword not readable" it was.
 */
public final class NoCaptureException extends FetchException {

  private static final long serialVersionUID = 1L;

  private final String detail;

  public NoCaptureException(String url, String detail) {
    super(url, detail);
    this.detail = detail;
  }

  /** The reason, without the URL. */
  public String detail() {
    return detail;
  }
}
