package com.mallrank.batch.cli;

import java.util.Arrays;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;
import picocli.CommandLine;

/**
 * Lets picocli create commands as Spring beans, so commands get their collaborators injected.
 * Picocli creates every command of the tree, also those that do not run; with a {@link CommandPath}
 * only the commands that run (and option holders without constructor arguments, which cost nothing)
 * are wired.
 */
@Component
class SpringCommandFactory implements CommandLine.IFactory {

  private final ApplicationContext context;
  private final CommandPath path;

  SpringCommandFactory(ApplicationContext context, ObjectProvider<CommandPath> path) {
    this.context = context;
    this.path = path.getIfAvailable();
  }

  @Override
  public <K> K create(Class<K> type) throws Exception {
    if (path != null && path.runs(type)) {
      // it runs: a collaborator this context lacks is an error, never a command without it
      return context.getAutowireCapableBeanFactory().createBean(type);
    }
    if (path != null && !hasNoArgConstructor(type)) {
      return new WithoutDependencies().create(type); // never runs: its options are enough
    }
    try {
      return context.getAutowireCapableBeanFactory().createBean(type);
    } catch (Exception e) {
      // a command whose collaborators this context lacks (a job's, in the lean context): enough
      // for picocli to know its options; it never runs here (see CommandLineStartup)
      return new WithoutDependencies().create(type);
    }
  }

  private static boolean hasNoArgConstructor(Class<?> type) {
    return Arrays.stream(type.getDeclaredConstructors()).anyMatch(c -> c.getParameterCount() == 0);
  }
}
