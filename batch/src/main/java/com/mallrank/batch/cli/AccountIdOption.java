package com.mallrank.batch.cli;

import picocli.CommandLine.Option;

/**
 * The {@code --id} of the {@code accounts} commands that save a login state (a picocli mixin): the
 * account's id in the plan, the name of its file under {@code batch.accounts-dir}.
 */
class AccountIdOption {

  @Option(
      names = "--id",
      required = true,
      description = "The account id in the plan, e.g. mx-hangzhou.")
  String id;

  /** The id, checked to be a safe file name ({@link AccountsFolder#checkId}). */
  String checked() {
    return AccountsFolder.checkId(id);
  }
}
