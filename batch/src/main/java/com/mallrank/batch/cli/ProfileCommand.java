package com.mallrank.batch.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code mallrank profile ...}: work on site profiles. */
@Command(
    name = "profile",
    mixinStandardHelpOptions = true,
    description =
        "Site profiles: test what a profile extracts from a saved page or a live URL; repair one"
            + " after a page redesign.",
    subcommands = {ProfileTestCommand.class, ProfileRepairCommand.class})
public class ProfileCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
