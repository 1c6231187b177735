package com.mallrank.batch.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code mallrank index ...}: maintenance of the stored indices. */
@Command(
    name = "index",
    mixinStandardHelpOptions = true,
    description = "Maintenance of the stored indices (index.prefix).",
    subcommands = {IndexMigrateIdsCommand.class})
public class IndexCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
