package com.mallrank.batch.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class Top20CommandTest {

  /** The vantages picocli hands the command for these arguments. */
  private static List<String> parsed(String... args) {
    Top20Command command = new Top20Command(null, null, null);
    new CommandLine(command).parseArgs(args);
    return Top20Command.asked(command.vantages);
  }

  @Test
  void vantagesAreRepeatableAndCommaSeparatedAndTheDefaultIsReplacedNotJoined() {
    assertThat(parsed()).containsExactly("anonymous");
    assertThat(parsed("--vantage", "mx-a")).containsExactly("mx-a");
    assertThat(parsed("--vantage", "anonymous,mx-a", "-v", "mx-b", "--vantage", "mx-a"))
        .containsExactly("anonymous", "mx-a", "mx-b");
    assertThat(parsed("--vantage", "all")).containsExactly("all");
  }

  @Test
  void anEmptyVantageNameIsRefusedNamingTheOption() {
    assertThatThrownBy(() -> Top20Command.asked(Arrays.asList("anonymous", " ")))
        .hasMessageStartingWith("--vantage: an empty vantage name");
  }
}
