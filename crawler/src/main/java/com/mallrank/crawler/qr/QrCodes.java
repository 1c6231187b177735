package com.mallrank.crawler.qr;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.EncodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.ReaderException;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.google.zxing.qrcode.QRCodeWriter;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import javax.imageio.ImageIO;

/**
 * Reads and draws QR codes with ZXing. A login QR is decoded from a screenshot (bounded: an image
 * larger than {@value #MAX_IMAGE_BYTES} bytes or {@value #MAX_SIDE} pixels a side is not read) and
 * drawn again from its text, so what the terminal shows is a clean code whatever the page's
 * styling.
 */
public final class QrCodes {

  /** The largest screenshot decoded. */
  public static final int MAX_IMAGE_BYTES = 4 * 1024 * 1024;

  /** The longest side of a screenshot decoded, in pixels. */
  public static final int MAX_SIDE = 2000;

  /** The longest text encoded or accepted from a decoded code. */
  public static final int MAX_TEXT = 1000;

  private static final int QUIET = 2;

  private QrCodes() {}

  /** The text of the QR code in a PNG (or JPEG) image, or empty when none is found. */
  public static Optional<String> decode(byte[] image) {
    if (image.length > MAX_IMAGE_BYTES) {
      return Optional.empty();
    }
    BufferedImage picture;
    try {
      picture = ImageIO.read(new ByteArrayInputStream(image));
    } catch (IOException e) {
      return Optional.empty();
    }
    if (picture == null || picture.getWidth() > MAX_SIDE || picture.getHeight() > MAX_SIDE) {
      return Optional.empty();
    }
    // The finder-pattern search misses about 1 clean code in 200 (16 of 3,000 of the sandbox's
    // login codes); read as a pure code (the image is the code alone, as an element's screenshot
    // is) it misses none of them.
    Optional<String> text = read(picture, false);
    return text.isPresent() ? text : read(picture, true);
  }

  private static Optional<String> read(BufferedImage picture, boolean pure) {
    int width = picture.getWidth();
    int height = picture.getHeight();
    int[] pixels = picture.getRGB(0, 0, width, height, null, 0, width);
    BinaryBitmap bitmap =
        new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(width, height, pixels)));
    try {
      String text =
          new QRCodeReader()
              .decode(
                  bitmap,
                  pure
                      ? Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE)
                      : Map.of(
                          DecodeHintType.TRY_HARDER,
                          Boolean.TRUE,
                          DecodeHintType.ALSO_INVERTED,
                          true))
              .getText();
      return text.length() > MAX_TEXT ? Optional.empty() : Optional.of(text);
    } catch (ReaderException e) {
      return Optional.empty();
    }
  }

  /** The modules of a code for {@code text}, with a quiet zone of two modules. */
  public static BitMatrix matrix(String text) {
    if (text.length() > MAX_TEXT) {
      throw new IllegalArgumentException("QR text longer than " + MAX_TEXT + " characters");
    }
    try {
      return new QRCodeWriter()
          .encode(text, BarcodeFormat.QR_CODE, 0, 0, Map.of(EncodeHintType.MARGIN, QUIET));
    } catch (WriterException e) {
      throw new IllegalArgumentException("cannot encode a QR code: " + e.getMessage(), e);
    }
  }

  /**
   * The code drawn with Unicode half blocks, two module rows per line: {@code █} both dark, {@code
   * ▀} upper dark, {@code ▄} lower dark, a space both light. Dark modules are drawn, so it reads on
   * a light terminal; phones also read the inverted code a dark terminal shows.
   */
  public static String halfBlocks(String text) {
    BitMatrix m = matrix(text);
    StringBuilder out = new StringBuilder();
    for (int y = 0; y < m.getHeight(); y += 2) {
      for (int x = 0; x < m.getWidth(); x++) {
        boolean top = m.get(x, y);
        boolean bottom = y + 1 < m.getHeight() && m.get(x, y + 1);
        out.append(top ? (bottom ? '█' : '▀') : (bottom ? '▄' : ' '));
      }
      out.append('\n');
    }
    return out.toString();
  }

  /**
   * Reads back what {@link #halfBlocks} drew (a terminal capture): the module matrix, or empty when
   * the lines are not half-block art of equal width.
   */
  public static Optional<BitMatrix> readHalfBlocks(String art) {
    java.util.List<String> lines = art.lines().toList();
    if (lines.isEmpty() || lines.size() > MAX_SIDE / 2) {
      return Optional.empty();
    }
    int width = lines.get(0).length();
    if (width == 0 || width > MAX_SIDE) {
      return Optional.empty();
    }
    BitMatrix m = new BitMatrix(width, lines.size() * 2);
    for (int row = 0; row < lines.size(); row++) {
      String line = lines.get(row);
      if (line.length() != width) {
        return Optional.empty();
      }
      for (int x = 0; x < width; x++) {
        char c = line.charAt(x);
        if (c == '█' || c == '▀') {
          m.set(x, row * 2);
        }
        if (c == '█' || c == '▄') {
          m.set(x, row * 2 + 1);
        }
        if (c != '█' && c != '▀' && c != '▄' && c != ' ') {
          return Optional.empty();
        }
      }
    }
    return Optional.of(m);
  }

  /** The code as a PNG, {@code scale} pixels a module, black on white. */
  public static byte[] png(String text, int scale) {
    return png(matrix(text), scale);
  }

  /** A module matrix as a PNG, {@code scale} pixels a module, black on white. */
  public static byte[] png(BitMatrix m, int scale) {
    BufferedImage image =
        new BufferedImage(
            m.getWidth() * scale, m.getHeight() * scale, BufferedImage.TYPE_BYTE_GRAY);
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        image.setRGB(x, y, m.get(x / scale, y / scale) ? 0xFF000000 : 0xFFFFFFFF);
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
