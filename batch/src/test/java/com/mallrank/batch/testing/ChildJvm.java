package com.mallrank.batch.testing;

import com.mallrank.batch.MallrankApplication;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.context.ConfigurableApplicationContext;

/** The command line of a second JVM on this test's class path, for tests of separate processes. */
public final class ChildJvm {

  private ChildJvm() {}

  /**
   * In a child's {@code main}: the batch app started without its command line, configured by the
   * {@code --key=value} arguments from index {@code from} on (the ones before are the child's own).
   */
  public static ConfigurableApplicationContext startBatch(String[] args, int from) {
    String[] properties = Arrays.copyOfRange(args, from, args.length);
    return MallrankApplication.application(properties)
        .properties("mallrank.cli.enabled=false")
        .run(properties);
  }

  /**
   * {@code java -Xmx<maxHeap> -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp <this class path>
   * <mainClass>}, as a mutable list the test appends its arguments to. A child lives seconds to a
   * minute: C1 alone and the serial collector cost less CPU than C2 and parallel GC threads save
   * (what {@code ./mallrank} gives its short commands), and children often start side by side on a
   * 2-core machine.
   */
  public static List<String> command(String maxHeap, Class<?> mainClass) {
    return new ArrayList<>(
        List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx" + maxHeap,
            "-XX:TieredStopAtLevel=1",
            "-XX:+UseSerialGC",
            "-cp",
            System.getProperty("java.class.path"),
            mainClass.getName()));
  }
}
