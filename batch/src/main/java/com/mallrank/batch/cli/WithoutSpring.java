package com.mallrank.batch.cli;

import com.mallrank.batch.config.BatchProperties;
import com.mallrank.batch.config.CrawlerProperties;
import com.mallrank.batch.config.PlainConfiguration;
import com.mallrank.batch.config.PlainConfiguration.NeedsSpring;
import com.mallrank.batch.evidence.EvidenceKeeper;
import com.mallrank.batch.runtime.BrowserRuntime;
import com.mallrank.batch.runtime.PlanRepository;
import com.mallrank.batch.runtime.SamplerFactory;
import com.mallrank.batch.runtime.SiteProfileRegistry;
import com.mallrank.batch.runtime.Targets;
import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Function;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import picocli.CommandLine;

/**
 * Runs a command that needs no Spring context ({@link CommandLineStartup.Startup#PLAIN}): its
 * configuration read by {@link PlainConfiguration}, the console log set up by {@link PlainLogging},
 * its collaborators made by hand from {@link #RECIPES} (each once, closed at the end as the context
 * closes its beans), then the same {@link MallrankRunner#commandLine}: same output, same errors,
 * same exit code as in the lean context.
 *
 * <p>When the configuration needs Spring to be read, or a collaborator cannot be made, nothing has
 * run yet and the command starts the lean context instead, which reports it as always.
 *
 * <p>A command runs here when it is in {@link CommandLineStartup#PLAIN_COMMANDS} and each of its
 * constructor's parameters has a recipe (a test checks both), or is an {@code ObjectProvider}: of a
 * collaborator with a recipe, made when the command asks for it (the samplers of {@code profile
 * test}, for a URL only), or of one it asks for only with an option that starts the lean context
 * ({@link CommandLineStartup#CONTEXT_OPTIONS}). A command with a constructor for Spring ({@code
 * Autowired}) and another is made with the other.
 */
final class WithoutSpring implements CommandLine.IFactory, AutoCloseable {

  /** How each collaborator of these commands is made, from the configuration and the others. */
  static final Map<Class<?>, Function<WithoutSpring, Object>> RECIPES =
      Map.of(
          CrawlerProperties.class, beans -> beans.configuration.crawler(),
          BatchProperties.class, beans -> beans.configuration.batch(),
          SiteProfileRegistry.class,
              beans -> new SiteProfileRegistry(beans.get(CrawlerProperties.class)),
          PlanRepository.class,
              beans ->
                  new PlanRepository(
                      beans.get(BatchProperties.class), beans.get(SiteProfileRegistry.class)),
          BrowserRuntime.class,
              beans ->
                  new BrowserRuntime(
                      beans.get(CrawlerProperties.class),
                      beans.get(BatchProperties.class),
                      beans.provider(PlanRepository.class)),
          // No default target here: a command that samples the site (profile test --keyword) starts
          // the lean context, which has the demo wiring's target
          // (CommandLineStartup.CONTEXT_OPTIONS).
          Targets.class, beans -> new Targets(beans.get(CrawlerProperties.class), Optional.empty()),
          SamplerFactory.class,
              beans ->
                  new SamplerFactory(
                      beans.get(CrawlerProperties.class), beans.get(BrowserRuntime.class)),
          EvidenceKeeper.class,
              beans ->
                  new EvidenceKeeper(
                      beans.get(CrawlerProperties.class), beans.get(BrowserRuntime.class)));

  private final PlainConfiguration configuration;
  private final CommandPath path;

  private final Map<Class<?>, Object> made = new LinkedHashMap<>();

  WithoutSpring(PlainConfiguration configuration, CommandPath path) {
    this.configuration = configuration;
    this.path = path;
  }

  /**
   * Runs the command line, decided to run these commands without Spring, or returns nothing (and
   * has run nothing) when it needs the lean context after all.
   */
  static OptionalInt run(CommandPath path, String... args) {
    return run(path, null, args);
  }

  /**
   * Runs a command line whose words name {@code command} of {@link
   * CommandLineStartup#PLAIN_COMMANDS}, built with only the commands its words name (that one made
   * with its collaborators) and parsed once: when {@link CommandLineStartup#decide} says that parse
   * runs that command without Spring, the same command line runs. Otherwise (wrong arguments, an
   * option that needs the lean context), as when the configuration needs Spring or a collaborator
   * cannot be made, it returns nothing and nothing has run: the command line is then decided and
   * run as any other ({@code Mallrank.run}).
   */
  static OptionalInt runParsed(Class<?> command, String... args) {
    return run(new CommandPath(Set.of(command)), command, args);
  }

