package com.mallrank.batch;

import java.util.Arrays;
import java.util.Map;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The mallrank application: jobs, scheduler and command line. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class MallrankApplication {

  /** The command that runs as a service. */
  static final String SERVE = "serve";

  public static void main(String[] args) {
    System.exit(org.springframework.boot.SpringApplication.exit(application(args).run(args)));
  }

  /**
   * The application for these arguments: {@code serve} starts the web server for the actuator
   * (health, Prometheus) and logs structured (ECS JSON); every other command is a plain
   * command-line program without a web server.
   */
  public static SpringApplicationBuilder application(String... args) {
    SpringApplicationBuilder builder = new SpringApplicationBuilder(MallrankApplication.class);
    if (isServe(args)) {
      builder
          .web(WebApplicationType.SERVLET)
          .properties(Map.of("logging.structured.format.console", "ecs"));
    }
    return builder;
  }

  static boolean isServe(String... args) {
    return Arrays.stream(args).filter(a -> !a.startsWith("-")).findFirst().orElse("").equals(SERVE);
  }
}
