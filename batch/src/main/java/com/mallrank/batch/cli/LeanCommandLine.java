package com.mallrank.batch.cli;

import com.mallrank.batch.MallrankApplication;
import com.mallrank.batch.runtime.ReportsConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;

/**
 * The application for commands that read files and Elasticsearch only ({@link
 * CommandLineStartup.Startup#LEAN}): mallrank's own components and configuration properties, each
 * created when a command first needs it, and none of Spring Boot's auto-configuration (no
 * JobRepository database, no Spring Batch, no actuator, no web stack). Configuration is read
 * exactly as for the whole application ({@code application.yml}, {@code ./config/application.yml},
 * {@code --key=value}, the environment), logging is set up the same way, and the command runs
 * through the same {@link MallrankRunner}, so its output and exit code are the same.
 *
 * <p>{@code @Configuration} classes (Spring Batch jobs, alert and change-detection wiring) are left
 * out: only jobs use them. The one imported is the report commands' {@link ReportsConfiguration}.
 */
@Configuration(proxyBeanMethods = false)
@ConfigurationPropertiesScan(basePackageClasses = MallrankApplication.class)
@ComponentScan(
    basePackageClasses = MallrankApplication.class,
    excludeFilters =
        @ComponentScan.Filter(type = FilterType.ANNOTATION, classes = Configuration.class))
@Import(ReportsConfiguration.class)
public class LeanCommandLine {

  /**
   * The lean application for these commands: no web server, every bean lazy, only the commands on
   * the path wired.
   */
  public static SpringApplicationBuilder application(CommandPath path) {
    // Spring Boot warms up Jackson, Hibernate Validator and message converters on a second thread
    // for the whole application; here that is a core's worth of work nobody waits for.
    System.setProperty(NO_BACKGROUND_PREINIT, "true");
    return new SpringApplicationBuilder(LeanCommandLine.class)
        .main(MallrankApplication.class) // as before the jar's entry point became Mallrank
        .web(WebApplicationType.NONE)
        .lazyInitialization(true)
        .initializers(
            context -> context.getBeanFactory().registerSingleton("mallrankCommandPath", path));
  }

  private static final String NO_BACKGROUND_PREINIT = "spring.backgroundpreinitializer.ignore";
}
