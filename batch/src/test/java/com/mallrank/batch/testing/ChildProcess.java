package com.mallrank.batch.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A child JVM ({@link ChildJvm#command}) whose output lines a reader thread collects (and copies to
 * {@code <logDir>/<role>-<pid>.log}), so a test or bench can wait for a line, look for one, or send
 * a command line to its stdin.
 */
public final class ChildProcess {
  private final String role;
  private final Process process;
  private final List<String> lines = Collections.synchronizedList(new ArrayList<>());
  private final BlockingQueue<String> fresh = new LinkedBlockingQueue<>();
  private final PrintWriter stdin;

  private ChildProcess(String role, Process process, Path logDir) {
    this.role = role;
    this.process = process;
    this.stdin = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader out =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                Path log = logDir.resolve(role + "-" + process.pid() + ".log");
                Files.createDirectories(log.getParent());
                try (var file = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
                  String line;
                  while ((line = out.readLine()) != null) {
                    lines.add(line);
                    fresh.add(line);
                    file.write(line);
                    file.newLine();
                    file.flush();
                  }
                }
              } catch (IOException e) {
                // the process is gone
              }
            },
            role + "-output");
    reader.setDaemon(true);
    reader.start();
  }

  /** Starts {@code command} (stderr merged into stdout) as the child named {@code role}. */
  public static ChildProcess start(String role, List<String> command, Path logDir)
      throws IOException {
    return new ChildProcess(
        role, new ProcessBuilder(command).redirectErrorStream(true).start(), logDir);
  }

  public Process process() {
    return process;
  }

  public long pid() {
    return process.pid();
  }

  public void send(String line) {
    stdin.println(line);
  }

  public void closeStdin() {
    stdin.close();
  }

  public boolean saw(String text) {
    synchronized (lines) {
      return lines.stream().anyMatch(l -> l.contains(text));
    }
  }

  /** The lines printed so far that contain {@code text}. */
  public List<String> linesWith(String text) {
    synchronized (lines) {
      return lines.stream().filter(l -> l.contains(text)).toList();
    }
  }

  /** The next line (not seen by an earlier wait) starting with {@code prefix}. */
  public String await(String prefix, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      String line = fresh.poll(200, TimeUnit.MILLISECONDS);
      if (line != null && line.startsWith(prefix)) {
        return line;
      }
      if (line == null && !process.isAlive()) {
        break;
      }
    }
    List<String> tail;
    synchronized (lines) {
      tail = new ArrayList<>(lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }
    throw new AssertionError(
        role
            + " "
            + pid()
            + ": no line '"
            + prefix
            + "' within "
            + timeout
            + ":\n"
            + String.join("\n", tail));
  }
}
