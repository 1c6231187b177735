package com.mallrank.batch.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code mallrank plan ...}: check the keyword plan and add keyword lists to it. */
@Command(
    name = "plan",
    mixinStandardHelpOptions = true,
    description =
        "The keyword plan (batch.plan): validate it, import keyword lists (CSV), estimate the"
            + " workers it needs (capacity).",
    subcommands = {
      PlanValidateCommand.class,
      PlanImportKeywordsCommand.class,
      PlanCapacityCommand.class
    })
public class PlanCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
