package com.mallrank.batch.sample;

import com.mallrank.batch.demo.SandboxRuntime;
import com.mallrank.batch.testing.ChildJvm;
import java.time.Instant;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A separate JVM that samples one slot, for the test that kills it mid-slot: {@code GROUP SLOT
 * --key=value...}. The sandbox mall is pinned to the slot so every run of it sees the same pages.
 */
public final class SlotChildMain {

  private SlotChildMain() {}

  public static void main(String[] args) {
    String group = args[0];
    Instant slot = Instant.parse(args[1]);
    ConfigurableApplicationContext context = ChildJvm.startBatch(args, 2);
    context.getBean(SandboxRuntime.class).mall().setTime(slot);
    System.out.println("child " + ProcessHandle.current().pid() + " sampling");
    context.getBean(SampleLauncher.class).launch(group, slot);
    System.exit(SpringApplication.exit(context));
  }
}
