package com.mallrank.crawler.sandbox;

import java.io.PrintStream;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the sandbox mall standalone until killed:
 *
 * <pre>
 * java -cp crawler/sandbox/target/classes:… com.mallrank.crawler.sandbox.SandboxMain \
 *     [--port 8080] [--time 2026-11-28T14:00:00Z] [--seed 20261128] [--print-accounts]
 * </pre>
 *
 * Prints the base URL (first line), then the matrix accounts with their shop ids when asked.
 */
public final class SandboxMain {

  private SandboxMain() {}

  public static void main(String[] args) throws InterruptedException {
    int port = 0;
    Instant time = null;
    long seed = SandboxWorld.DEFAULT_SEED;
    boolean printAccounts = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--port" -> port = Integer.parseInt(args[++i]);
        case "--time" -> time = Instant.parse(args[++i]);
        case "--seed" -> seed = Long.parseLong(args[++i]);
        case "--print-accounts" -> printAccounts = true;
        default ->
            throw new IllegalArgumentException(
                "unknown option " + args[i] + " (use --port, --time, --seed, --print-accounts)");
      }
    }
    SandboxClock clock = new SandboxClock();
    if (time != null) {
      clock.set(time);
    }
    SandboxMall mall = SandboxMall.start(SandboxWorld.create(seed), clock, port);
    PrintStream out = System.out;
    out.println(mall.baseUrl());
    if (printAccounts) {
      for (Map.Entry<String, Set<String>> e : mall.world().matrixAccountShops().entrySet()) {
        out.println(e.getKey() + " " + String.join(",", e.getValue()));
      }
    }
    out.flush();
    Runtime.getRuntime().addShutdownHook(new Thread(mall::close));
    new CountDownLatch(1).await();
  }
}
