package com.mallrank.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pid file of a local server (one per server directory): which process runs, whether it is
 * alive, and stopping it with signals — SIGTERM (the server shuts down cleanly), then SIGKILL when
 * it ignored that for {@value #STOP_SECONDS} s. A pid file naming a dead process, or a live one
 * that is not a JVM (the pid was reused), is stale: it is removed and nothing is signalled.
 */
public final class PidFile {

  private static final Logger log = LoggerFactory.getLogger(PidFile.class);

  static final int STOP_SECONDS = 30;
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(STOP_SECONDS);
  private static final Duration KILL_TIMEOUT = Duration.ofSeconds(10);

  private final Path file;
  private final String server;

  /**
   * @param file the pid file
   * @param server what runs there, for log lines and messages (e.g. {@code Elasticsearch})
   */
  public PidFile(Path file, String server) {
    this.file = file;
    this.server = server;
  }

  public Path path() {
    return file;
  }

  /** The pid written in the file, if it holds one. */
  public OptionalLong read() {
    try {
      if (!Files.isRegularFile(file)) {
        return OptionalLong.empty();
      }
      String text = Files.readString(file).strip();
      return text.isEmpty() ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(text));
    } catch (IOException | NumberFormatException e) {
      return OptionalLong.empty();
    }
  }

  /** The pid, when the file names a live process. */
  public OptionalLong alive() {
    OptionalLong pid = read();
    return pid.isPresent() && isAlive(pid.getAsLong()) ? pid : OptionalLong.empty();
  }

  /** Whether a process runs under the pid. */
  public static boolean isAlive(long pid) {
    return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
  }

  /** Records the pid of a server just started. */
  public void write(long pid) throws IOException {
    Files.writeString(file, Long.toString(pid));
  }

  /** Removes the file, quietly. */
  public void delete() {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      log.warn("Could not delete {}: {}", file, e.toString());
    }
  }

  /**
   * Stops the process the file names: SIGTERM, wait, SIGKILL after a timeout; the file is removed.
   *
   * @return whether a live server was found and stopped
   * @throws IllegalStateException when the process survives SIGKILL
   */
  public boolean stop() {
    OptionalLong pid = read();
    if (pid.isEmpty()) {
      return false;
    }
    Optional<ProcessHandle> handle = ProcessHandle.of(pid.getAsLong());
    if (handle.isEmpty() || !handle.get().isAlive()) {
      delete();
      return false;
    }
    ProcessHandle process = handle.get();
    Optional<String> command = process.info().command();
    if (command.isPresent() && !command.get().contains("java")) {
      log.warn(
          "pid {} from {} is {}, not the JVM of {}; not stopping it",
          pid.getAsLong(),
          file,
          command.get(),
          server);
      delete();
      return false;
    }
    log.info("Stopping {} pid {} ({})", server, pid.getAsLong(), file);
    process.destroy();
    if (!waitForExit(process, STOP_TIMEOUT)) {
      log.warn(
          "{} pid {} ignored SIGTERM for {}; killing it", server, pid.getAsLong(), STOP_TIMEOUT);
      process.destroyForcibly();
      if (!waitForExit(process, KILL_TIMEOUT)) {
        throw new IllegalStateException(server + " pid " + pid.getAsLong() + " survived SIGKILL");
      }
    }
    delete();
    return true;
  }

  private static boolean waitForExit(ProcessHandle process, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (process.isAlive()) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return !process.isAlive();
      }
    }
    return true;
  }
}
