package com.mallrank.batch.testing;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * What a command printed: {@code System.out} and {@code System.err} captured (UTF-8) for each test
 * and restored after it. Register it as a {@code @RegisterExtension} instance field.
 */
public final class ConsoleCapture implements BeforeEachCallback, AfterEachCallback {

  private final boolean merged;
  private ByteArrayOutputStream out = new ByteArrayOutputStream();
  private ByteArrayOutputStream err = new ByteArrayOutputStream();
  private PrintStream originalOut;
  private PrintStream originalErr;

  private ConsoleCapture(boolean merged) {
    this.merged = merged;
  }

  /** Standard output and standard error apart. */
  public static ConsoleCapture separate() {
    return new ConsoleCapture(false);
  }

  /** Both streams into one, in the order written (as a terminal shows them); read it as out(). */
  public static ConsoleCapture merged() {
    return new ConsoleCapture(true);
  }

  /** Everything printed to standard output so far in this test (and to stderr, when merged). */
  public String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  /** Everything printed to standard error so far in this test (empty when merged). */
  public String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  /** Forgets what was printed so far (a test running several commands, one after the other). */
  public void reset() {
    out.reset();
    err.reset();
  }

  /**
   * The rest of the line starting with {@code prefix} that a command running in {@code run} prints,
   * once printed (within 30 s, while it runs).
   */
  public String lineAfter(String prefix, Future<?> run) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      for (String line : out().lines().toList()) {
        if (line.startsWith(prefix)) {
          return line.substring(prefix.length());
        }
      }
      if (run.isDone()) {
        break;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no line '" + prefix + "…' printed: " + out() + err());
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    out = new ByteArrayOutputStream();
    err = new ByteArrayOutputStream();
    originalOut = System.out;
    originalErr = System.err;
    PrintStream stdout = new PrintStream(out, true, StandardCharsets.UTF_8);
    System.setOut(stdout);
    System.setErr(merged ? stdout : new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Override
  public void afterEach(ExtensionContext context) {
    if (originalOut != null) {
      System.setOut(originalOut);
      System.setErr(originalErr);
    }
  }
}
