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

  public StreamFormatException(long offset, String message) {
    super("streamed body, byte offset " + offset + ": " + message);
    this.offset = offset;
  }

  /** The byte offset (from the start of the body) where the problem is. */
  public long offset() {
    return offset;
  }
}
