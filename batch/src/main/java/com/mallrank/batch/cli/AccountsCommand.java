package com.mallrank.batch.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code mallrank accounts ...}: matrix accounts' login states. */
@Command(
    name = "accounts",
    mixinStandardHelpOptions = true,
    description =
        "Matrix accounts (矩阵账号): log in by QR code or import a saved login state, see whether"
            + " each is still logged in.",
    subcommands = {
      AccountsLoginCommand.class,
      AccountsImportCommand.class,
      AccountsStatusCommand.class
    })
public class AccountsCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
