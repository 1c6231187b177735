package com.mallrank.batch.cli;

import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;
import picocli.CommandLine;

/** Lets picocli create commands as Spring beans, so commands get their collaborators injected. */
@Component
class SpringCommandFactory implements CommandLine.IFactory {

  private final ApplicationContext context;

  SpringCommandFactory(ApplicationContext context) {
    this.context = context;
  }

  @Override
  public <K> K create(Class<K> type) throws Exception {
    try {
      return context.getAutowireCapableBeanFactory().createBean(type);
    } catch (Exception e) {
      return CommandLine.defaultFactory().create(type);
    }
  }
}
