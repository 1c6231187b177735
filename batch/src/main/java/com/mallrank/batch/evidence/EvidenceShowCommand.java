package com.mallrank.batch.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mallrank.batch.cli.CommandOn;
import com.mallrank.batch.text.Escaping;
import com.mallrank.crawler.evidence.EvidenceStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code mallrank evidence show PATH}: a summary of one kept body (what it is, the URL, the
 * captured calls, the page title, the screenshot next to it) and its beginning, everything escaped
 * for the terminal: the body is what a hostile page sent. Only files under the evidence folder are
 * read.
 */
@Command(
    name = "show",
    mixinStandardHelpOptions = true,
    description =
        "Shows a kept evidence body (already without cookies or tokens): summary and beginning."
            + " Give the same file to `mallrank profile test --page` to fix the profile.")
public class EvidenceShowCommand extends CommandOn<EvidenceStore> {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern TITLE =
      Pattern.compile("(?is)<title[^>]*>(.{0,200}?)</title>", Pattern.DOTALL);

  @Parameters(index = "0", paramLabel = "PATH", description = "A file listed by evidence list.")
  Path path;

  @Option(
      names = "--chars",
      defaultValue = "2000",
      description = "How much of the body to print (default ${DEFAULT-VALUE}; 0: none).")
  int chars;

  public EvidenceShowCommand(EvidenceKeeper evidence) {
    super(evidence::store);
  }

  @Override
  protected Integer call(EvidenceStore store) throws IOException {
    Path root = store.root();
    Path file = path.toAbsolutePath().normalize();
    if (!file.startsWith(root) || !Files.isRegularFile(file)) {
      throw new IllegalArgumentException(
          path + ": not an evidence file under " + root + " (see mallrank evidence list)");
    }
    if (file.getFileName().toString().endsWith(".jpg")) {
      System.out.printf("screenshot %s: %d bytes%n", esc(file), Files.size(file));
      return 0;
    }
    String body = read(file, 8L * 1024 * 1024);
    System.out.printf("file:  %s (%d bytes)%n", esc(file), Files.size(file));
    if (file.getFileName().toString().endsWith(".json")) {
      summariseJson(body);
    } else {
      Matcher title = TITLE.matcher(body);
      System.out.printf(
          "kind:  page (HTML)%ntitle: %s%n",
          title.find() ? Escaping.terminal(title.group(1).strip()) : "-");
    }
    Path picture = screenshotOf(file);
    if (Files.isRegularFile(picture)) {
      System.out.printf("shot:  %s (%d bytes)%n", esc(picture), Files.size(picture));
    }
    System.out.printf("test:  mallrank profile test --profile <id or file> --page %s%n", esc(file));
    if (chars > 0) {
      String head = body.length() > chars ? body.substring(0, chars) + "\n…" : body;
      System.out.println("----");
      System.out.println(Escaping.terminalLines(head));
    }
    return 0;
  }

  private static void summariseJson(String body) {
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (IOException e) {
      System.out.println("kind:  JSON (not complete: cut at the size cap, or streamed)");
      return;
    }
    if (root != null && root.has("responses")) {
      System.out.printf(
          "kind:  captured responses (%d)%nurl:   %s%n",
          root.path("responses").size(), Escaping.terminal(root.path("url").asText("-")));
      for (JsonNode call : root.path("captured")) {
        System.out.printf(
            "  call: HTTP %d %s%n",
            call.path("status").asInt(), Escaping.terminal(call.path("url").asText("")));
      }
    } else {
      System.out.println("kind:  JSON body");
    }
  }

  private static Path screenshotOf(Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return file.resolveSibling((dot < 0 ? name : name.substring(0, dot)) + ".jpg");
  }

  private static String read(Path file, long max) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return new String(
          in.readNBytes((int) Math.min(max, Integer.MAX_VALUE)), StandardCharsets.UTF_8);
    }
  }

  private static String esc(Path path) {
    return Escaping.terminal(path.toString());
  }
}
