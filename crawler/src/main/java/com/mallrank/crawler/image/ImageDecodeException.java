package com.mallrank.crawler.image;

/** Image bytes that could not be turned into pixels: an unknown format, corrupt data, too big. */
public class ImageDecodeException extends Exception {

  private final boolean unsupportedFormat;

  public ImageDecodeException(String message, boolean unsupportedFormat, Throwable cause) {
    super(message, cause);
    this.unsupportedFormat = unsupportedFormat;
  }

  /**
   * Whether no decoder knows the format (e.g. WebP or AVIF, which the JDK cannot read), as opposed
   * to a known format that failed to decode.
   */
  public boolean unsupportedFormat() {
    return unsupportedFormat;
  }
}
