package com.mallrank.crawler.qr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;

class QrCodesTest {

  private static final String TICKET =
      "http://127.0.0.1:40123/login/scan?ticket=0123456789abcdef0123456789abcdef";

  @Test
  void aPngDecodesToItsText() {
    assertThat(QrCodes.decode(QrCodes.png(TICKET, 6))).contains(TICKET);
  }

  @Test
  void halfBlocksUseOnlyTheFourCellsAndReadBackToTheSameCode() {
    String art = QrCodes.halfBlocks(TICKET);

    assertThat(art.chars().filter(c -> c != '\n').mapToObj(c -> (char) c).distinct())
        .allMatch(c -> Set.of('█', '▀', '▄', ' ').contains(c));
    var modules = QrCodes.readHalfBlocks(art).orElseThrow();
    assertThat(modules.getWidth()).isEqualTo(QrCodes.matrix(TICKET).getWidth());
    assertThat(QrCodes.decode(QrCodes.png(modules, 4))).contains(TICKET);
  }

  @Test
  void whatIsNoQrCodeDecodesToNothing() {
    assertThat(QrCodes.decode("not an image".getBytes())).isEmpty();
    assertThat(QrCodes.decode(new byte[QrCodes.MAX_IMAGE_BYTES + 1])).isEmpty();
    assertThat(QrCodes.readHalfBlocks("██\n█")).isEmpty();
    assertThat(QrCodes.readHalfBlocks("<script>")).isEmpty();
  }

  @Test
  void anOverlongTextIsRefused() {
    assertThatThrownBy(() -> QrCodes.matrix("x".repeat(QrCodes.MAX_TEXT + 1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("longer than 1000");
  }
}
