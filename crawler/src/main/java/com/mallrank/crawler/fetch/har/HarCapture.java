package com.mallrank.crawler.fetch.har;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mallrank.crawler.body.ResponseStream;
import com.mallrank.crawler.body.StreamFormatException;
import com.mallrank.crawler.fetch.SearchRequest;
import com.mallrank.crawler.fetch.browser.UrlPattern;
import com.mallrank.crawler.model.CaptureKeyword;
import com.mallrank.crawler.politeness.AddressGuard;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
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
 * follows page 1 and an older search of the same keyword is left out. Failed or cancelled flows
 * (status 0, mitmproxy's {@code _error}) are not responses. Bodies are bytes ({@link HarText}),
 * split into their JSON documents by {@link ResponseStream}.
 *
 * <p>When nothing fits, the {@link Outcome} says which of three things happened: no request to the
 * search URL; the URL matched but the keyword differs (naming what was found, bounded) or cannot be
 * read (a zstd body); the keyword matched but the response is unusable (and why). Messages never
 * hold a request's query values (device ids, signatures): URLs are shown without their query.
 */
public final class HarCapture {

  /** How many distinct other keywords a message names. */
  static final int NAMED_VALUES = 5;

  /** How long a value quoted in a message may be. */
  static final int QUOTED_CHARS = 40;

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String captureUrl;
  private final UrlPattern pattern;
  private final CaptureKeyword where;

  /**
   * @param captureUrl the profile's {@code capture-url} (glob or {@code regex:…})
   * @param where the profile's {@code capture-keyword}
   */
  public HarCapture(String captureUrl, CaptureKeyword where) {
    this.captureUrl = captureUrl;
    this.pattern = UrlPattern.parse(captureUrl);
    this.where = where == null ? CaptureKeyword.ANY : where;
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
  }

  /** Whether a request URL matches {@code capture-url}. */
  boolean urlMatches(String url) {
    return pattern.matches(url);
  }

  /**
   * The capture document of {@code keyword} from one file, for tests and tools that want the
   * document only.
   *
   * @param from inclusive, or {@code null} for no lower bound
   * @param to exclusive, or {@code null} for no upper bound
   * @return the document; with no {@code responses} when nothing fits
   * @throws HarException when the file cannot be read as a HAR
   */
  public String document(Path file, String keyword, Instant from, Instant to) throws HarException {
    Outcome outcome = find(List.of(file), keyword, from, to);
    if (!outcome.badFiles().isEmpty()) {
      throw new HarException(outcome.badFiles().get(0));
    }
    return outcome.document() != null ? outcome.document() : empty(file);
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
    for (HarFile.Scan scan : scans) {
      List<Candidate> ofKeyword = new ArrayList<>();
      for (HarEntry entry : scan.matching()) {
        SearchRequest request = request(entry);
        boolean inWindow = within(entry.started(), from, to);
        if (inWindow) {
          requests++;
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
        List<HarEntry> pages = new ArrayList<>();
        pages.add(first.entry());
        for (int j = i + 1; j < ofKeyword.size() && !isFirstPage(ofKeyword.get(j).request()); j++) {
          pages.add(ofKeyword.get(j).entry());
        }
        List<HarEntry> usable = new ArrayList<>();
        for (HarEntry page : pages) {
          String why = unusable(page);
          if (why == null) {
            usable.add(page);
          } else {
            unusable.add(why);
          }
        }
        if (!usable.isEmpty()
            && (best == null || !first.entry().startedOrEpoch().isBefore(best.started()))) {
          best = new Search(scan.file(), first.entry().startedOrEpoch(), usable);
        }
      }
    }
    String window = window(from, to);
    String badNote = bad.isEmpty() ? "" : "; " + bad.size() + " file(s) unreadable: " + bad;
    if (best != null) {
      return new Outcome(
          Kind.FOUND,
          document(best),
          best.file(),
          best.pages().size() + " page(s) from " + best.file().getFileName() + badNote,
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

  private record Search(Path file, Instant started, List<HarEntry> pages) {}

  static SearchRequest request(HarEntry entry) {
    List<SearchRequest.Param> params =
        entry.postParams().stream().map(p -> new SearchRequest.Param(p.name(), p.value())).toList();
    return SearchRequest.of(
        entry.url(), entry.requestHeaders(), entry.postMimeType(), entry.postBody(), params);
  }

  /** Why a page cannot be read, or {@code null} when it can. */
  private static String unusable(HarEntry page) {
    if (page.status() == 0) {
      return page.error() != null
          ? "status 0, _error: " + quoted(page.error())
          : "status 0 (no response: the flow failed or was cancelled)";
    }
    if (page.error() != null) {
      return "_error: " + quoted(page.error());
    }
    if (page.bodyProblem() != null) {
      return page.bodyProblem();
    }
    if (page.responseBody().length == 0) {
      return "empty body (status " + page.status() + ")";
    }
    try {
      if (ResponseStream.split(page.responseBody(), JSON) == null) {
        return "not JSON (status " + page.status() + ", " + page.responseBody().length + " bytes)";
      }
    } catch (StreamFormatException e) {
      return e.getMessage();
    }
    return null;
  }

  private static boolean isFirstPage(SearchRequest request) {
    for (String name : List.of("cursor", "offset")) {
      String value = request.parameter(name);
      if (value != null && !value.isEmpty() && !value.chars().allMatch(c -> c == '0')) {
        return false;
      }
    }
    return true;
  }

  private static String document(Search search) {
    ObjectNode root = JSON.createObjectNode();
    root.put("url", search.file().toUri().toString());
    ArrayNode responses = root.putArray("responses");
    ArrayNode captured = root.putArray("captured");
    for (HarEntry entry : search.pages()) {
      ObjectNode meta = captured.addObject();
      meta.put("url", AddressGuard.withoutQueryOf(entry.url()));
      meta.put("status", entry.status());
      meta.put("bytes", entry.responseBody().length);
      ResponseStream.Split split = ResponseStream.split(entry.responseBody(), JSON);
      split.documents().forEach(responses::add);
      if (split.isStream()) {
        meta.put("framing", split.framing().code());
        meta.put("documents", split.documents().size());
      }
    }
    return root.toString();
  }

  private static String empty(Path file) {
    ObjectNode root = JSON.createObjectNode();
    root.put("url", file.toUri().toString());
    root.putArray("responses");
    root.putArray("captured");
    return root.toString();
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

  /** A value as a message may quote it: one line, at most {@value #QUOTED_CHARS} characters. */
  static String quoted(String value) {
    String line = value.replaceAll("\\p{Cntrl}", " ");
    return HarFile.clip(line, QUOTED_CHARS);
  }
}
