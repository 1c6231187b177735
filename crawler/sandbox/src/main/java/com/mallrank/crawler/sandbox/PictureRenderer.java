package com.mallrank.crawler.sandbox;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * The picture behind a main-image key: a deterministic 96×96 PNG (background, bands and blocks
 * drawn from the key), so the same key always serves the same bytes and different keys serve
 * visibly different pictures — what a perceptual hash needs to tell a changed picture from a
 * re-signed URL.
 */
final class PictureRenderer {

  private static final int SIZE = 96;
  private static final int CACHE = 512;

  private final Map<String, byte[]> cache =
      new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, byte[]> eldest) {
          return size() > CACHE;
        }
      };

  /**
   * The PNG bytes of the picture with this key (the path's file name, extension and template
   * ignored).
   */
  synchronized byte[] png(String key) {
    return cache.computeIfAbsent(key, PictureRenderer::render);
  }

  /** The key in a path like {@code /obj/ecom-shop-material/<key>.jpeg~tplv-resize:400:400.jpeg}. */
  static String keyOf(String path) {
    String name = path.substring(path.lastIndexOf('/') + 1);
    int end = name.length();
    for (char stop : new char[] {'.', '~'}) {
      int i = name.indexOf(stop);
      if (i >= 0) {
        end = Math.min(end, i);
      }
    }
    return name.substring(0, end);
  }

  private static byte[] render(String key) {
    Random random = new Random(key.hashCode() * 31L + key.length());
    BufferedImage image = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setColor(new Color(random.nextInt(0xFFFFFF)));
      g.fillRect(0, 0, SIZE, SIZE);
      for (int i = 0; i < 6; i++) {
        g.setColor(new Color(random.nextInt(0xFFFFFF)));
        if (random.nextBoolean()) {
          g.fillRect(random.nextInt(SIZE), 0, 8 + random.nextInt(SIZE / 2), SIZE);
        } else {
          g.fillOval(
              random.nextInt(SIZE) - SIZE / 4,
              random.nextInt(SIZE) - SIZE / 4,
              SIZE / 3 + random.nextInt(SIZE / 2),
              SIZE / 3 + random.nextInt(SIZE / 2));
        }
      }
    } finally {
      g.dispose();
    }
    return png(image);
  }

  /** An image as PNG bytes. */
  static byte[] png(BufferedImage image) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
