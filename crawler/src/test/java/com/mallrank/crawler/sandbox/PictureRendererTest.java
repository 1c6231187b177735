package com.mallrank.crawler.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.mallrank.crawler.image.PerceptualHash;
import org.junit.jupiter.api.Test;

class PictureRendererTest {

  private final PictureRenderer renderer = new PictureRenderer();

  @Test
  void theKeyIsTheFileNameWithoutExtensionOrTemplate() {
    assertThat(
            PictureRenderer.keyOf(
                "/obj/ecom-shop-material/8409f970c7c6f1a2.jpeg~tplv-resize:400:400.jpeg"))
        .isEqualTo("8409f970c7c6f1a2");
    assertThat(PictureRenderer.keyOf("/obj/ecom-shop-material/abc")).isEqualTo("abc");
  }

  @Test
  void aKeyAlwaysServesTheSamePictureAndKeysServeDifferentPictures() throws Exception {
    byte[] first = renderer.png("8409f970c7c6f1a2");

    assertThat(new PictureRenderer().png("8409f970c7c6f1a2")).isEqualTo(first);
    long hash = PerceptualHash.of(first);
    int different = 0;
    for (int i = 0; i < 20; i++) {
      long other = PerceptualHash.of(renderer.png("2a2d99dad8b55" + i));
      if (!PerceptualHash.samePicture(hash, other)) {
        different++;
      }
    }
    assertThat(different).isEqualTo(20);
  }
}
