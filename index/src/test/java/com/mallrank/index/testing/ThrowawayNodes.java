package com.mallrank.index.testing;

import com.mallrank.index.local.LocalElasticsearchSettings;
import java.nio.file.Path;
import java.util.List;

/**
 * The settings of a test's own Elasticsearch nodes (a secured server, a cluster), never the shared
 * test server: free ports ({@link FreePorts}), a 256 MB heap, and C1 only.
 *
 * <p>C1 only ({@code -XX:TieredStopAtLevel=1}): such a node lives for one test class, and on the
 * 2-core CI machine C2 compiling start-up code it runs a few times is most of its start. Measured
 * side by side (one single node from an unpacked distribution to green health, load 13 to 18):
 * 12-15 s of server CPU and 28-31 s with C2, 6-8 s and 12-26 s with C1 only. The shared test server
 * and a one-host installation keep the default.
 */
public final class ThrowawayNodes {

  /** The JVM options of a throwaway node. */
  public static final List<String> JAVA_OPTIONS = List.of("-XX:TieredStopAtLevel=1");

  /** The heap of a throwaway node. */
  public static final String HEAP = "256m";

  private ThrowawayNodes() {}

  /**
   * Settings for {@code nodes} nodes in {@code dataDir} on free ports (node 1's HTTP port is the
   * settings' port; see {@code LocalElasticsearchCluster}).
   */
  public static LocalElasticsearchSettings settings(Path dataDir, int nodes) {
    return LocalElasticsearchSettings.of(dataDir, FreePorts.forElasticsearch(nodes))
        .withHeap(HEAP)
        .withJavaOptions(JAVA_OPTIONS);
  }
}
