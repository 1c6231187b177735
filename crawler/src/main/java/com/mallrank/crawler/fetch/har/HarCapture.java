package com.mallrank.crawler.fetch.har;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mallrank.crawler.body.BodyJson;
import com.mallrank.crawler.body.CaptureDocumentBuilder;
import com.mallrank.crawler.body.ResponseStream;
import com.mallrank.crawler.body.StreamFormatException;
import com.mallrank.crawler.fetch.FetchResponse;
import com.mallrank.crawler.fetch.SearchRequest;
import com.mallrank.crawler.fetch.browser.UrlPattern;
import com.mallrank.crawler.model.CaptureKeyword;
import com.mallrank.crawler.model.CaptureSource;
import com.mallrank.crawler.politeness.AddressGuard;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds, in HAR files, the newest search of one keyword and builds the capture document a browser
 * fetch would have returned: {@code {"url", "responses": [<document>…], "captured": [{"url",
 * "status", "bytes"}…]}}.
 *
 * <p>Which entries: the request URL matches the profile's {@code capture-url} and the decoded
 * request carries the keyword exactly where {@code capture-keyword} says ({@link SearchRequest});
 * the search's first page (no {@code cursor}/{@code offset}, or 0) started within the window. Of
 * those, the newest search: its first page and the pages that follow it in the same file, so page 2
 * follows page 1 and an older search of the same keyword is left out. Bodies are bytes ({@link
 * HarText}), split into their JSON documents by {@link ResponseStream}.
 *
 * <p>A search's pages are read in order up to the first that cannot be read: a failed or cancelled
 * flow (status 0, mitmproxy's {@code _error}), an empty, non-JSON or broken body. The positions of
 * the cards after a missing page cannot be known, so the pages after it are left out, unless the
 * app asked for the same page again (the same {@code cursor}), which then stands in for it. A page
 * whose stream was cut keeps its documents before the cut, and a broken stream that ends the search
 * is recorded as a cut at its byte offset: either way the sample is {@code partial} at most, with
 * the offset in its evidence ({@link ResponseStream.Split#describe}). A first page that cannot be
 * read leaves the search unusable.
 *
 * <p>When nothing fits, the {@link Outcome} says which of three things happened: no request to the
 * search URL; the URL matched but the keyword differs (naming what was found, bounded) or cannot be
 * read (a zstd body); the keyword matched but the response is unusable (and why). Messages never
 * hold a request's query values (device ids, signatures): URLs are shown without their query.
 */
public final class HarCapture {

  /** How many distinct other keywords a message names. */
  static final int NAMED_VALUES = 5;

  /** Exact, bounded numbers, as the browser's captures and the extractor ({@link BodyJson}). */
  private static final ObjectMapper JSON = BodyJson.MAPPER;

  private final String captureUrl;
  private final UrlPattern pattern;
  private final CaptureKeyword where;
  private final CaptureKeyword device;

  /**
   * @param captureUrl the profile's {@code capture-url} (glob or {@code regex:…})
   * @param where the profile's {@code capture-keyword}
   * @param device the profile's {@code capture-device}, or {@code null}: not checked
   */
  public HarCapture(String captureUrl, CaptureKeyword where, CaptureKeyword device) {
    this.captureUrl = captureUrl;
    this.pattern = UrlPattern.parse(captureUrl);
    this.where = where == null ? CaptureKeyword.ANY : where;
    this.device = device == null || device.anywhere() ? null : device;
  }

  /** The device not checked. */
  public HarCapture(String captureUrl, CaptureKeyword where) {
    this(captureUrl, where, null);
  }

  /** Keyword anywhere in the request ({@link CaptureKeyword#ANY}). */
  public HarCapture(String captureUrl) {
    this(captureUrl, CaptureKeyword.ANY);
  }

  /** What a look-up found. */
  public enum Kind {
    /** The keyword's search: {@link Outcome#document()} holds it. */
    FOUND,
    /** No request to the search URL (within the window). */
    NO_REQUEST,
    /** Requests to the search URL, none carrying the keyword. */
    KEYWORD_DIFFERS,
    /** Requests to the search URL whose keyword cannot be read (a compressed body). */
    KEYWORD_UNREADABLE,
    /** The keyword's requests, but no usable response. */
    UNUSABLE;

    /**
     * The outcome's name in messages and JSON: {@code no-request}, {@code keyword-differs}, {@code
     * keyword-unreadable}, {@code response-unusable} ({@code found}).
     */
    public String code() {
      return this == UNUSABLE
          ? "response-unusable"
          : name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /** Whether the keyword's search was not captured at all (a sample is then skipped). */
    public boolean noCapture() {
      return this == NO_REQUEST || this == KEYWORD_DIFFERS || this == KEYWORD_UNREADABLE;
    }
  }

  /**
   * The result of a look-up.
   *
   * @param kind what was found
   * @param document the capture document when {@link Kind#FOUND}, else {@code null}
   * @param file the file the search came from, or {@code null}
   * @param detail one line for a person: what was found or why nothing was (no query values)
   * @param badFiles files that could not be read, each {@code <file>: <reason>}
   */
  public record Outcome(
      Kind kind, String document, Path file, String detail, List<String> badFiles) {
    public Outcome {
      badFiles = List.copyOf(badFiles);
    }

    /**
     * The search found, as the response an extractor reads: the capture document, from the file's
     * URL, status 200.
     *
     * @param took how long finding it took
     * @throws IllegalStateException when nothing was found
     */
    public FetchResponse response(Duration took) {
      if (kind != Kind.FOUND) {
        throw new IllegalStateException("no capture: " + detail);
      }
      return new FetchResponse(
          file.toUri().toString(), 200, "application/json", document, null, took);
    }
  }

  /** Whether a request URL matches {@code capture-url}. */
  boolean urlMatches(String url) {
    return pattern.matches(url);
  }

  /**
   * Reads {@code files} and finds the newest search of {@code keyword}. A file that cannot be read
   * is named in {@link Outcome#badFiles()} and does not stop the others.
   *
   * @param keyword the keyword, or {@code null}/empty for the newest search of any keyword
   */
  public Outcome find(List<Path> files, String keyword, Instant from, Instant to) {
    List<HarFile.Scan> scans = new ArrayList<>();
    List<String> bad = new ArrayList<>();
    for (Path file : files) {
      try {
        scans.add(HarFile.scan(file, this::urlMatches));
      } catch (HarException e) {
        bad.add(e.getMessage());
      }
    }
    return select(scans, bad, keyword, from, to);
  }

  /** {@link #find} over files already read. */
  Outcome select(
      List<HarFile.Scan> scans, List<String> bad, String keyword, Instant from, Instant to) {
    boolean anyKeyword = keyword == null || keyword.isEmpty();
    int requests = 0; // to the search URL, within the window
    int laterPagesOnly = 0; // the keyword's, but no first page of its search in the window
    int outside = 0;
    Instant nearest = null;
    Map<String, Integer> others = new LinkedHashMap<>();
    Set<String> unreadable = new LinkedHashSet<>();
    int unreadableCount = 0;
    List<String> unusable = new ArrayList<>();
    int carrying = 0;
    Search best = null;
    Set<String> devices = new HashSet<>(); // compared, never shown: a device id is a secret
    for (HarFile.Scan scan : scans) {
      List<Candidate> ofKeyword = new ArrayList<>();
      for (HarEntry entry : scan.matching()) {
        SearchRequest request = request(entry);
        boolean inWindow = within(entry.started(), from, to);
        if (inWindow) {
          requests++;
          if (device != null) {
            String id =
                request.values(device).stream()
                    .map(f -> f.where() + "=" + f.value().strip())
                    .sorted()
                    .collect(java.util.stream.Collectors.joining("&"));
            if (!id.isEmpty()) {
              devices.add(id);
            }
          }
        } else {
          outside++;
          nearest = nearer(nearest, entry.started(), from);
        }
        if (anyKeyword || request.carries(where, keyword)) {
          ofKeyword.add(new Candidate(entry, request, inWindow));
        } else if (inWindow) {
          if (request.unreadable() != null) {
            unreadable.add(request.unreadable());
            unreadableCount++;
          }
          for (SearchRequest.Found f : request.values(where)) {
            if (!where.anywhere() || related(f.value(), keyword)) {
              others.merge(quoted(f.value()) + " (" + f.where() + ")", 1, Integer::sum);
            }
          }
        }
      }
      ofKeyword.sort(Comparator.comparing(c -> c.entry().startedOrEpoch()));
      for (int i = 0; i < ofKeyword.size(); i++) {
        Candidate first = ofKeyword.get(i);
        if (!first.inWindow()) {
          continue;
        }
        if (!isFirstPage(first.request())) {
          laterPagesOnly++;
          continue;
        }
        carrying++;
        List<Candidate> pages = new ArrayList<>();
        pages.add(first);
        for (int j = i + 1; j < ofKeyword.size() && !isFirstPage(ofKeyword.get(j).request()); j++) {
          pages.add(ofKeyword.get(j));
        }
        List<Page> read = new ArrayList<>();
        Page end = null;
        for (int j = 0; j < pages.size(); j++) {
          Page page = Page.read(pages.get(j).entry());
          if (page.unusable() == null) {
            read.add(page);
          } else if (!retried(pages, j)) {
            if (read.isEmpty()) {
              unusable.add(page.unusable());
            } else {
              end = page;
            }
            break;
          }
        }
        if (!read.isEmpty()
            && (best == null || !first.entry().startedOrEpoch().isBefore(best.started()))) {
          best = new Search(scan.file(), first.entry().startedOrEpoch(), read, end);
        }
      }
    }
    String window = window(from, to);
    String badNote = bad.isEmpty() ? "" : "; " + bad.size() + " file(s) unreadable: " + bad;
    if (devices.size() > 1) {
      // Two phones' searches: whose list is whose cannot be told, and a later page of one would
      // be chained to the other's first page. Never one account's ranks.
      return missing(
          Kind.UNUSABLE,
          "captures of "
              + devices.size()
              + " devices: the "
              + requests
              + " search request(s)"
              + window
              + " differ at capture-device "
              + device
              + ", so they are not one phone's; export each phone's captures into its own"
              + " account's folder"
              + badNote,
          bad);
    }
    if (best != null) {
      String endNote =
          best.end() == null
              ? ""
              : "; page "
                  + (best.pages().size() + 1)
                  + " unusable, the search read up to it: "
                  + best.end().unusable();
      return new Outcome(
          Kind.FOUND,
          document(best),
          best.file(),
          best.pages().size() + " page(s) from " + best.file().getFileName() + endNote + badNote,
          bad);
    }
    String what = anyKeyword ? "any keyword" : "'" + quoted(keyword) + "'";
    if (carrying > 0) {
      return missing(
          Kind.UNUSABLE,
          "keyword "
              + what
              + " matched ("
              + carrying
              + " search(es)"
              + window
              + ") but the response is unusable: "
              + String.join("; ", new LinkedHashSet<>(unusable))
              + badNote,
          bad);
    }
    if (requests == laterPagesOnly) {
      String laterNote =
          laterPagesOnly == 0
              ? ""
              : " (only " + laterPagesOnly + " later page(s) of a search that started before it)";
      String outsideNote =
          outside == 0
              ? ""
              : " ("
                  + outside
                  + " outside it"
                  + (nearest == null ? "" : ", the nearest at " + nearest)
                  + ")";
      return missing(
          Kind.NO_REQUEST,
          "no capture: no request to the search URL (capture-url "
              + captureUrl
              + ")"
              + window
              + laterNote
              + outsideNote
              + " in "
              + scans.size()
              + " HAR file(s)"
              + badNote,
          bad);
    }
    String found =
        others.isEmpty()
            ? (where.anywhere() ? "no request parameter holds it" : "no value at " + where)
            : "found " + named(others);
    String matched = "no capture: search URL matched (" + requests + " request(s)" + window + ")";
    if (unreadableCount > 0) {
      return missing(
          Kind.KEYWORD_UNREADABLE,
          matched
              + ", keyword not readable ("
              + String.join(", ", unreadable)
              + ") in "
              + unreadableCount
              + "; "
              + what
              + " not found elsewhere: "
              + found
              + badNote,
          bad);
    }
    return missing(
        Kind.KEYWORD_DIFFERS,
        matched + " but the keyword differs: " + what + " not at " + where + "; " + found + badNote,
        bad);
  }

  private static Outcome missing(Kind kind, String detail, List<String> bad) {
    return new Outcome(kind, null, null, detail, bad);
  }

  private record Candidate(HarEntry entry, SearchRequest request, boolean inWindow) {}

  /**
   * The keyword's newest search.
   *
   * @param pages its pages, in order, up to the first that cannot be read
   * @param end that page, or {@code null} when every page was read
   */
  private record Search(Path file, Instant started, List<Page> pages, Page end) {}

  /**
   * One page of a search, read once.
   *
   * @param split its documents, or {@code null} when it cannot be read
   * @param unusable why it cannot be read, or {@code null}
   * @param broken the stream error when its body is a broken or cut stream, or {@code null}
   */
  private record Page(
      HarEntry entry, ResponseStream.Split split, String unusable, StreamFormatException broken) {

    static Page read(HarEntry page) {
      String why = null;
      if (page.status() == 0) {
        why =
            page.error() != null
                ? "status 0, _error: " + quoted(page.error())
                : "status 0 (no response: the flow failed or was cancelled)";
      } else if (page.error() != null) {
        why = "_error: " + quoted(page.error());
      } else if (page.bodyProblem() != null) {
        why = page.bodyProblem();
      } else if (page.responseBody().length == 0) {
        why = "empty body (status " + page.status() + ")";
      }
      if (why != null) {
        return new Page(page, null, why, null);
      }
      try {
        ResponseStream.Split split = ResponseStream.split(page.responseBody(), JSON);
        return split != null
            ? new Page(page, split, null, null)
            : new Page(
                page,
                null,
                "not JSON (status " + page.status() + ", " + page.responseBody().length + " bytes)",
                null);
      } catch (StreamFormatException e) {
        return new Page(page, null, e.getMessage(), e);
      }
    }
  }

  static SearchRequest request(HarEntry entry) {
    List<SearchRequest.Param> params =
        entry.postParams().stream().map(p -> new SearchRequest.Param(p.name(), p.value())).toList();
    return SearchRequest.of(
        entry.url(), entry.requestHeaders(), entry.postMimeType(), entry.postBody(), params);
  }

  /**
   * Whether the page at {@code index} is asked for again later in the search (the same {@code
   * cursor}/{@code offset}): an app retries a page that failed, and the retry stands in for it.
   */
  private static boolean retried(List<Candidate> pages, int index) {
    String cursor = cursor(pages.get(index).request());
    for (int j = index + 1; cursor != null && j < pages.size(); j++) {
      if (cursor.equals(cursor(pages.get(j).request()))) {
        return true;
      }
    }
    return false;
  }

  private static boolean isFirstPage(SearchRequest request) {
    String cursor = cursor(request);
    return cursor == null || cursor.chars().allMatch(c -> c == '0');
  }

  /** Where a page starts: the request's {@code cursor} or {@code offset}, or {@code null}. */
  private static String cursor(SearchRequest request) {
    for (String name : List.of("cursor", "offset")) {
      String value = request.parameter(name);
      if (value != null && !value.isEmpty()) {
        return value;
      }
    }
    return null;
  }

  /**
   * The capture document: every document of the pages read, in order, and per page a {@code
   * captured} entry with what the stream split recorded ({@link ResponseStream.Split#describe}), so
   * a cut stream is never taken as whole. A page whose stream broke ends the search as a cut there.
   * {@code "source": "har"} tells the extractor that a person made this capture, so the capture
   * says how deep it goes (its last page's {@code has-more-pointer}), not the sample's depth.
   */
  private static String document(Search search) {
    CaptureDocumentBuilder document =
        new CaptureDocumentBuilder(JSON, search.file().toUri().toString(), CaptureSource.HAR, null);
    for (Page page : search.pages()) {
      HarEntry e = page.entry();
      document.answer(
          AddressGuard.withoutQueryOf(e.url()),
          e.status(),
          e.responseBody().length,
          page.split().documents(),
          page.split());
    }
    Page end = search.end();
    if (end != null && end.broken() != null) {
      HarEntry e = end.entry();
      end.broken()
          .cut()
          .putInto(
              document.entry(
                  AddressGuard.withoutQueryOf(e.url()), e.status(), e.responseBody().length));
    }
    return document.root().toString();
  }

  private static boolean within(Instant started, Instant from, Instant to) {
    if (from == null && to == null) {
      return true;
    }
    if (started == null) {
      return false;
    }
    return (from == null || !started.isBefore(from)) && (to == null || started.isBefore(to));
  }

  private static Instant nearer(Instant nearest, Instant started, Instant from) {
    if (started == null || from == null) {
      return nearest;
    }
    if (nearest == null) {
      return started;
    }
    long a = Math.abs(started.getEpochSecond() - from.getEpochSecond());
    long b = Math.abs(nearest.getEpochSecond() - from.getEpochSecond());
    return a < b ? started : nearest;
  }

  private static String window(Instant from, Instant to) {
    if (from == null && to == null) {
      return "";
    }
    return " within " + (from == null ? "…" : from) + " to " + (to == null ? "…" : to);
  }

  /** Whether a value is worth naming when any parameter may hold the keyword. */
  private static boolean related(String value, String keyword) {
    return keyword != null
        && !value.isEmpty()
        && value.length() <= 100
        && (value.contains(keyword) || keyword.contains(value));
  }

  private static String named(Map<String, Integer> values) {
    StringBuilder out = new StringBuilder();
    int shown = 0;
    for (Map.Entry<String, Integer> e : values.entrySet()) {
      if (shown == NAMED_VALUES) {
        out.append(", … (").append(values.size() - shown).append(" more)");
        break;
      }
      out.append(shown == 0 ? "" : ", ").append(e.getKey());
      if (e.getValue() > 1) {
        out.append(" ×").append(e.getValue());
      }
      shown++;
    }
    return out.toString();
  }

  /** A value as a message may quote it ({@link SearchRequest#clipped}). */
  static String quoted(String value) {
    return SearchRequest.clipped(value);
  }
}
