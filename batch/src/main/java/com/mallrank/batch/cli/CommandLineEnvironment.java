package com.mallrank.batch.cli;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.CommandLinePropertySource;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;

/**
 * Configuration that follows from the command being run, above every other source:
 *
 * <ul>
 *   <li>Commands that never run a job ({@link CommandLineStartup#LEAN_COMMANDS}, when the whole
 *       application is forced with {@code -Dmallrank.cli.startup=full}) get an in-memory
 *       JobRepository: they write nothing to disk (the default one is an H2 file under {@code
 *       ./data/jobrepo}) and need no database. Except {@code accounts login} and {@code accounts
 *       import}: they take back the account's needs-login marks in the JobRepository's database
 *       ({@code runtime.JdbcNeedsLoginMarks}), the one every worker reads.
 *   <li>{@code --debug} is mallrank's (stack traces of errors), not Spring Boot's (which would log
 *       its whole auto-configuration report): Spring's {@code debug} is turned off and {@value
 *       #DEBUG} set instead.
 *   <li>A path-valued key given on the command line ({@code --batch.plan=plan.yml}) is relative to
 *       the directory the user started mallrank from, not to the checkout the launcher runs it in
 *       ({@link CallerPaths}): it is given to the application as that absolute path.
 * </ul>
 */
public class CommandLineEnvironment implements EnvironmentPostProcessor {

  /** Set to {@code true} by {@code --debug}. */
  public static final String DEBUG = "mallrank.debug";

  private static final String COMMAND_LINE =
      CommandLinePropertySource.COMMAND_LINE_PROPERTY_SOURCE_NAME;

  @Override
  public void postProcessEnvironment(
      ConfigurableEnvironment environment, SpringApplication application) {
    PropertySource<?> commandLine = environment.getPropertySources().get(COMMAND_LINE);
    if (!(commandLine instanceof CommandLinePropertySource<?> args)) {
      return;
    }
    Map<String, Object> overrides = new HashMap<>();
    if (args.containsProperty("debug")) {
      overrides.put("debug", "false");
      overrides.put(DEBUG, "true");
    }
    String nonOptions = args.getProperty("nonOptionArgs");
    String[] words = nonOptions == null ? new String[] {""} : nonOptions.split(",");
    String command = words[0].strip();
    if (CommandLineStartup.LEAN_COMMANDS.contains(command) && !takesBackMarks(words)) {
      overrides.put(
          "spring.datasource.url",
          "jdbc:h2:mem:mallrank-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
      overrides.put("spring.datasource.driver-class-name", "org.h2.Driver");
      overrides.put("spring.datasource.username", "sa");
      overrides.put("spring.datasource.password", "");
    }
    for (String key : args.getPropertyNames()) {
      String value = args.getProperty(key);
      String resolved = CallerPaths.commandLineValue(key, value);
      if (!java.util.Objects.equals(resolved, value)) {
        overrides.put(key, resolved);
      }
    }
    if (!overrides.isEmpty()) {
      environment
          .getPropertySources()
          .addFirst(new MapPropertySource("mallrank-command", overrides));
    }
  }

  /**
   * {@code accounts login} and {@code accounts import}: they use the configured JobRepository
   * database, not a job.
   */
  private static boolean takesBackMarks(String[] words) {
    return words.length > 1
        && words[0].strip().equals("accounts")
        && (words[1].strip().equals("login") || words[1].strip().equals("import"));
  }
}
