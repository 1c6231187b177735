package com.mallrank.crawler.fetch.har;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;

/**
 * Reads a HAR file as a stream (Jackson's {@link JsonParser}): only the entries whose request URL
 * matches are materialised, every other body (the images and videos that make a phone capture
 * hundreds of megabytes) is skipped token by token, so memory stays bounded by the matching
 * entries, not by the file.
 *
 * <p>Accepts what the tools write: any order of keys (Fiddler writes {@code startedDateTime} after
 * the response; when a response comes before its request, the matching entries are read in a second
 * pass), a UTF-8 byte-order mark, extra {@code _fields}, mitmproxy's {@code .zhar} (zlib) and
 * gzip-compressed files. A file that is not a HAR, or cut off, is a {@link HarException} naming it,
 * never a stack trace.
 */
final class HarFile {

  /** The largest request body kept (forms and JSON of a search are a few kilobytes). */
  static final int MAX_REQUEST_BODY_CHARS = 4 * 1024 * 1024;

  /** The largest response body kept; a search page is well under a megabyte. */
  static final int MAX_RESPONSE_BODY_CHARS = 64 * 1024 * 1024;

  /** The most matching entries kept of one file. */
  static final int MAX_MATCHING = 5_000;

  private static final JsonFactory FACTORY =
      JsonFactory.builder()
          // A base64 video body is one long string: skipped unread, but never refused for its size.
          .streamReadConstraints(
              StreamReadConstraints.builder().maxStringLength(Integer.MAX_VALUE).build())
          .build();

  private HarFile() {}

  /**
   * What one file holds for one URL pattern.
   *
   * @param file the file read
   * @param size its size when read
   * @param modified its modification time when read
   * @param entries how many entries it has in all
   * @param matching the entries whose request URL matched, in file order
   * @param earliest the earliest {@code startedDateTime} of any entry, or {@code null}
   * @param latest the latest {@code startedDateTime} of any entry, or {@code null}
   */
  record Scan(
      Path file,
      long size,
      FileTime modified,
      int entries,
      List<HarEntry> matching,
      Instant earliest,
      Instant latest) {
    Scan {
      matching = List.copyOf(matching);
    }
  }

  /**
   * Reads {@code file}, keeping the entries whose request URL passes {@code urlMatches}.
   *
   * @throws HarException when the file cannot be read, is not JSON, not a HAR, or is cut off
   */
  static Scan scan(Path file, Predicate<String> urlMatches) throws HarException {
    long size;
    FileTime modified;
    try {
      size = Files.size(file);
      modified = Files.getLastModifiedTime(file);
    } catch (NoSuchFileException e) {
      throw new HarException(file + ": cannot read: no such file", e);
    } catch (IOException e) {
      throw new HarException(file + ": cannot read: " + e.getMessage(), e);
    }
    Pass first = new Pass(file, urlMatches, null);
    read(file, first);
    if (!first.deferred.isEmpty()) {
      Pass second = new Pass(file, urlMatches, first.deferred);
      read(file, second);
      first.matching.addAll(second.matching);
      first.matching.sort(java.util.Comparator.comparingInt(HarEntry::index));
    }
    return new Scan(
        file, size, modified, first.entries, first.matching, first.earliest, first.latest);
  }

  /** Opens the file, undoing zlib ({@code .zhar}) or gzip compression. */
  private static InputStream open(Path file) throws IOException {
    BufferedInputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
    in.mark(2);
    int b0 = in.read();
    int b1 = in.read();
    in.reset();
    if (b0 == 0x1f && b1 == 0x8b) {
      return new GZIPInputStream(in, 1 << 16);
    }
    if (b0 == 0x78 && (b1 == 0x01 || b1 == 0x5e || b1 == 0x9c || b1 == 0xda)) {
      return new InflaterInputStream(in, new java.util.zip.Inflater(), 1 << 16);
    }
    return in;
  }

  private static void read(Path file, Pass pass) throws HarException {
    try (InputStream in = open(file);
        JsonParser p = FACTORY.createParser(in)) {
      try {
        root(p, pass);
      } catch (StreamConstraintsException e) {
        throw new HarException(file + ": not a HAR file: " + e.getOriginalMessage(), e);
      } catch (JsonParseException e) {
        if (!(e instanceof JsonEOFException)
            && (e.getOriginalMessage() == null
                || !e.getOriginalMessage().startsWith("Unexpected end-of-input"))) {
          throw notJson(pass.file, e);
        }
        throw new HarException(
            file
                + ": cut off at byte "
                + p.currentLocation().getByteOffset()
                + ": the file ends inside the JSON (still being written or copied?)",
            e);
      } catch (java.util.zip.ZipException e) {
        throw new HarException(file + ": cut off or damaged compressed HAR: " + e.getMessage(), e);
      }
    } catch (java.io.EOFException e) {
      throw new HarException(file + ": cut off: the compressed file ends early", e);
    } catch (IOException e) {
      throw new HarException(file + ": cannot read: " + e.getMessage(), e);
    }
  }

