package com.mallrank.batch.testing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The command line of a second JVM on this test's class path, for tests of separate processes. */
public final class ChildJvm {

  private ChildJvm() {}

  /**
   * {@code java -Xmx<maxHeap> -cp <this class path> <mainClass>}, as a mutable list the test
   * appends its arguments to.
   */
  public static List<String> command(String maxHeap, Class<?> mainClass) {
    return new ArrayList<>(
        List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx" + maxHeap,
            "-cp",
            System.getProperty("java.class.path"),
            mainClass.getName()));
  }
}
