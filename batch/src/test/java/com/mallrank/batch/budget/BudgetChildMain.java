package com.mallrank.batch.budget;

import com.mallrank.batch.sample.SampleLauncher;
import com.mallrank.batch.testing.ChildJvm;
import java.time.Instant;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A separate JVM that samples one group's slot against a site given by {@code crawler.base-url}
 * (the test's sandbox, so one request log counts both processes): {@code GROUP SLOT
 * --key=value...}. Prints the job's status; exits 0 when it completed. The two children create
 * their job instances at the same instant: {@link SampleLauncher} itself retries a start PostgreSQL
 * refuses for that ({@code 40001}).
 */
public final class BudgetChildMain {

  private BudgetChildMain() {}

  public static void main(String[] args) {
    String group = args[0];
    Instant slot = Instant.parse(args[1]);
    ConfigurableApplicationContext context = ChildJvm.startBatch(args, 2);
    JobExecution execution = context.getBean(SampleLauncher.class).launch(group, slot);
    System.out.println("child " + group + " job " + execution.getStatus());
    int code = SpringApplication.exit(context);
    System.exit(execution.getStatus().name().equals("COMPLETED") ? code : 3);
  }
}
