package com.mallrank.crawler.testing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Frames bytes as the Douyin app's TTNet stream does (douyin-notes §8): {@code <hex byte
 * count>\r\n<bytes>\r\n} per frame, {@code 0\r\n\r\n} at the end. Frames are transport boundaries,
 * so a test puts them anywhere: inside a document, inside a UTF-8 character.
 */
public final class TtnetFrames {

  /** The closing frame. */
  public static final String CLOSE = "0\r\n\r\n";

  private TtnetFrames() {}

  /** One document in one frame (no closing frame). */
  public static String frame(String document) {
    return Integer.toHexString(document.getBytes(StandardCharsets.UTF_8).length)
        + "\r\n"
        + document
        + "\r\n";
  }

  /**
   * {@code payload} cut into frames at the given offsets (ascending), without the closing frame.
   */
  public static byte[] frames(byte[] payload, int... cuts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int from = 0;
    int[] ends = Arrays.copyOf(cuts, cuts.length + 1);
    ends[cuts.length] = payload.length;
    for (int to : ends) {
      out.writeBytes((Integer.toHexString(to - from) + "\r\n").getBytes(StandardCharsets.US_ASCII));
      out.write(payload, from, to - from);
      out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
      from = to;
    }
    return out.toByteArray();
  }

  /** {@code payload} framed every {@code every} bytes, then closed. */
  public static byte[] closedEvery(byte[] payload, int every) {
    int[] cuts = new int[Math.max(0, (payload.length - 1) / every)];
    for (int i = 0; i < cuts.length; i++) {
      cuts[i] = (i + 1) * every;
    }
    return concat(frames(payload, cuts), CLOSE);
  }

  /** {@code a} followed by the UTF-8 bytes of {@code b}. */
  public static byte[] concat(byte[] a, String b) {
    byte[] tail = b.getBytes(StandardCharsets.UTF_8);
    byte[] out = Arrays.copyOf(a, a.length + tail.length);
    System.arraycopy(tail, 0, out, a.length, tail.length);
    return out;
  }
}
