package com.mallrank.batch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.mallrank.batch.config.PlainConfiguration;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@link PlainLogging}: the JDK's logging of a command without Spring goes to logback's console
 * with the configured levels, whether it starts after the set-up (bridged then, {@link
 * PlainLogging.JdkLogging}) or had started before (bridged at once). Each case is a JVM of its own
 * (the test's JVM has started the JDK's logging long since).
 */
class PlainLoggingTest {

  /** The command's JVM: sets the console log up, then logs through the JDK's logging. */
  public static final class Child {
    public static void main(String[] args) throws Exception {
      boolean startFirst = args[0].equals("started-before");
      if (startFirst) {
        java.util.logging.Logger.getLogger("early");
      }
      String[] rest = java.util.Arrays.copyOfRange(args, 1, args.length);
      PlainConfiguration.Inputs inputs = PlainConfiguration.Inputs.of(rest);
      PlainLogging.apply(
          PlainConfiguration.read(inputs, CallerPaths::commandLineValue),
          inputs.systemProperties());
      System.out.println("config class: " + System.getProperty("java.util.logging.config.class"));
      java.util.logging.Logger jul = java.util.logging.Logger.getLogger("com.mallrank.jul");
      jul.info("info through the JDK");
      jul.fine("fine through the JDK");
      java.util.logging.Logger.getLogger("org.other").info("below the root's WARN");
      java.util.logging.Logger.getLogger("org.other").warning("warning through the JDK");
    }
  }

  private static List<String> run(String mode, String... args)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(Child.class.getName());
    command.add(mode);
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(output).isZero();
    return output.lines().map(line -> line.replaceFirst("^\\d\\d:\\d\\d:\\d\\d ", "")).toList();
  }

  @Test
  void theJdksLoggingStartedAfterTheSetUpGoesToLogbackWithItsLevels() throws Exception {
    assertThat(run("fresh", "--logging.level.com.mallrank.jul=debug"))
        .containsExactly(
            "config class: " + PlainLogging.JdkLogging.class.getName(),
            "INFO  jul - info through the JDK",
            "DEBUG jul - fine through the JDK",
            "WARN  other - warning through the JDK");
  }

  @Test
  void theJdksLoggingStartedBeforeIsBridgedAtOnceAlike() throws Exception {
    assertThat(run("started-before", "--logging.level.com.mallrank.jul=debug"))
        .containsExactly(
            "config class: null",
            "INFO  jul - info through the JDK",
            "DEBUG jul - fine through the JDK",
            "WARN  other - warning through the JDK");
  }

  @Test
  void withoutALevelOfItsOwnALoggerHasTheConfiguredOnes() throws Exception {
    // com.mallrank is INFO in the packaged application.yml, the root WARN
    assertThat(run("fresh"))
        .containsExactly(
            "config class: " + PlainLogging.JdkLogging.class.getName(),
            "INFO  jul - info through the JDK",
            "WARN  other - warning through the JDK");
  }
}