  /**
   * @param named the command the words name, decided on this command line's parse; {@code null}:
   *     decided already
   */
  private static OptionalInt run(CommandPath path, Class<?> named, String... args) {
    PlainConfiguration.Inputs inputs = PlainConfiguration.Inputs.of(args);
    PlainConfiguration configuration;
    try {
      configuration = PlainConfiguration.read(inputs, CallerPaths::commandLineValue);
      PlainLogging.apply(configuration, inputs.systemProperties());
    } catch (NeedsSpring e) {
      return OptionalInt.empty();
    }
    String[] commandArgs = MallrankRunner.commandArgs(args);
    try (WithoutSpring beans = new WithoutSpring(configuration, path)) {
      CommandLine commandLine;
      try {
        commandLine = MallrankRunner.namedCommandLine(beans, commandArgs);
        if (named == null) {
          MallrankRunner.createCommands(commandLine, commandArgs);
        } else {
          CommandLineStartup.Decision decision =
              CommandLineStartup.decide(commandLine.parseArgs(commandArgs));
          if (decision.startup() != CommandLineStartup.Startup.PLAIN
              || !decision.path().runs(named)) {
            PlainLogging.JdkLogging.handOver();
            return OptionalInt.empty();
          }
        }
      } catch (RuntimeException e) {
        // a collaborator could not be made (the lean context says so, as always), or, parsed
        // here, wrong arguments (the whole command line reports them)
        PlainLogging.JdkLogging.handOver();
        return OptionalInt.empty();
      }
      return OptionalInt.of(commandLine.execute(commandArgs));
    }
  }

  @Override
  public <K> K create(Class<K> type) throws Exception {
    if (!path.runs(type)) {
      return new WithoutDependencies().create(type); // never runs: its options are enough
    }
    // the widest constructor; of a command with one for Spring (@Autowired), the other
    Constructor<?> constructor =
        Arrays.stream(type.getConstructors())
            .max(
                Comparator.<Constructor<?>>comparingInt(
                        c -> c.isAnnotationPresent(Autowired.class) ? 0 : 1)
                    .thenComparingInt(Constructor::getParameterCount))
            .orElseThrow(() -> new IllegalStateException(type.getName() + ": no constructor"));
    Object[] arguments = new Object[constructor.getParameterCount()];
    for (int i = 0; i < arguments.length; i++) {
      Class<?> parameter = constructor.getParameterTypes()[i];
      arguments[i] =
          parameter == ObjectProvider.class
              ? provider(providedType(constructor.getGenericParameterTypes()[i]))
              : get(parameter);
    }
    return type.cast(constructor.newInstance(arguments));
  }

  /** The collaborator of this type, made on first use. */
  <T> T get(Class<T> type) {
    Object bean = made.get(type);
    if (bean == null) {
      Function<WithoutSpring, Object> recipe = RECIPES.get(type);
      if (recipe == null) {
        throw new IllegalStateException("no " + type.getName() + " without Spring");
      }
      bean = recipe.apply(this);
      made.put(type, bean);
    }
    return type.cast(bean);
  }

  /** {@code T} of a parameter {@code ObjectProvider<T>}. */
  private static Class<?> providedType(Type parameter) {
    if (parameter instanceof ParameterizedType provider
        && provider.getActualTypeArguments()[0] instanceof Class<?> type) {
      return type;
    }
    throw new IllegalStateException(parameter + ": not an ObjectProvider of a class");
  }

  /**
   * The collaborator, made when the command asks for it: one without a recipe (the Elasticsearch
   * reports of {@code profile repair --keyword}, which starts the lean context) is an error then.
   */
  private <T> ObjectProvider<T> provider(Class<T> type) {
    return new ObjectProvider<>() {
      @Override
      public T getObject() {
        return get(type);
      }

      @Override
      public T getIfAvailable() {
        return get(type);
      }
    };
  }

  /** Closes what was made, the last first, as the context destroys its beans. */
  @Override
  public void close() {
    List<Object> beans = new ArrayList<>(made.values());
    java.util.Collections.reverse(beans);
    for (Object bean : beans) {
      try {
        if (bean instanceof DisposableBean disposable) {
          disposable.destroy();
        }
      } catch (Exception e) {
        org.slf4j.LoggerFactory.getLogger(WithoutSpring.class)
            .warn("cannot close {}: {}", bean.getClass().getSimpleName(), e.getMessage());
      }
    }
  }
}
