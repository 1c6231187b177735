package com.mallrank.batch.cli;

import java.util.Set;

/**
 * The commands a command line runs (the top command, its subcommand, ...), as parsed before the
 * context started. When the context holds this bean, {@link SpringCommandFactory} wires only these
 * commands with their collaborators: the others are only read for their options, and building their
 * collaborators (an Elasticsearch client, a job launcher) would cost start-up time for nothing.
 *
 * @param commands the classes of the commands on the path
 */
public record CommandPath(Set<Class<?>> commands) {

  public CommandPath {
    commands = Set.copyOf(commands);
  }

  boolean runs(Class<?> type) {
    return commands.contains(type);
  }
}
