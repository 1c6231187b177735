package com.mallrank.crawler.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ControlCharactersTest {

  @Test
  void theControlsAreC0DelAndC1() {
    assertThat(IntStream.rangeClosed(0, 0xFFFF).filter(ControlCharacters::isControl).toArray())
        .isEqualTo(
            IntStream.concat(IntStream.rangeClosed(0, 0x1F), IntStream.rangeClosed(0x7F, 0x9F))
                .toArray());
  }

  @Test
  void theBidirectionalControlsAreTheEmbeddingsOverridesAndIsolates() {
    assertThat(IntStream.rangeClosed(0, 0xFFFF).filter(ControlCharacters::isBidiControl).toArray())
        .containsExactly(0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069);
  }

  @Test
  void aLineIsBrokenByControlsSeparatorsAndBidiControlsButNotByJoiners() {
    assertThat(IntStream.of('\n', 0x85, 0x2028, 0x2029, 0x202E, 0x2066))
        .allMatch(ControlCharacters::breaksALine);
    assertThat(IntStream.of(' ', 'a', '商', 0x200D, 0xFE0F, 0x00AD, 0x3000))
        .noneMatch(ControlCharacters::breaksALine);
  }

  @Test
  void controlsAreReplacedOneForOne() {
    assertThat(ControlCharacters.replaceControls("a\u0000b\u001b[31m\u0085c\u202ed😀", '?'))
        .isEqualTo("a?b?[31m?c\u202ed😀");
  }
}
