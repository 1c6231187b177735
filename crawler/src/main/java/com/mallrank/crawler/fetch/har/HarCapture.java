package com.mallrank.crawler.fetch.har;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.mallrank.crawler.body.ResponseStream;
import com.mallrank.crawler.body.StreamFormatException;
import com.mallrank.crawler.fetch.browser.UrlPattern;
import de.sstoehr.harreader.HarReader;
import de.sstoehr.harreader.HarReaderException;
import de.sstoehr.harreader.HarReaderMode;
import de.sstoehr.harreader.model.Har;
import de.sstoehr.harreader.model.HarContent;
import de.sstoehr.harreader.model.HarEntry;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds, from a HAR file, the capture document a browser fetch would have returned for one
 * keyword: {@code {"url", "responses": [<document>…], "captured": [{"url", "status", "bytes"}…]}}.
 *
 * <p>Which entries: those whose request URL matches the profile's {@code capture-url}, whose
 * request (URL or body, decoded) carries the keyword, and that started within the window. Of those,
 * the newest search: from the last first-page request (no {@code cursor}/{@code offset}, or 0) on,
 * in start order, so page 2 follows page 1 and an older search of the same keyword is left out.
 * Streamed bodies are split into their documents; base64 bodies are decoded. A file over {@link
 * #MAX_FILE_BYTES} or one that is not a HAR is refused with a message naming it.
 */
public final class HarCapture {

  /** The largest HAR file read (a phone session with pictures can be large; bodies are text). */
  public static final long MAX_FILE_BYTES = 256L * 1024 * 1024;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern PAGE_PARAM =
      Pattern.compile("(?:^|[?&,{\"\\s])\"?(cursor|offset)\"?\\s*[=:]\\s*\"?(\\d+)");

  private final UrlPattern pattern;

  /**
   * @param captureUrl the profile's {@code capture-url} (glob or {@code regex:…})
   */
  public HarCapture(String captureUrl) {
    this.pattern = UrlPattern.parse(captureUrl);
  }

  /**
   * The capture document for {@code keyword} from entries started in {@code [from, to)}.
   *
   * @param from inclusive, or {@code null} for no lower bound
   * @param to exclusive, or {@code null} for no upper bound
   * @throws HarException when the file cannot be read as a HAR or a streamed body is malformed
   */
  public String document(Path file, String keyword, Instant from, Instant to) throws HarException {
    Har har = read(file);
    List<HarEntry> matching = new ArrayList<>();
    if (har.getLog() != null && har.getLog().getEntries() != null) {
      for (HarEntry entry : har.getLog().getEntries()) {
        if (matches(entry, keyword, from, to)) {
          matching.add(entry);
        }
      }
    }
    matching.sort(Comparator.comparing(HarCapture::started));
    int start = 0;
    for (int i = 0; i < matching.size(); i++) {
      if (isFirstPage(matching.get(i))) {
        start = i;
      }
    }
    ObjectNode root = JSON.createObjectNode();
    root.put("url", file.toUri().toString());
    ArrayNode responses = root.putArray("responses");
    ArrayNode captured = root.putArray("captured");
    for (HarEntry entry : matching.subList(start, matching.size())) {
      String text = body(entry);
      ObjectNode meta = captured.addObject();
      meta.put("url", entry.getRequest().getUrl());
      meta.put("status", entry.getResponse() == null ? 0 : entry.getResponse().getStatus());
      meta.put("bytes", text.getBytes(StandardCharsets.UTF_8).length);
      ResponseStream.Split split;
      try {
        split = ResponseStream.split(text, JSON);
      } catch (StreamFormatException e) {
        throw new HarException(file + ": " + entry.getRequest().getUrl() + ": " + e.getMessage());
      }
      if (split == null) {
        responses.add(TextNode.valueOf(text));
      } else {
        split.documents().forEach(responses::add);
        if (split.isStream()) {
          meta.put("framing", split.framing().code());
          meta.put("documents", split.documents().size());
        }
      }
    }
    return root.toString();
  }

  private static Har read(Path file) throws HarException {
    try {
      long size = Files.size(file);
      if (size > MAX_FILE_BYTES) {
        throw new HarException(
            file + ": HAR file is " + size + " bytes, more than " + MAX_FILE_BYTES);
      }
      String text = Files.readString(file, StandardCharsets.UTF_8);
      JsonNode tree;
      try {
        tree = JSON.readTree(text);
      } catch (IOException e) {
        throw new HarException(file + ": not a HAR file: not JSON (" + firstLine(e) + ")", e);
      }
      if (tree == null || !tree.path("log").isObject()) {
        throw new HarException(file + ": not a HAR file: no \"log\" object at the top");
      }
      return new HarReader().readFromString(text, HarReaderMode.LAX);
    } catch (HarReaderException e) {
      throw new HarException(file + ": not a HAR file: " + firstLine(e), e);
    } catch (IOException e) {
      throw new HarException(file + ": cannot read: " + e.getMessage(), e);
    }
  }

  private boolean matches(HarEntry entry, String keyword, Instant from, Instant to) {
    if (entry.getRequest() == null || entry.getRequest().getUrl() == null) {
      return false;
    }
    if (!pattern.matches(entry.getRequest().getUrl())) {
      return false;
    }
    Instant started = started(entry);
    if ((from != null && started.isBefore(from)) || (to != null && !started.isBefore(to))) {
      return false;
    }
    return keyword == null || keyword.isEmpty() || requestText(entry).contains(keyword);
  }

  /** The request URL and body, percent-decoded where they can be. */
  private static String requestText(HarEntry entry) {
    StringBuilder text = new StringBuilder(decode(entry.getRequest().getUrl()));
    if (entry.getRequest().getPostData() != null
        && entry.getRequest().getPostData().getText() != null) {
      text.append('\n').append(decode(entry.getRequest().getPostData().getText()));
    }
    return text.toString();
  }

  private static boolean isFirstPage(HarEntry entry) {
    Matcher m = PAGE_PARAM.matcher(requestText(entry));
    while (m.find()) {
      if (!m.group(2).chars().allMatch(c -> c == '0')) {
        return false;
      }
    }
    return true;
  }

  private static String body(HarEntry entry) {
    HarContent content = entry.getResponse() == null ? null : entry.getResponse().getContent();
    if (content == null || content.getText() == null) {
      return "";
    }
    if ("base64".equalsIgnoreCase(content.getEncoding())) {
      try {
        return new String(Base64.getDecoder().decode(content.getText()), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        return "";
      }
    }
    return content.getText();
  }

  private static Instant started(HarEntry entry) {
    Date date = entry.getStartedDateTime();
    return date == null ? Instant.EPOCH : date.toInstant();
  }

  private static String decode(String text) {
    try {
      return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return text;
    }
  }

  private static String firstLine(Exception e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
