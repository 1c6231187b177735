package com.mallrank.batch.cli;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Bad input to {@code accounts login} is refused before a browser starts, naming the option. */
class AccountsLoginCommandTest {

  private static AccountsLoginCommand command(String id, String timeout) {
    AccountsLoginCommand command = new AccountsLoginCommand(null, null, null, null, null, null);
    command.account = new AccountIdOption();
    command.account.id = id;
    command.timeout = timeout;
    command.profile = "sandbox-static";
    return command;
  }

  @Test
  void anAccountIdMustBeOne() {
    assertThatThrownBy(() -> command("../etc/passwd", "60s").call())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("'../etc/passwd' is not an account id: lower-case letters, digits, '-' or '_'");
  }

  @Test
  void theTimeoutIsBounded() {
    assertThatThrownBy(() -> command("mx-yiwu", "0s").call())
        .hasMessage("--timeout: '0s' must be between 1s and 30m");
    assertThatThrownBy(() -> command("mx-yiwu", "2h").call())
        .hasMessage("--timeout: '2h' is not a duration like 90s or 5m");
    assertThatThrownBy(() -> command("mx-yiwu", "31m").call())
        .hasMessage("--timeout: '31m' must be between 1s and 30m");
  }
}
