package com.mallrank.batch;

import com.mallrank.batch.cli.CommandLineStartup;
import com.mallrank.batch.cli.LeanCommandLine;
import com.mallrank.batch.remote.Role;
import com.mallrank.batch.schedule.ServePort;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.CommandLinePropertySource;
import org.springframework.core.env.MapPropertySource;

/** The mallrank application: jobs, scheduler and command line. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class MallrankApplication {

  /** The command that runs as a service. */
  static final String SERVE = "serve";

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs one command line and returns its exit code: {@link Mallrank#run}. */
  public static int run(String... args) {
    return Mallrank.run(args);
  }

  /** A command line in mallrank's own beans, without auto-configuration ({@code LEAN}). */
  static int lean(CommandLineStartup.Decision startup, String... args) {
    return SpringApplication.exit(LeanCommandLine.application(startup.path()).run(args));
  }

  /** A command line in the whole application ({@code FULL}). */
  static int full(String... args) {
    return SpringApplication.exit(application(args).run(args));
  }

  /**
   * The application for these arguments: {@code serve} starts the web server for the actuator
   * (health, Prometheus) and logs structured (ECS JSON); every other command is a plain
   * command-line program without a web server.
   */
  public static SpringApplicationBuilder application(String... args) {
    SpringApplicationBuilder builder =
        // the main class Spring names is this one, not the jar's entry point (Mallrank)
        new SpringApplicationBuilder(MallrankApplication.class).main(MallrankApplication.class);
    if (isServe(args)) {
      builder
          .properties(Map.of("logging.structured.format.console", "ecs"))
          // above application.yml's spring.main.web-application-type=none, below the user's
          // --spring.main.web-application-type
          .listeners(
              (ApplicationListener<ApplicationEnvironmentPreparedEvent>)
                  event -> {
                    var sources = event.getEnvironment().getPropertySources();
                    Map<String, Object> properties = new HashMap<>();
                    properties.put(
                        "spring.main.web-application-type", WebApplicationType.SERVLET.name());
                    var serve = new MapPropertySource("mallrank-serve", properties);
                    if (sources.contains(COMMAND_LINE)) {
                      sources.addAfter(COMMAND_LINE, serve);
                    } else {
                      sources.addFirst(serve);
                    }
                    // `serve --role X` decides which beans exist, so it is known before the
                    // context: above every other source of batch.role
                    roleOption(args)
                        .ifPresent(
                            role ->
                                sources.addFirst(
                                    new MapPropertySource(
                                        "mallrank-serve-role",
                                        Map.of(
                                            "batch.role",
                                            role,
                                            "management.health.jms.enabled",
                                            Boolean.toString(!role.equals("all"))))));
                    // several serve processes on one host: each its own actuator port
                    Map<String, Object> port = ServePort.choose(event.getEnvironment());
                    if (!port.isEmpty()) {
                      sources.addFirst(new MapPropertySource("mallrank-serve-port", port));
                    }
                  });
    }
    return builder;
  }

  private static final String COMMAND_LINE =
      CommandLinePropertySource.COMMAND_LINE_PROPERTY_SOURCE_NAME;

  /**
   * The value of {@code --role X} or {@code --role=X}, when it is one of the roles (anything else
   * is left to the command line parser, which names the accepted values).
   */
  static Optional<String> roleOption(String... args) {
    for (int i = 0; i < args.length; i++) {
      String value = null;
      if (args[i].equals("--role") && i + 1 < args.length) {
        value = args[i + 1];
      } else if (args[i].startsWith("--role=")) {
        value = args[i].substring("--role=".length());
      }
      if (value != null) {
        try {
          return Optional.of(Role.parse(value).value());
        } catch (IllegalArgumentException e) {
          return Optional.empty();
        }
      }
    }
    return Optional.empty();
  }

  static boolean isServe(String... args) {
    boolean help = Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h");
    return !help
        && Arrays.stream(args).filter(a -> !a.startsWith("-")).findFirst().orElse("").equals(SERVE);
  }
}
