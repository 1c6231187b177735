package com.mallrank.crawler.image;

import static com.mallrank.crawler.image.PerceptualHash.SAME_PICTURE_MAX_DISTANCE;
import static com.mallrank.crawler.image.PerceptualHash.hammingDistance;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

class PerceptualHashTest {

  private static final Logger log = LoggerFactory.getLogger(PerceptualHashTest.class);

  @Test
  void reEncodingsOfOnePictureStayWithinTheThreshold() throws Exception {
    for (long seed = 1; seed <= 8; seed++) {
      BufferedImage original = TestImages.product(seed);
      long reference = PerceptualHash.of(TestImages.encode(original, "png"));
      Map<String, byte[]> variants = new LinkedHashMap<>();
      variants.put("jpeg q95", TestImages.jpeg(original, 0.95f));
      variants.put("jpeg q30", TestImages.jpeg(original, 0.30f));
      variants.put(
          "jpeg q50 200x200", TestImages.jpeg(TestImages.resized(original, 200, 200), 0.5f));
      variants.put(
          "jpeg q80 800x800", TestImages.jpeg(TestImages.resized(original, 800, 800), 0.8f));
      variants.put("png 64x64", TestImages.encode(TestImages.resized(original, 64, 64), "png"));
      variants.put("gif", TestImages.encode(original, "gif"));
      variants.put("bmp", TestImages.encode(original, "bmp"));
      for (Map.Entry<String, byte[]> variant : variants.entrySet()) {
        int distance = hammingDistance(reference, PerceptualHash.of(variant.getValue()));
        log.info("seed {} {}: distance {}", seed, variant.getKey(), distance);
        assertThat(distance).as("seed %d, %s", seed, variant.getKey()).isLessThanOrEqualTo(6);
      }
    }
  }

  @Test
  void differentPicturesAreFarApart() {
    List<Long> hashes = new ArrayList<>();
    for (long seed = 1; seed <= 24; seed++) {
      hashes.add(PerceptualHash.of(TestImages.product(seed)));
    }
    List<Integer> distances = new ArrayList<>();
    for (int i = 0; i < hashes.size(); i++) {
      for (int j = i + 1; j < hashes.size(); j++) {
        distances.add(hammingDistance(hashes.get(i), hashes.get(j)));
      }
    }
    distances.sort(null);
    int closest = distances.get(0);
    int median = distances.get(distances.size() / 2);
    log.info(
        "{} pairs of different pictures: closest {}, median {}", distances.size(), closest, median);
    assertThat(closest).isGreaterThan(SAME_PICTURE_MAX_DISTANCE + 4);
    assertThat(median).isGreaterThanOrEqualTo(24);
  }

  @Test
  void flatPicturesHashStably() {
    BufferedImage grey = new BufferedImage(50, 70, BufferedImage.TYPE_INT_RGB);
    long hash = PerceptualHash.of(grey);
    assertThat(PerceptualHash.of(TestImages.resized(grey, 300, 300))).isEqualTo(hash);
  }

  @Test
  void tinyAndTransparentImagesHash() throws Exception {
    BufferedImage tiny = TestImages.resized(TestImages.product(3), 8, 8);
    PerceptualHash.of(TestImages.encode(tiny, "png"));
    BufferedImage transparent = new BufferedImage(40, 40, BufferedImage.TYPE_INT_ARGB);
    assertThat(PerceptualHash.of(TestImages.encode(transparent, "png")))
        .isEqualTo(PerceptualHash.of(whitePicture()));
  }

  @Test
  void unknownFormatIsRefusedAsUnsupported() {
    byte[] webpHeader = "RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.ISO_8859_1);
    assertThatThrownBy(() -> PerceptualHash.of(webpHeader))
        .isInstanceOfSatisfying(
            ImageDecodeException.class, e -> assertThat(e.unsupportedFormat()).isTrue())
        .hasMessageContaining("unsupported image format")
        .hasMessageContaining("52494646");
  }

  @Test
  void truncatedJpegIsRefusedAsCorrupt() {
    byte[] jpeg = TestImages.jpeg(TestImages.product(1), 0.9f);
    byte[] truncated = java.util.Arrays.copyOf(jpeg, 20);
    assertThatThrownBy(() -> PerceptualHash.of(truncated))
        .isInstanceOfSatisfying(
            ImageDecodeException.class, e -> assertThat(e.unsupportedFormat()).isFalse());
  }

  @Test
  void distanceCountsDifferingBits() {
    assertThat(hammingDistance(0L, 0L)).isZero();
    assertThat(hammingDistance(0L, -1L)).isEqualTo(64);
    assertThat(hammingDistance(0b1011L, 0b0001L)).isEqualTo(2);
    assertThat(PerceptualHash.samePicture(0L, 0x3ffL)).isTrue();
    assertThat(PerceptualHash.samePicture(0L, 0x7ffL)).isFalse();
  }

  @Test
  void hexRoundTrips() {
    long hash = 0x8f00_1234_abcd_0001L;
    assertThat(PerceptualHash.toHex(hash)).isEqualTo("8f001234abcd0001");
    assertThat(PerceptualHash.fromHex("8F001234ABCD0001")).isEqualTo(hash);
    assertThatThrownBy(() -> PerceptualHash.fromHex("abc"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static BufferedImage whitePicture() {
    BufferedImage white = new BufferedImage(40, 40, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < 40; y++) {
      for (int x = 0; x < 40; x++) {
        white.setRGB(x, y, 0xffffff);
      }
    }
    return white;
  }
}
