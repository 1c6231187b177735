package com.mallrank.batch.cli;

import com.mallrank.batch.broker.BrokerCommand;
import com.mallrank.batch.demo.DemoCommand;
import com.mallrank.batch.es.EsCommand;
import com.mallrank.batch.evidence.EvidenceCommand;
import com.mallrank.batch.jobs.JobsCommand;
import com.mallrank.batch.report.ReportCommand;
import com.mallrank.batch.retention.RetentionCommand;
import com.mallrank.batch.sample.SampleCommand;
import com.mallrank.batch.schedule.ServeCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The {@code mallrank} command and its subcommands. */
@Command(
    name = "mallrank",
    mixinStandardHelpOptions = true,
    version = "mallrank 0.1.0",
    description =
        "Tracks Douyin Mall search rankings for long-tail keywords across matrix accounts.",
    subcommands = {
      DemoCommand.class,
      SampleCommand.class,
      ServeCommand.class,
      JobsCommand.class,
      PlanCommand.class,
      AccountsCommand.class,
      ReportCommand.class,
      ProfileCommand.class,
      RetentionCommand.class,
      EvidenceCommand.class,
      EsCommand.class,
      BrokerCommand.class,
      IndexCommand.class
    },
    footer = {
      "",
      "Configuration: src/main/resources/application.yml (documented), overridden by",
      "./config/application.yml, --key=value options and environment variables."
    })
public class MallrankCommand implements Runnable {

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--debug",
      scope = ScopeType.INHERIT,
      description = "On an error, print its stack trace too (default: one line).")
  boolean debug;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