  private static HarException notJson(Path file, JsonParseException e) {
    return new HarException(
        file
            + ": not a HAR file: not JSON (line "
            + e.getLocation().getLineNr()
            + ", column "
            + e.getLocation().getColumnNr()
            + ": "
            + clip(firstLine(e.getOriginalMessage()), 120)
            + ")",
        e);
  }

  private static void root(JsonParser p, Pass pass) throws IOException, HarException {
    JsonToken first = p.nextToken();
    if (first == null) {
      throw new HarException(pass.file + ": not a HAR file: the file is empty");
    }
    if (first != JsonToken.START_OBJECT) {
      throw new HarException(pass.file + ": not a HAR file: the top is not a JSON object");
    }
    boolean sawLog = false;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken value = p.nextToken();
      if ("log".equals(name) && value == JsonToken.START_OBJECT) {
        sawLog = true;
        log(p, pass);
      } else {
        p.skipChildren();
      }
    }
    if (!sawLog) {
      throw new HarException(pass.file + ": not a HAR file: no \"log\" object at the top");
    }
    if (!pass.sawEntries) {
      throw new HarException(pass.file + ": not a HAR file: no \"log.entries\" list");
    }
  }

  private static void log(JsonParser p, Pass pass) throws IOException {
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken value = p.nextToken();
      if ("entries".equals(name) && value == JsonToken.START_ARRAY) {
        pass.sawEntries = true;
        int index = 0;
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
          if (t == JsonToken.START_OBJECT) {
            pass.entry(p, index);
          } else {
            p.skipChildren();
          }
          index++;
        }
        pass.entries = Math.max(pass.entries, index);
      } else {
        p.skipChildren();
      }
    }
  }

  /** One reading of the file: the first keeps what it can, the second only deferred entries. */
  private static final class Pass {
    final Path file;
    final Predicate<String> urlMatches;
    final Set<Integer> only;
    final List<HarEntry> matching = new ArrayList<>();
    final Set<Integer> deferred = new TreeSet<>();
    boolean sawEntries;
    int entries;
    Instant earliest;
    Instant latest;

    Pass(Path file, Predicate<String> urlMatches, Set<Integer> only) {
      this.file = file;
      this.urlMatches = urlMatches;
      this.only = only;
    }

    void entry(JsonParser p, int index) throws IOException {
      if (only != null && !only.contains(index)) {
        p.skipChildren();
        return;
      }
      String started = null;
      Request request = null;
      Response response = null;
      boolean responseBeforeRequest = false;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken value = p.nextToken();
        if ("startedDateTime".equals(name) && value == JsonToken.VALUE_STRING) {
          started = p.getText();
        } else if ("request".equals(name) && value == JsonToken.START_OBJECT) {
          request = request(p);
        } else if ("response".equals(name) && value == JsonToken.START_OBJECT) {
          boolean wanted = only != null || request != null && matches(request);
          if (wanted) {
            response = response(p);
          } else {
            responseBeforeRequest = request == null;
            p.skipChildren();
          }
        } else {
          p.skipChildren();
        }
      }
      Instant time = time(started);
      if (time != null && only == null) {
        earliest = earliest == null || time.isBefore(earliest) ? time : earliest;
        latest = latest == null || time.isAfter(latest) ? time : latest;
      }
      if (request == null || !matches(request)) {
        return;
      }
      if (response == null && responseBeforeRequest) {
        deferred.add(index); // its response came first and was skipped: read it on a second pass
        return;
      }
      if (matching.size() >= MAX_MATCHING) {
        return;
      }
      Response r = response == null ? Response.NONE : response;
      matching.add(
          new HarEntry(
              index,
              time,
              request.method,
              request.url,
              request.headers,
              request.postMimeType,
              request.postBody,
              request.postParams,
              r.status,
              r.error,
              r.body,
              r.bodyProblem));
    }

    private boolean matches(Request request) {
      return request.url != null && urlMatches.test(request.url);
    }
  }

  private static final class Request {
    String method;
    String url;
    final Map<String, String> headers = new HashMap<>();
    String postMimeType;
    byte[] postBody;
    final List<HarEntry.Param> postParams = new ArrayList<>();
  }

  private static Request request(JsonParser p) throws IOException {
    Request r = new Request();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken value = p.nextToken();
      switch (name) {
        case "method" -> r.method = value == JsonToken.VALUE_STRING ? p.getText() : null;
        case "url" -> r.url = value == JsonToken.VALUE_STRING ? p.getText() : null;
        case "headers" -> {
          if (value == JsonToken.START_ARRAY) {
            for (HarEntry.Param h : pairs(p)) {
              r.headers.putIfAbsent(h.name().toLowerCase(Locale.ROOT), h.value());
            }
          } else {
            p.skipChildren();
          }
        }
        case "postData" -> {
          if (value == JsonToken.START_OBJECT) {
            postData(p, r);
          } else {
            p.skipChildren();
          }
        }
        default -> p.skipChildren();
      }
    }
    return r;
  }

  private static void postData(JsonParser p, Request r) throws IOException {
    Body body = body(p, MAX_REQUEST_BODY_CHARS);
    r.postMimeType = body.mimeType;
    r.postParams.addAll(body.params);
    r.postBody = body.problem == null && body.bytes.length > 0 ? body.bytes : null;
  }

  /**
   * A HAR {@code postData} or {@code content} object: {@code mimeType}, {@code text} (at most
   * {@code maxChars}) turned into bytes with its {@code encoding} ({@link HarText}), {@code
   * params}.
   */
  private static final class Body {
    String mimeType;
    byte[] bytes = new byte[0];
    final List<HarEntry.Param> params = new ArrayList<>();
    String problem;
  }

  private static Body body(JsonParser p, int maxChars) throws IOException {
    Body body = new Body();
    String text = null;
    String encoding = null;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken value = p.nextToken();
      if ("text".equals(name) && value == JsonToken.VALUE_STRING) {
        int length = p.getTextLength();
        if (length <= maxChars) {
          text = p.getText();
        } else {
          body.problem = "body of " + length + " characters, over " + maxChars;
        }
      } else if ("encoding".equals(name) && value == JsonToken.VALUE_STRING) {
        encoding = p.getText();
      } else if ("mimeType".equals(name) && value == JsonToken.VALUE_STRING) {
        body.mimeType = p.getText();
      } else if ("params".equals(name) && value == JsonToken.START_ARRAY) {
        body.params.addAll(pairs(p));
      } else {
        p.skipChildren();
      }
    }
    if (text != null) {
      try {
        body.bytes = HarText.bytes(text, encoding);
      } catch (IllegalArgumentException e) {
        body.problem = "content.encoding is " + encoding + " but " + e.getMessage();
      }
    }
    return body;
  }

  /** {@code [{"name": …, "value": …}, …]}; the parser is on the array's start. */
  private static List<HarEntry.Param> pairs(JsonParser p) throws IOException {
    List<HarEntry.Param> pairs = new ArrayList<>();
    for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
      if (t != JsonToken.START_OBJECT) {
        p.skipChildren();
        continue;
      }
      String name = null;
      String value = null;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken v = p.nextToken();
        if ("name".equals(field) && v == JsonToken.VALUE_STRING) {
          name = p.getText();
        } else if ("value".equals(field) && v.isScalarValue() && v != JsonToken.VALUE_NULL) {
          value = p.getText();
        } else {
          p.skipChildren();
        }
      }
      if (name != null) {
        pairs.add(new HarEntry.Param(name, value == null ? "" : value));
      }
    }
    return pairs;
  }

  private static final class Response {
    static final Response NONE = new Response();
    int status;
    String error;
    byte[] body = new byte[0];
    String bodyProblem;
  }

  private static Response response(JsonParser p) throws IOException {
    Response r = new Response();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken value = p.nextToken();
      switch (name) {
        case "status" -> r.status = value.isScalarValue() ? p.getValueAsInt(0) : 0;
        case "_error" -> {
          if (value == JsonToken.VALUE_STRING) {
            r.error = p.getText();
          } else {
            p.skipChildren();
          }
        }
        case "content" -> {
          if (value == JsonToken.START_OBJECT) {
            content(p, r);
          } else {
            p.skipChildren();
          }
        }
        default -> p.skipChildren();
      }
    }
    return r;
  }

  private static void content(JsonParser p, Response r) throws IOException {
    Body body = body(p, MAX_RESPONSE_BODY_CHARS);
    r.body = body.bytes;
    r.bodyProblem = body.problem;
  }

  /** {@code startedDateTime}: ISO-8601 with an offset (any number of fraction digits). */
  static Instant time(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(text.strip()).toInstant();
    } catch (DateTimeException e) {
      try {
        return LocalDateTime.parse(text.strip()).toInstant(ZoneOffset.UTC);
      } catch (DateTimeException again) {
        return null;
      }
    }
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }

  static String clip(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }
}
