package com.mallrank.crawler.image;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * A 64-bit DCT perceptual hash (pHash) of a picture, and the distance between two.
 *
 * <p>Algorithm: luminance (ITU-R 601) with transparency composited on white, area-averaged down to
 * 32×32, 2-D DCT-II, the 8×8 lowest-frequency coefficients compared with their median: bit set when
 * above it (the construction of Python {@code imagehash.phash}, bits row-major, most significant
 * first). DCT rather than dHash because a main image comes back re-encoded, re-sized and
 * re-compressed (JPEG quality, WebP → JPEG templates): low DCT frequencies survive that best, while
 * dHash's neighbour gradients flip on flat areas under compression noise. The cost is negligible
 * (one 32×32 transform per image).
 *
 * <p>Decoding uses {@link ImageIO}: JPEG, PNG, GIF and BMP. Other formats (WebP, AVIF, HEIC) are
 * refused with an {@link ImageDecodeException} whose {@link
 * ImageDecodeException#unsupportedFormat()} is true. Images over {@link #MAX_PIXELS} are refused
 * before their pixels are decoded.
 */
public final class PerceptualHash {

  /**
   * At most this many differing bits means the same picture. In {@code PerceptualHashTest},
   * re-encodings of one picture (JPEG quality 30–95, 200 to 800 pixels wide, PNG, GIF, BMP) measure
   * 0–4 bits from the original, while the 276 pairs of 24 unrelated generated pictures measure 16
   * at the closest and about 32 in the median. 10 sits in that gap with room on both sides; it is
   * the value commonly used with 64-bit pHash. A small edit of one picture (a new price sticker)
   * can stay under it: that is a limit of any perceptual hash, not a bug.
   */
  public static final int SAME_PICTURE_MAX_DISTANCE = 10;

  /** Decompression-bomb guard: 40 megapixels (a 6,000 × 6,000 main image is already absurd). */
  public static final long MAX_PIXELS = 40_000_000L;

  private static final int SIZE = 32;
  private static final int LOW = 8;
  private static final double[][] COS = cosineTable();

  private PerceptualHash() {}

  /**
   * Hashes encoded image bytes.
   *
   * @throws ImageDecodeException when no decoder knows the format, the data is corrupt, or the
   *     image has more than {@link #MAX_PIXELS}
   */
  public static long of(byte[] encoded) throws ImageDecodeException {
    return of(decode(encoded));
  }

  /** Hashes decoded pixels. */
  public static long of(BufferedImage image) {
    double[][] luminance = downscale(image);
    double[] low = lowFrequencies(luminance);
    double[] sorted = low.clone();
    Arrays.sort(sorted);
    double median = (sorted[low.length / 2 - 1] + sorted[low.length / 2]) / 2;
    long hash = 0;
    for (double coefficient : low) {
      hash = (hash << 1) | (coefficient > median ? 1 : 0);
    }
    return hash;
  }

  /** The number of differing bits, 0–64. */
  public static int hammingDistance(long a, long b) {
    return Long.bitCount(a ^ b);
  }

  /** Whether two hashes are within {@link #SAME_PICTURE_MAX_DISTANCE}. */
  public static boolean samePicture(long a, long b) {
    return hammingDistance(a, b) <= SAME_PICTURE_MAX_DISTANCE;
  }

  /** The hash as 16 lower-case hex digits, for storage. */
  public static String toHex(long hash) {
    return HexFormat.of().toHexDigits(hash);
  }

  /** Parses {@link #toHex(long)}. */
  public static long fromHex(String hex) {
    if (hex.length() != 16) {
      throw new IllegalArgumentException("a perceptual hash has 16 hex digits: " + hex);
    }
    return HexFormat.fromHexDigitsToLong(hex.toLowerCase(Locale.ROOT));
  }

  static BufferedImage decode(byte[] encoded) throws ImageDecodeException {
    try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(encoded))) {
      Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
      if (!readers.hasNext()) {
        throw new ImageDecodeException(
            "unsupported image format ("
                + encoded.length
                + " bytes, starts "
                + magic(encoded)
                + ")",
            true,
            null);
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in, true, true);
        int width = reader.getWidth(0);
        int height = reader.getHeight(0);
        if ((long) width * height > MAX_PIXELS) {
          throw new ImageDecodeException(
              reader.getFormatName() + " image too large: " + width + "x" + height, false, null);
        }
        ImageReadParam param = reader.getDefaultReadParam();
        // Only the low frequencies count: decoding every pixel of a large image buys nothing.
        int step = Math.max(1, Math.min(width, height) / 256);
        param.setSourceSubsampling(step, step, 0, 0);
        BufferedImage image = reader.read(0, param);
        if (image == null) {
          throw new ImageDecodeException("no image in " + reader.getFormatName(), false, null);
        }
        return image;
      } finally {
        reader.dispose();
      }
    } catch (IOException | RuntimeException e) {
      throw new ImageDecodeException("cannot decode image: " + e.getMessage(), false, e);
    }
  }

  /** Area-averaged luminance, 32×32; smaller images are first scaled up. */
  private static double[][] downscale(BufferedImage source) {
    BufferedImage image = source;
    if (image.getWidth() < SIZE || image.getHeight() < SIZE) {
      image = scale(image, Math.max(SIZE, image.getWidth()), Math.max(SIZE, image.getHeight()));
    }
    int width = image.getWidth();
    int height = image.getHeight();
    double[][] sum = new double[SIZE][SIZE];
    int[][] count = new int[SIZE][SIZE];
    int[] row = new int[width];
    for (int y = 0; y < height; y++) {
      int cy = (int) ((long) y * SIZE / height);
      image.getRGB(0, y, width, 1, row, 0, width);
      for (int x = 0; x < width; x++) {
        int cx = (int) ((long) x * SIZE / width);
        sum[cy][cx] += luminance(row[x]);
        count[cy][cx]++;
      }
    }
    for (int y = 0; y < SIZE; y++) {
      for (int x = 0; x < SIZE; x++) {
        sum[y][x] /= count[y][x];
      }
    }
    return sum;
  }

  private static double luminance(int argb) {
    double alpha = ((argb >>> 24) & 0xff) / 255.0;
    double luma =
        0.299 * ((argb >> 16) & 0xff) + 0.587 * ((argb >> 8) & 0xff) + 0.114 * (argb & 0xff);
    return alpha * luma + (1 - alpha) * 255;
  }

  private static BufferedImage scale(BufferedImage image, int width, int height) {
    BufferedImage scaled = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = scaled.createGraphics();
    try {
      g.setRenderingHint(
          RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
      g.drawImage(image, 0, 0, width, height, null);
    } finally {
      g.dispose();
    }
    return scaled;
  }

  /** DCT-II coefficients (v, u) for v, u &lt; 8, row-major; unnormalised as in scipy's default. */
  private static double[] lowFrequencies(double[][] pixels) {
    double[][] rows = new double[SIZE][LOW];
    for (int y = 0; y < SIZE; y++) {
      for (int u = 0; u < LOW; u++) {
        double s = 0;
        for (int x = 0; x < SIZE; x++) {
          s += pixels[y][x] * COS[u][x];
        }
        rows[y][u] = s;
      }
    }
    double[] out = new double[LOW * LOW];
    for (int v = 0; v < LOW; v++) {
      for (int u = 0; u < LOW; u++) {
        double s = 0;
        for (int y = 0; y < SIZE; y++) {
          s += rows[y][u] * COS[v][y];
        }
        out[v * LOW + u] = s;
      }
    }
    // A flat picture has only rounding noise outside the DC term; zero it so the hash is stable.
    double noise = 1e-9 * (1 + Math.abs(out[0]));
    for (int i = 1; i < out.length; i++) {
      if (Math.abs(out[i]) < noise) {
        out[i] = 0;
      }
    }
    return out;
  }

  private static double[][] cosineTable() {
    double[][] table = new double[LOW][SIZE];
    for (int k = 0; k < LOW; k++) {
      for (int n = 0; n < SIZE; n++) {
        table[k][n] = 2 * Math.cos(Math.PI * k * (2 * n + 1) / (2.0 * SIZE));
      }
    }
    return table;
  }

  private static String magic(byte[] bytes) {
    return HexFormat.of().formatHex(bytes, 0, Math.min(4, bytes.length));
  }
}
