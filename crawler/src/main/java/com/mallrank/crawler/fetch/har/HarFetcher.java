package com.mallrank.crawler.fetch.har;

import com.mallrank.crawler.fetch.FetchException;
import com.mallrank.crawler.fetch.FetchRequest;
import com.mallrank.crawler.fetch.FetchResponse;
import com.mallrank.crawler.fetch.Fetcher;
import com.mallrank.crawler.model.CaptureKeyword;
import java.time.Duration;
import java.util.Objects;

/**
 * A {@link Fetcher} for {@code fetch.with: har}: instead of sending a request, it looks the
 * request's keyword up in its identity's {@link HarInbox} ({@link HarInboxes}: HAR files captured
 * on that vantage's phone through mitmproxy or Charles) and answers with the newest search of that
 * keyword within its slot ({@link FetchRequest#sample()}), in the shape of a browser capture
 * ({@link HarCapture}). Another vantage's folder is never looked at.
 *
 * <p>No search of the keyword in the slot, or no folder for the account yet: {@link
 * NoCaptureException} (the sample is skipped, {@code no-capture}). The keyword's search with no
 * usable response (a failed flow, an empty or non-JSON body): a {@link FetchException} caused by a
 * {@link HarException} (an error, not retried). Sends nothing over the network.
 */
public final class HarFetcher implements Fetcher {

  private final HarInboxes inboxes;
  private final String captureUrl;
  private final CaptureKeyword where;
  private final CaptureKeyword device;

  /**
   * @param inboxes the folders HAR files are dropped in ({@code crawler.har-dir}, one per vantage)
   * @param captureUrl the profile's {@code capture-url}
   * @param where the profile's {@code capture-keyword}
   * @param device the profile's {@code capture-device}, or {@code null}
   */
  public HarFetcher(
      HarInboxes inboxes, String captureUrl, CaptureKeyword where, CaptureKeyword device) {
    this.inboxes = Objects.requireNonNull(inboxes, "inboxes");
    this.captureUrl = Objects.requireNonNull(captureUrl, "captureUrl");
    this.where = where == null ? CaptureKeyword.ANY : where;
    this.device = device;
  }

  @Override
  public FetchResponse fetch(FetchRequest request) throws FetchException {
    long started = System.nanoTime();
    String url = HarInboxes.folderOf(inboxes.root(), request.identity()).toUri().toString();
    if (request.sample() == null) {
      throw new FetchException(url, "a HAR capture needs the sample's keyword and slot");
    }
    HarCapture.Outcome outcome;
    try {
      outcome =
          inboxes
              .of(request.identity())
              .find(
                  captureUrl,
                  where,
                  device,
                  request.sample().keyword(),
                  request.sample().from(),
                  request.sample().to());
    } catch (HarException e) {
      throw new FetchException(url, e.getMessage(), e);
    }
    if (outcome.kind() == HarCapture.Kind.FOUND) {
      return outcome.response(Duration.ofNanos(System.nanoTime() - started));
    }
    if (outcome.kind().noCapture()) {
      throw new NoCaptureException(url, outcome.detail());
    }
    throw new FetchException(url, outcome.detail(), new HarException(outcome.detail()));
  }
}
