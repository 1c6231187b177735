package com.mallrank.batch.remote;

import com.mallrank.batch.MallrankApplication;
import com.mallrank.batch.demo.SandboxRuntime;
import com.mallrank.batch.sample.SampleLauncher;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jms.listener.DefaultMessageListenerContainer;

/**
 * A separate JVM of the remote-partitioning test: {@code worker SLOT --key=value...} takes
 * partitions until killed (its sandbox mall pinned to SLOT, so every process sees the same pages);
 * {@code standby SLOT --key=value...} is that worker started ahead of its turn: it prints {@code
 * worker standby} once its context is up and starts taking partitions (then prints {@code worker
 * ready}) only when it reads {@code listen} on stdin, so a test pays the JVM start while it waits
 * for something else; {@code manager --key=value...} reads {@code launch GROUP SLOT} lines on stdin
 * and answers each with {@code result SLOT STATUS DESCRIPTION}; {@code all SLOT GROUP
 * --key=value...} samples one slot in this one process and exits.
 */
public final class RemoteChildMain {

  private RemoteChildMain() {}

  public static void main(String[] args) throws Exception {
    String role = args[0];
    switch (role) {
      case "worker" ->
          worker(Instant.parse(args[1]), false, Arrays.copyOfRange(args, 2, args.length));
      case "standby" ->
          worker(Instant.parse(args[1]), true, Arrays.copyOfRange(args, 2, args.length));
      case "manager" -> manager(Arrays.copyOfRange(args, 1, args.length));
      case "all" -> all(Instant.parse(args[1]), args[2], Arrays.copyOfRange(args, 3, args.length));
      default -> throw new IllegalArgumentException(role);
    }
  }

  private static ConfigurableApplicationContext context(String role, String[] properties) {
    String[] all = Arrays.copyOf(properties, properties.length + 1);
    all[properties.length] = "--batch.role=" + role;
    return MallrankApplication.application(all).properties("mallrank.cli.enabled=false").run(all);
  }

  private static void worker(Instant slot, boolean standby, String[] properties) throws Exception {
    ConfigurableApplicationContext context = context("worker", properties);
    context.getBean(SandboxRuntime.class).mall().setTime(slot);
    if (standby) {
      System.out.println("worker standby " + ProcessHandle.current().pid());
      BufferedReader commands =
          new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      String line;
      do {
        line = commands.readLine();
      } while (line != null && !line.strip().equals("listen"));
      if (line == null) {
        System.exit(0); // the test ended without needing this worker
      }
    }
    context.getBean("partitionListener", DefaultMessageListenerContainer.class).start();
    System.out.println("worker ready " + ProcessHandle.current().pid());
    Thread.currentThread().join(); // until killed
  }

  private static void manager(String[] properties) throws Exception {
    ConfigurableApplicationContext context = context("manager", properties);
    SampleLauncher launcher = context.getBean(SampleLauncher.class);
    System.out.println("manager ready " + ProcessHandle.current().pid());
    BufferedReader commands =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    String line;
    while ((line = commands.readLine()) != null) {
      String[] parts = line.strip().split(" ");
      if (parts.length != 3 || !parts[0].equals("launch")) {
        continue;
      }
      String answer;
      try {
        JobExecution execution = launcher.launch(parts[1], Instant.parse(parts[2]));
        answer =
            execution.getStatus()
                + " "
                + execution.getAllFailureExceptions().stream()
                    .map(Throwable::getMessage)
                    .findFirst()
                    .orElse(execution.getExitStatus().getExitDescription())
                    .replace('\n', ' ');
      } catch (RuntimeException e) {
        answer = "REFUSED " + e.getMessage();
      }
      System.out.println("result " + parts[2] + " " + answer);
    }
    context.close();
    System.exit(0);
  }

  private static void all(Instant slot, String group, String[] properties) {
    ConfigurableApplicationContext context = context("all", properties);
    context.getBean(SandboxRuntime.class).mall().setTime(slot);
    JobExecution execution = context.getBean(SampleLauncher.class).launch(group, slot);
    System.out.println("result " + slot + " " + execution.getStatus());
    context.close();
    System.exit(0);
  }
}
