package com.mallrank.crawler.politeness;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

class BoundedBodyTest {

  @Test
  void readsABodyUpToAndIncludingTheCap() throws Exception {
    byte[] body = new byte[100_000];
    assertThat(BoundedBody.readBytes(new ByteArrayInputStream(body), 100_000)).hasSize(100_000);
    assertThat(BoundedBody.readBytes(InputStream.nullInputStream(), 0)).isEmpty();
    assertThat(BoundedBody.readString(new ByteArrayInputStream("羽绒服女".getBytes(UTF_8)), 12, UTF_8))
        .isEqualTo("羽绒服女");
  }

  @Test
  void stopsJustPastTheCapOfAnEndlessBody() {
    CountingEndlessStream endless = new CountingEndlessStream();

    assertThatThrownBy(() -> BoundedBody.readBytes(endless, 1_000_000))
        .isInstanceOfSatisfying(
            BodyTooLargeException.class, e -> assertThat(e.limit()).isEqualTo(1_000_000))
        .hasMessageContaining("1000000 bytes");
    assertThat(endless.served).isEqualTo(1_000_001);
  }

  @Test
  void refusesADeclaredLengthOverTheCap() throws Exception {
    BoundedBody.checkDeclaredLength(-1, 10);
    BoundedBody.checkDeclaredLength(10, 10);
    assertThatThrownBy(() -> BoundedBody.checkDeclaredLength(11, 10))
        .isInstanceOf(BodyTooLargeException.class);
  }

  /** An infinite body of 'x' that counts what it handed out. */
  private static final class CountingEndlessStream extends InputStream {
    long served;

    @Override
    public int read() {
      served++;
      return 'x';
    }

    @Override
    public int read(byte[] b, int off, int len) {
      java.util.Arrays.fill(b, off, off + len, (byte) 'x');
      served += len;
      return len;
    }
  }
}
