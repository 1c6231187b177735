package com.mallrank.batch.es;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code mallrank es ...}: the local Elasticsearch as a service. */
@Command(
    name = "es",
    mixinStandardHelpOptions = true,
    description = {
      "The local Elasticsearch (index.local.*) as a service: `es start` leaves it running, so the"
          + " commands that follow reuse it (none of them stops a server it did not start);"
          + " `es stop` stops it; `es status` shows URL, data dir, pid, heap and disk.",
      "Without `es start`, a command that finds no Elasticsearch starts one and stops it when it"
          + " ends (index.local.stop-on-exit)."
    },
    subcommands = {
      EsStartCommand.class,
      EsStopCommand.class,
      EsStatusCommand.class,
      EsRolesCommand.class
    })
public class EsCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
