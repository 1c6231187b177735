package com.mallrank.index.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Command line for scripts: {@code start|stop|status [--data-dir DIR] [--port N] [--version V]
 * [--heap SIZE] [--nodes N] [--start-timeout SECONDS]}. {@code start} leaves the server running
 * after this JVM exits ({@code --nodes 3}: a cluster of three nodes on ports N, N+1, N+2, see
 * {@link LocalElasticsearchCluster}); {@code stop} stops every node of the data directory; {@code
 * status} exits with 0 when a healthy server answers on the port, 3 otherwise.
 */
public final class LocalElasticsearchMain {

  static final String USAGE =
      "usage: LocalElasticsearchMain start|stop|status [--data-dir DIR] [--port N]"
          + " [--version V] [--heap SIZE] [--nodes N] [--start-timeout SECONDS]";

  private LocalElasticsearchMain() {}

  public static void main(String[] args) {
    int code;
    try {
      code = run(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println(USAGE);
      code = 2;
    } catch (RuntimeException e) {
      System.err.println("error: " + e.getMessage());
      code = 1;
    }
    System.exit(code);
  }

  /** Runs one command and returns the process exit code. */
  static int run(String[] args) {
    if (args.length == 0) {
      throw new IllegalArgumentException("missing command");
    }
    String command = args[0].toLowerCase(Locale.ROOT);
    Path dataDir = Path.of("data", "elasticsearch");
    int port = LocalElasticsearchSettings.DEFAULT_HTTP_PORT;
    String version = LocalElasticsearchSettings.DEFAULT_VERSION;
    String heap = LocalElasticsearchSettings.DEFAULT_HEAP;
    int nodes = 1;
    Duration startTimeout = LocalElasticsearchSettings.DEFAULT_START_TIMEOUT;
    for (int i = 1; i < args.length; i++) {
      String option = args[i];
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException("option " + option + " needs a value");
      }
      String value = args[++i];
      switch (option) {
        case "--data-dir" -> dataDir = Path.of(value);
        case "--port" -> {
          try {
            port = Integer.parseInt(value);
          } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--port must be a number, got '" + value + "'");
          }
        }
        case "--version" -> version = value;
        case "--heap" -> heap = value;
        case "--nodes" -> {
          try {
            nodes = Integer.parseInt(value);
          } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--nodes must be a number, got '" + value + "'");
          }
        }
        case "--start-timeout" -> {
          try {
            startTimeout = Duration.ofSeconds(Long.parseLong(value));
          } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                "--start-timeout must be a number of seconds, got '" + value + "'");
          }
        }
        default -> throw new IllegalArgumentException("unknown option " + option);
      }
    }
    LocalElasticsearchSettings settings =
        LocalElasticsearchSettings.of(dataDir, port)
            .withVersion(version)
            .withHeap(heap)
            .withStartTimeout(startTimeout);
    switch (command) {
      case "start" -> {
        List<LocalElasticsearch> running =
            nodes == 1
                ? List.of(LocalElasticsearch.ensureRunning(settings))
                : LocalElasticsearchCluster.ensureRunning(settings, nodes).nodes();
        for (LocalElasticsearch es : running) {
          System.out.println(
              (es.startedHere() ? "started " : "already running ")
                  + es.url()
                  + " (data "
                  + es.dataDir()
                  + ")");
        }
        return 0;
      }
      case "stop" -> {
        int stopped = LocalElasticsearchCluster.stopRunning(settings);
        System.out.println(
            stopped > 0
                ? "stopped " + stopped + " node(s) of " + dataDir
                : "no server of " + dataDir + " was running");
        return 0;
      }
      case "status" -> {
        return LocalElasticsearch.findRunning(settings)
            .map(
                es -> {
                  System.out.println(
                      "running "
                          + es.url()
                          + es.pid().stream().mapToObj(p -> " pid " + p).findFirst().orElse(""));
                  return 0;
                })
            .orElseGet(
                () -> {
                  System.out.println("not running " + settings.url());
                  return 3;
                });
      }
      default -> throw new IllegalArgumentException("unknown command " + args[0]);
    }
  }
}
