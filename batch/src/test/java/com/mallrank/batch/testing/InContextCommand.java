package com.mallrank.batch.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.mallrank.batch.cli.MallrankCommand;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.springframework.context.ApplicationContext;
import picocli.CommandLine;

/**
 * Runs a {@code mallrank} command line inside a test's running application context (its beans, its
 * index prefix), the way the launcher would run it in its own: for tests that load a fixture once
 * and then ask many report commands about it.
 */
public final class InContextCommand {

  private InContextCommand() {}

  /**
   * Runs {@code mallrank args...}, asserts it exits 0, and returns what it printed on standard
   * output. Standard output is process-wide: one command at a time.
   */
  public static String run(ApplicationContext context, String... args) {
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    int code;
    synchronized (InContextCommand.class) {
      PrintStream original = System.out;
      System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
      try {
        CommandLine.IFactory factory =
            new CommandLine.IFactory() {
              @Override
              public <K> K create(Class<K> type) throws Exception {
                try {
                  return context.getAutowireCapableBeanFactory().createBean(type);
                } catch (RuntimeException e) {
                  return CommandLine.defaultFactory().create(type);
                }
              }
            };
        code = new CommandLine(MallrankCommand.class, factory).execute(args);
      } finally {
        System.setOut(original);
      }
    }
    String printed = captured.toString(StandardCharsets.UTF_8);
    assertThat(code).as("mallrank %s printed %s", String.join(" ", args), printed).isZero();
    return printed;
  }
}
