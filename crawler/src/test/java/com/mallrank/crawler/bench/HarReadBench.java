package com.mallrank.crawler.bench;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mallrank.crawler.fetch.har.HarCapture;
import com.mallrank.crawler.model.CaptureKeyword;
import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;

/**
 * Reading a phone capture of a morning: a generated HAR of about 300 MB (mitmproxy's layout, mostly
 * base64 image bodies, a few search calls between them), read by {@link HarCapture} (Jackson's
 * streaming parser, only the search entries materialised) against a plain full-file Jackson parse
 * ({@code ObjectMapper.readTree}) of the same file, baseline in the same run. Reports MB/s and the
 * peak heap (the heap pools' peak usage, reset and after a GC before each run). Not a test; see
 * docs/benchmarks.md for the command and figures.
 *
 * <p>Options: {@code --mb N} (size to generate, default 300), {@code --runs N} (default 3), {@code
 * --file PATH} (read this HAR instead of generating one; kept), {@code --skip-full} (no baseline).
 */
public final class HarReadBench {

  private static final String SEARCH =
      "https://api5-normal-c-lf.amemv.com/aweme/v2/shop/search/aggregate/shopping/stream/";

  private HarReadBench() {}

  public static void main(String[] args) throws Exception {
    int mb = 300;
    int runs = 3;
    Path file = null;
    boolean full = true;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--mb" -> mb = Integer.parseInt(args[++i]);
        case "--runs" -> runs = Integer.parseInt(args[++i]);
        case "--file" -> file = Path.of(args[++i]);
        case "--skip-full" -> full = false;
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    boolean generated = file == null;
    if (generated) {
      file = Files.createTempFile("har-bench", ".har");
      long t = System.nanoTime();
      generate(file, mb * 1024L * 1024);
      System.out.printf(
          "generated %s: %.1f MB in %.1f s%n",
          file, Files.size(file) / 1e6, (System.nanoTime() - t) / 1e9);
    }
    try {
      double size = Files.size(file) / (1024.0 * 1024);
      System.out.printf(
          "JVM max heap %d MB, file %.1f MiB%n", Runtime.getRuntime().maxMemory() >> 20, size);
      HarCapture capture =
          new HarCapture(
              "**/shop/search/aggregate/shopping/stream/*",
              new CaptureKeyword(List.of(CaptureKeyword.parse("form:keyword"))));
      Path har = file;
      for (int r = 1; r <= runs; r++) {
        measure(
            "streaming (HarCapture.find)",
            size,
            () -> {
              HarCapture.Outcome o = capture.find(List.of(har), "猫粮", null, null);
              if (o.kind() != HarCapture.Kind.FOUND) {
                throw new IllegalStateException(o.detail());
              }
              return o.document().length();
            });
        if (full) {
          ObjectMapper mapper =
              new ObjectMapper(
                  com.fasterxml.jackson.core.JsonFactory.builder()
                      .streamReadConstraints(
                          StreamReadConstraints.builder()
                              .maxStringLength(Integer.MAX_VALUE)
                              .build())
                      .build());
          measure(
              "full parse (ObjectMapper.readTree)",
              size,
              () -> {
                JsonNode tree = mapper.readTree(har.toFile());
                return tree.path("log").path("entries").size();
              });
        }
      }
    } finally {
      if (generated) {
        Files.deleteIfExists(file);
      }
    }
  }

  private interface Run {
    int call() throws Exception;
  }

  private static void measure(String name, double mib, Run run) throws Exception {
    List<MemoryPoolMXBean> heap = new ArrayList<>();
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        heap.add(pool);
      }
    }
    System.gc();
    Thread.sleep(200);
    long before = 0;
    for (MemoryPoolMXBean pool : heap) {
      pool.resetPeakUsage();
      before += pool.getUsage().getUsed();
    }
    long t = System.nanoTime();
    int result = run.call();
    double seconds = (System.nanoTime() - t) / 1e9;
    long peak = 0;
    for (MemoryPoolMXBean pool : heap) {
      peak += pool.getPeakUsage().getUsed();
    }
    System.out.printf(
        "%-36s %6.2f s  %7.1f MiB/s  peak heap %5d MiB (%d MiB before)  [%d]%n",
        name, seconds, mib / seconds, peak >> 20, before >> 20, result);
  }

  /**
   * A mitmproxy-style HAR: image entries with ~180 KB base64 bodies and, every 60 entries, a search
   * of 猫粮 (form body, a framed JSON answer), until {@code bytes} are written.
   */
  static void generate(Path file, long bytes) throws IOException {
    Random random = new Random(42);
    byte[] image = new byte[135_000];
    String search =
        "{\"items\":["
            + "{\"product_info\":{\"gid\":\"3700000000000000001\",\"name\":\"猫粮\"}},".repeat(9)
            + "{\"product_info\":{\"gid\":\"3700000000000000002\",\"name\":\"猫粮\"}}]}";
    String framed =
        Integer.toHexString(search.getBytes(StandardCharsets.UTF_8).length)
            + "\r\n"
            + search
            + "\r\n0\r\n\r\n";
    ObjectMapper json = new ObjectMapper();
    Instant start = Instant.parse("2026-12-01T00:00:00Z");
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write(
          "{\n    \"log\": {\n        \"version\": \"1.2\",\n        \"creator\": {\"name\":"
              + " \"mitmproxy\", \"version\": \"12.2.0\", \"comment\": \"\"},\n        \"pages\": [],\n"
              + "        \"entries\": [\n");
      long written = 0;
      for (int i = 0; written < bytes; i++) {
        boolean isSearch = i % 60 == 30;
        String body;
        String url;
        String method = "GET";
        String post = "";
        if (isSearch) {
          url = SEARCH + "?device_id=7312345678901234567&iid=7398765432109876543";
          method = "POST";
          body = ",\"text\": " + json.writeValueAsString(framed);
          post =
              ",\"postData\": {\"mimeType\": \"application/x-www-form-urlencoded\", \"text\":"
                  + " \"keyword=%E7%8C%AB%E7%B2%AE&offset=0\", \"params\": []}";
        } else {
          random.nextBytes(image);
          url = "https://p3-ecom.example/obj/" + i + ".jpeg";
          body =
              ",\"text\": \""
                  + Base64.getEncoder().encodeToString(image)
                  + "\", \"encoding\": \"base64\"";
        }
        String entry =
            (i == 0 ? "" : ",\n")
                + "{\"startedDateTime\": \""
                + start.plusSeconds(i)
                + "\", \"time\": 42.0, \"request\": {\"method\": \""
                + method
                + "\", \"url\": \""
                + url
                + "\", \"httpVersion\": \"HTTP/1.1\", \"cookies\": [], \"headers\": [{\"name\":"
                + " \"Host\", \"value\": \"example\"}], \"queryString\": [], \"headersSize\": 90,"
                + " \"bodySize\": 0"
                + post
                + "}, \"response\": {\"status\": 200, \"statusText\": \"OK\", \"httpVersion\":"
                + " \"HTTP/1.1\", \"cookies\": [], \"headers\": [], \"content\": {\"size\": 1,"
                + " \"compression\": 0, \"mimeType\": \"image/jpeg\""
                + body
                + "}, \"redirectURL\": \"\", \"headersSize\": 80, \"bodySize\": 1}, \"cache\": {},"
                + " \"timings\": {\"connect\": -1.0, \"ssl\": -1.0, \"send\": 1.0, \"receive\":"
                + " 2.0, \"wait\": 39.0}}";
        out.write(entry);
        written += entry.length();
      }
      out.write("\n        ]\n    }\n}\n");
    }
  }
}
