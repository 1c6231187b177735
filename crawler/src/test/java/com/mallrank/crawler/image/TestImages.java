package com.mallrank.crawler.image;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/** Product-photo-like pictures drawn in code, and their encodings. */
final class TestImages {

  private TestImages() {}

  /**
   * A 400×400 "main image": a gradient background, a product-like body, a badge and a caption. Each
   * seed gives a different composition and palette.
   */
  static BufferedImage product(long seed) {
    Random random = new Random(seed);
    BufferedImage image = new BufferedImage(400, 400, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setPaint(
          new GradientPaint(
              0, 0, randomColor(random), random.nextInt(400), 400, randomColor(random)));
      g.fillRect(0, 0, 400, 400);
      g.setColor(randomColor(random));
      int x = 40 + random.nextInt(160);
      int y = 40 + random.nextInt(160);
      int w = 120 + random.nextInt(140);
      int h = 120 + random.nextInt(140);
      if (random.nextBoolean()) {
        g.fillOval(x, y, w, h);
      } else {
        g.fillRoundRect(x, y, w, h, 40, 40);
      }
      g.setColor(randomColor(random));
      g.setStroke(new BasicStroke(6 + random.nextInt(10)));
      g.drawLine(
          random.nextInt(400), random.nextInt(400), random.nextInt(400), random.nextInt(400));
      g.setColor(randomColor(random));
      g.fillRect(random.nextInt(300), random.nextInt(300), 60 + random.nextInt(80), 40);
      g.setColor(Color.WHITE);
      g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 36));
      g.drawString("SALE " + (10 + random.nextInt(80)), 20 + random.nextInt(150), 370);
    } finally {
      g.dispose();
    }
    return image;
  }

  static BufferedImage resized(BufferedImage image, int width, int height) {
    BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = out.createGraphics();
    try {
      g.setRenderingHint(
          RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
      g.drawImage(image, 0, 0, width, height, null);
    } finally {
      g.dispose();
    }
    return out;
  }

  static byte[] jpeg(BufferedImage image, float quality) {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
      writer.setOutput(out);
      ImageWriteParam param = writer.getDefaultWriteParam();
      param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      param.setCompressionQuality(quality);
      writer.write(null, new IIOImage(image, null, null), param);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      writer.dispose();
    }
    return bytes.toByteArray();
  }

  static byte[] encode(BufferedImage image, String format) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try {
      if (!ImageIO.write(image, format, bytes)) {
        throw new IllegalStateException("no writer for " + format);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static Color randomColor(Random random) {
    return new Color(random.nextInt(256), random.nextInt(256), random.nextInt(256));
  }
}
