package com.mallrank.batch.cli;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;

/**
 * Sends the console log to standard error, right after Spring Boot has set logging up: standard
 * output is the command's result ({@code profile test --json}, {@code report --format json}, a CSV)
 * and must hold nothing else, so it can be piped or parsed.
 */
public class ConsoleLogsToStderr
    implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

  @Override
  public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
    if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
      return;
    }
    for (Logger logger : context.getLoggerList()) {
      for (var it = logger.iteratorForAppenders(); it.hasNext(); ) {
        Appender<?> appender = it.next();
        if (appender instanceof ConsoleAppender<?> console
            && !"System.err".equals(console.getTarget())) {
          console.stop();
          console.setTarget("System.err");
          console.start();
        }
      }
    }
  }

  @Override
  public int getOrder() {
    return LoggingApplicationListener.DEFAULT_ORDER + 1;
  }
}
