package com.mallrank.crawler.body;

/**
 * A body that is framed as a stream of JSON documents but whose framing is wrong: a length prefix
 * that runs past the end or does not end a document, a document that is not JSON, too many
 * documents. The message names the byte offset, so a user can look at the saved body.
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
