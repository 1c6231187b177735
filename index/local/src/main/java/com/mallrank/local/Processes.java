package com.mallrank.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Runs the short helper processes of a launch (Maven, {@code tar}, {@code artemis create}, {@code
 * elasticsearch-users}), serialises starts with a directory lock and reads log tails for error
 * messages.
 */
public final class Processes {

  /** The lock file that serialises the starts of one server directory across JVMs. */
  static final String LOCK_FILE = ".launcher.lock";

  private static final ConcurrentMap<Path, Object> JVM_LOCKS = new ConcurrentHashMap<>();

  private Processes() {}

  /** The exit code and output (stdout and stderr) of a finished process. */
  public record Result(int exitCode, String output) {
    /** The last lines of the output. */
    public String tail(int lines) {
      return lastLines(output, lines);
    }
  }

  /**
   * Runs a command to its end, its standard input closed.
   *
   * @param environment variables added to this JVM's, or {@code null}
   * @throws IllegalStateException when it cannot run or takes longer than {@code timeoutSeconds}
   */
  public static Result run(
      List<String> command, Map<String, String> environment, long timeoutSeconds) {
    Path output = null;
    try {
      output = Files.createTempFile("mallrank-local", ".log");
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

  /**
   * Runs {@code start} holding the lock of {@code dir} (created if needed), so two JVMs, or two
   * threads of one, never start two servers in one directory.
   */
  public static <T> T underLock(Path dir, Supplier<T> start) {
    Path lock = dir.resolve(LOCK_FILE);
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create " + dir, e);
    }
    // A file lock is held per JVM: two threads of one JVM would overlap (an exception), so they
    // queue on the directory's monitor first.
    synchronized (JVM_LOCKS.computeIfAbsent(dir.toAbsolutePath().normalize(), d -> new Object())) {
      try (FileChannel channel =
              FileChannel.open(lock, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
          FileLock ignored = channel.lock()) {
        return start.get();
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot lock " + lock, e);
      }
    }
  }

  /** The last {@code lines} lines of a file, or a note that it is missing or unreadable. */
  public static String tail(Path file, int lines) {
    if (!Files.isRegularFile(file)) {
      return "(" + file + " does not exist)";
    }
    try {
      return lastLines(Files.readString(file, StandardCharsets.UTF_8), lines);
    } catch (IOException e) {
      return "(" + file + " unreadable: " + e.getMessage() + ")";
    }
  }

  private static String lastLines(String text, int lines) {
    List<String> all = text.lines().toList();
    return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
  }

  /** Deletes a file tree; nothing when it does not exist. */
  public static void deleteRecursively(Path root) throws IOException {
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
