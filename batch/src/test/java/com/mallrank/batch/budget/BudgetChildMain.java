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
 * --key=value...}. Prints the job's status; exits 0 when it completed.
 */
public final class BudgetChildMain {

  private BudgetChildMain() {}

  public static void main(String[] args) throws InterruptedException {
    String group = args[0];
    Instant slot = Instant.parse(args[1]);
    ConfigurableApplicationContext context = ChildJvm.startBatch(args, 2);
    JobExecution execution = launch(context.getBean(SampleLauncher.class), group, slot);
    System.out.println("child " + group + " job " + execution.getStatus());
    int code = SpringApplication.exit(context);
    System.exit(execution.getStatus().name().equals("COMPLETED") ? code : 3);
  }

  /**
   * Launches the slot, again when PostgreSQL's serializable isolation refused the job instance
   * because the other child created its own at the same moment (the JobRepository's, not the
   * budget's: the launch is retried, as the error's hint says).
   */
  private static JobExecution launch(SampleLauncher launcher, String group, Instant slot)
      throws InterruptedException {
    for (int attempt = 1; ; attempt++) {
      try {
        return launcher.launch(group, slot);
      } catch (RuntimeException e) {
        if (attempt == 5
            || !(rootCause(e) instanceof java.sql.SQLException sql)
            || !"40001".equals(sql.getSQLState())) {
          throw e;
        }
        System.out.println("child " + group + " launch retried: " + sql.getSQLState());
        Thread.sleep(200L * attempt);
      }
    }
  }

  private static Throwable rootCause(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return cause;
  }
}
