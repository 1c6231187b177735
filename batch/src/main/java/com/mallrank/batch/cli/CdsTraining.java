package com.mallrank.batch.cli;

import com.mallrank.batch.Mallrank;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The training run of the class-data-sharing archive built at package time ({@code
 * batch/src/cds/build-archive.sh}): runs typical command lines of each kind of start-up in one JVM,
 * so the archive ({@code -XX:ArchiveClassesAtExit}) holds the classes each of them loads. Output is
 * discarded; nothing is written outside the temporary folder, nothing leaves loopback.
 *
 * <p>Arguments: the keyword plan to validate (the repository's {@code config/sandbox-plan.yml}),
 * then {@code all} (default: a command line of each kind) or {@code plain} (only those that start
 * without Spring, {@link CommandLineStartup.Startup#PLAIN}, and help: the smaller archive {@code
 * plain.jsa} the launcher starts them with, which maps faster than the whole one).
 */
public final class CdsTraining {

  /** The built-in profile the training pages are read with. */
  private static final String PROFILE = "sandbox-static";

  private CdsTraining() {}

  public static void main(String[] args) throws IOException {
    String plan = args.length > 0 ? args[0] : "config/sandbox-plan.yml";
    boolean plain = args.length > 1 && args[1].equals("plain");
    Path dir = Files.createTempDirectory("mallrank-cds");
    Path page = dir.resolve("page.html");
    Files.writeString(
        page,
        "<html><body><ul><li class=\"card\" data-id=\"1\">a</li></ul></body></html>",
        StandardCharsets.UTF_8);
    Path json = dir.resolve("page.json");
    Files.writeString(json, "{\"data\": {\"items\": []}}", StandardCharsets.UTF_8);
    Path known = dir.resolve("known.json");
    Files.writeString(
        known,
        "{\"status\": \"ok\", \"listings\": [{\"position\": 1, \"product-id\": \"1\","
            + " \"title\": \"a\"}]}",
        StandardCharsets.UTF_8);
    Path evidence = dir.resolve("evidence");
    Path kept = evidence.resolve("20261128T0600Z/" + PROFILE + "/anonymous/kw.html");
    Files.createDirectories(kept.getParent());
    Files.writeString(kept, "<html><title>t</title></html>", StandardCharsets.UTF_8);
    String evidenceDir = "--crawler.evidence.dir=" + evidence;
    String closed = "--index.es.url=http://127.0.0.1:" + closedPort();
    String memory = "--spring.datasource.url=jdbc:h2:mem:mallrank-cds";
    List<String[]> lines =
        plain
            ? List.of(
                new String[] {"--help"},
                new String[] {"profile", "test", "--help"},
                new String[] {"--batch.plan=" + plan, "plan", "validate"},
                new String[] {"profile", "test", "--profile", PROFILE, "--page", page + ""},
                new String[] {
                  "profile", "test", "--profile", "douyin-mall", "--page", json + "", "--json"
                },
                new String[] {
                  "profile",
                  "repair",
                  "--profile",
                  PROFILE,
                  "--page",
                  page + "",
                  "--known",
                  known + "",
                  "-o",
                  dir.resolve("repaired.yml") + ""
                },
                new String[] {evidenceDir, "evidence", "list"},
                new String[] {evidenceDir, "evidence", "show", kept + ""})
            : List.of(
                // the whole application first: its background warm-up is off once a lean start
                // ran
                new String[] {memory, "--batch.plan=" + plan, "jobs"},
                new String[] {"--help"},
                new String[] {"report", "top20", "--help"},
                new String[] {"--batch.plan=" + plan, "plan", "validate"},
                new String[] {"profile", "test", "--profile", PROFILE, "--page", page + ""},
                new String[] {closed, "report", "top20"},
                new String[] {closed, "--batch.plan=" + plan, "accounts", "status"});
    PrintStream out = System.out;
    PrintStream err = System.err;
    PrintStream discard = new PrintStream(OutputStream.nullOutputStream(), true, "UTF-8");
    try {
      for (String[] line : lines) {
        System.setOut(discard);
        System.setErr(discard);
        int code = Mallrank.run(line);
        System.setOut(out);
        System.setErr(err);
        out.println("cds training: mallrank " + String.join(" ", line) + " -> exit " + code);
      }
    } finally {
      System.setOut(out);
      System.setErr(err);
      try (var files = Files.walk(dir)) {
        for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(file);
        }
      }
    }
  }

  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
