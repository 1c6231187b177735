package com.mallrank.batch.report;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code mallrank report ...}: the reports, computed in Elasticsearch. */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = "Prints a report computed from the stored samples.",
    subcommands = {
      Top20Command.class,
      ChangesCommand.class,
      HistoryCommand.class,
      CoverageCommand.class,
      ChangeLogCommand.class,
      ExplainCommand.class,
      HealthCommand.class,
      DailyCommand.class
    })
public class ReportCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
