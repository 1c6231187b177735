package com.mallrank.crawler.politeness;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;

/**
 * Reads a response body up to a byte cap, so a runaway page costs at most the cap in memory. Reads
 * at most {@code maxBytes + 1} bytes; does not close the stream.
 */
public final class BoundedBody {

  private BoundedBody() {}

  /**
   * All bytes of {@code in}.
   *
   * @throws BodyTooLargeException as soon as more than {@code maxBytes} arrive
   */
  public static byte[] readBytes(InputStream in, int maxBytes) throws IOException {
    if (maxBytes < 0) {
      throw new IllegalArgumentException("maxBytes must be >= 0, was " + maxBytes);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(maxBytes, 64 * 1024) + 1);
    byte[] buffer = new byte[16 * 1024];
    long total = 0;
    while (true) {
      int wanted = (int) Math.min(buffer.length, maxBytes + 1L - total);
      int n = in.read(buffer, 0, wanted);
      if (n < 0) {
        return out.toByteArray();
      }
      total += n;
      if (total > maxBytes) {
        throw new BodyTooLargeException(maxBytes);
      }
      out.write(buffer, 0, n);
    }
  }

  /** {@link #readBytes} decoded with {@code charset}. */
  public static String readString(InputStream in, int maxBytes, Charset charset)
      throws IOException {
    return new String(readBytes(in, maxBytes), charset);
  }

  /**
   * Refuses early on a declared {@code Content-Length} over the cap; unknown ({@code -1}) passes.
   */
  public static void checkDeclaredLength(long contentLength, int maxBytes)
      throws BodyTooLargeException {
    if (contentLength > maxBytes) {
      throw new BodyTooLargeException(maxBytes);
    }
  }
}
