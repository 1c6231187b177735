package com.mallrank.crawler.body;

/**
 * A body that is framed as a stream of JSON documents but whose framing is wrong: a frame whose
 * byte count is not followed by a line break, garbage where a frame size belongs, data after the
 * closing frame, a document that is not JSON, too many documents, or a stream cut before its first
 * complete document (a cut after one is not an error: see {@link ResponseStream.Split#cut()}). The
 * message names the byte offset, so a user can look at the saved body.
 */
public final class StreamFormatException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final long offset;
  private final String reason;

  public StreamFormatException(long offset, String reason) {
    super("streamed body, byte offset " + offset + ": " + reason);
    this.offset = offset;
    this.reason = reason;
  }

  /** The byte offset (from the start of the body) where the problem is. */
  public long offset() {
    return offset;
  }

  /** What is wrong there, without the offset. */
  public String reason() {
    return reason;
  }

  /**
   * The body as a cut stream: nothing after the offset can be read, so a capture that goes on
   * without this body records it as cut there ({@link ResponseStream.Cut#putInto}).
   */
  public ResponseStream.Cut cut() {
    return new ResponseStream.Cut(offset, reason);
  }
}
