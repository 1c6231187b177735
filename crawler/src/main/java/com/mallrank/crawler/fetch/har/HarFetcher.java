package com.mallrank.crawler.fetch.har;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mallrank.crawler.fetch.FetchException;
import com.mallrank.crawler.fetch.FetchRequest;
import com.mallrank.crawler.fetch.FetchResponse;
import com.mallrank.crawler.fetch.Fetcher;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * A {@link Fetcher} for {@code fetch.with: har}: instead of sending a request, it reads the HAR
 * files a user dropped in a folder (captured from a phone through mitmproxy or Charles) and answers
 * with the newest search of the request's keyword within its slot ({@link FetchRequest#sample()}),
 * in the shape of a browser capture ({@link HarCapture}). Files are tried newest first (by
 * modification time); the first that holds a matching search answers. None: a capture with no
 * responses, which the extractor reports as {@code layout_changed} ("no response matched").
 *
 * <p>A file that is not a HAR (not JSON, no {@code log}) is a {@link FetchException} naming it: the
 * sample is an error, nothing is read from a broken capture. Sends nothing over the network.
 */
public final class HarFetcher implements Fetcher {

  /** The most {@code .har} files looked at in one fetch (the newest). */
  public static final int MAX_FILES = 200;

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path folder;
  private final HarCapture capture;

  /**
   * @param folder where HAR files are dropped ({@code crawler.har-dir})
   * @param captureUrl the profile's {@code capture-url}
   */
  public HarFetcher(Path folder, String captureUrl) {
    this.folder = Objects.requireNonNull(folder, "folder");
    this.capture = new HarCapture(captureUrl);
  }

  @Override
  public FetchResponse fetch(FetchRequest request) throws FetchException {
    long started = System.nanoTime();
    String url = request.url().toString();
    if (request.sample() == null) {
      throw new FetchException(url, "a HAR capture needs the sample's keyword and slot");
    }
    String empty = "{\"url\":" + JSON.valueToTree(url) + ",\"responses\":[],\"captured\":[]}";
    for (Path file : files(url)) {
      String document;
      try {
        document =
            capture.document(
                file, request.sample().keyword(), request.sample().from(), request.sample().to());
      } catch (HarException e) {
        throw new FetchException(url, e.getMessage(), e);
      }
      if (hasResponses(document)) {
        return new FetchResponse(
            file.toUri().toString(),
            200,
            "application/json",
            document,
            null,
            Duration.ofNanos(System.nanoTime() - started));
      }
    }
    return new FetchResponse(
        url, 200, "application/json", empty, null, Duration.ofNanos(System.nanoTime() - started));
  }

  private List<Path> files(String url) throws FetchException {
    if (!Files.isDirectory(folder)) {
      throw new FetchException(url, "the HAR folder " + folder + " does not exist");
    }
    try (Stream<Path> list = Files.list(folder)) {
      return list.filter(p -> p.getFileName().toString().toLowerCase().endsWith(".har"))
          .filter(Files::isRegularFile)
          .sorted(Comparator.comparing(HarFetcher::modified).reversed())
          .limit(MAX_FILES)
          .toList();
    } catch (IOException e) {
      throw new FetchException(url, "cannot list the HAR folder " + folder + ": " + e, e);
    }
  }

  private static FileTime modified(Path file) {
    try {
      return Files.getLastModifiedTime(file);
    } catch (IOException e) {
      return FileTime.fromMillis(0);
    }
  }

  private static boolean hasResponses(String document) {
    try {
      JsonNode responses = JSON.readTree(document).path("responses");
      return responses.isArray() && !responses.isEmpty();
    } catch (IOException e) {
      return false;
    }
  }
}
