package com.mallrank.batch.evidence;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code mallrank evidence ...}: what was kept of samples that produced no ranks. */
@Command(
    name = "evidence",
    mixinStandardHelpOptions = true,
    description =
        "Evidence of failed samples (body or captured responses without cookies or tokens, and a"
            + " screenshot of browser pages), kept under crawler.evidence.dir to fix a profile.",
    subcommands = {EvidenceListCommand.class, EvidenceShowCommand.class})
public class EvidenceCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
