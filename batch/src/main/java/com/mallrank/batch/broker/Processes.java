package com.mallrank.batch.broker;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Runs short helper processes (Maven, tar, {@code artemis create}) and reads their output. */
final class Processes {

  private Processes() {}

  /** The exit code and output of a finished process. */
  record Result(int exitCode, String output) {
    String tail(int lines) {
      List<String> all = output.lines().toList();
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }
  }

  static Result run(List<String> command, Map<String, String> environment, long timeoutSeconds) {
    Path output = null;
    try {
      output = Files.createTempFile("mallrank-broker", ".log");
      ProcessBuilder builder =
          new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
      if (environment != null) {
        builder.environment().putAll(environment);
      }
      Process process = builder.start();
      process.getOutputStream().close(); // never wait for input
      if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException(
            command.get(0) + " did not finish within " + timeoutSeconds + " s");
      }
      return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException("Could not run " + command.get(0) + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while running " + command.get(0), e);
    } finally {
      if (output != null) {
        try {
          Files.deleteIfExists(output);
        } catch (IOException ignored) {
          // a temp file
        }
      }
    }
  }

  static void deleteRecursively(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
