package com.mallrank.crawler.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ImageKeyTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          # URL as served                                                                                                          | expected key
          https://p3-ecom.sandbox-img.test/obj/ecom-shop-material/a1b2c3.jpeg~tplv-resize:400:400.jpeg?x-expires=1795860000&x-signature=Zk9abc%3D | sandbox-img.test/obj/ecom-shop-material/a1b2c3
          https://p9-ecom.sandbox-img.test/obj/ecom-shop-material/a1b2c3.jpeg~tplv-resize:400:400.jpeg?x-expires=1795863600&x-signature=Qq1xyz   | sandbox-img.test/obj/ecom-shop-material/a1b2c3
          https://p3-aio.ecombdimg.com/obj/ecom-shop-material/jpeg_m_4a1f0e2b8c9d7e6f5a4b3c2d1e0f9a8b_sx_123456_www800-800          | ecombdimg.com/obj/ecom-shop-material/jpeg_m_4a1f0e2b8c9d7e6f5a4b3c2d1e0f9a8b_sx_123456_www800-800
          https://p6-item.ecombdimg.com/img/ecom-shop-material/jpeg_m_4a1f0e2b8c9d7e6f5a4b3c2d1e0f9a8b_sx_123456_www800-800~tplv-5mmsx3fupr-resize_webp:300:300.webp?lk3s=7d&x-expires=1796000000&x-signature=AbC%2bdE | ecombdimg.com/obj/ecom-shop-material/jpeg_m_4a1f0e2b8c9d7e6f5a4b3c2d1e0f9a8b_sx_123456_www800-800
          HTTPS://P26-AIO.EcomBdImg.com:443/obj/ecom-shop-material/Xy7Kp~noop.image#top                                            | ecombdimg.com/obj/ecom-shop-material/Xy7Kp
          //p3-aio.ecombdimg.com//obj/ecom-shop-material/Xy7Kp                                                                     | ecombdimg.com/obj/ecom-shop-material/Xy7Kp
          http://sf6-ttcdn-tos.pstatp.com/img/temai/FvHq9nk0~c5_300x300.jpeg                                                       | ttcdn-tos.pstatp.com/obj/temai/FvHq9nk0
          https://cdn.example.com/goods/cover~tplv-abc:100:100.png?sig=1                                                           | cdn.example.com/goods/cover
          https://cdn.example.com/goods/a~b.png                                                                                    | cdn.example.com/goods/a~b.png
          https://cdn.example.com:8443/img/Photo%2fa.JPG                                                                           | cdn.example.com:8443/img/Photo%2Fa.JPG
          /obj/ecom-shop-material/a1b2c3.jpeg?x-signature=1                                                                        | /obj/ecom-shop-material/a1b2c3.jpeg
          https://gw.alicdn.com/bao/uploaded/i4/2200000000000/O1CN01AbCdEf_!!2200000000000.jpg_300x300q90.jpg_.webp               | img.alicdn.com/bao/uploaded/i4/2200000000000/O1CN01AbCdEf_!!2200000000000.jpg
          https://img.alicdn.com/imgextra/i1/123/O1CN01Zz.png_460x460.jpg                                                          | img.alicdn.com/imgextra/i1/123/O1CN01Zz.png
          https://m.media-amazon.com/images/I/71AbCdEfGhL._AC_UL320_.jpg                                                           | m.media-amazon.com/images/I/71AbCdEfGhL.jpg
          https://images-na.ssl-images-amazon.com/images/I/71AbCdEfGhL._AC_SX300_SY300_QL70_.jpg                                   | m.media-amazon.com/images/I/71AbCdEfGhL.jpg
          https://user:pw@cdn.example.com./x.jpg                                                                                   | cdn.example.com/x.jpg
          """)
  void normalises(String url, String expected) {
    assertThat(ImageKey.of(url)).isEqualTo(new ImageKey(expected));
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(
      strings = {
        "  ",
        "\t",
        "data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7",
        "blob:https://haohuo.jinritemai.com/6f1c0d2e"
      })
  void noUrlOrPlaceholderHasNoKey(String url) {
    assertThat(ImageKey.of(url)).isNull();
  }

  @Test
  void reSignedSandboxUrlsOnAnyShardHaveOneKey() {
    String template =
        "https://p%d-ecom.sandbox-img.test/obj/ecom-shop-material/a1b2c3.jpeg~tplv-resize:400:400.jpeg"
            + "?x-expires=%d&x-signature=%s";
    ImageKey p3 = ImageKey.of(template.formatted(3, 1795860000, "Zk9Qw%2B"));
    ImageKey p6 = ImageKey.of(template.formatted(6, 1795860060, "Ab1Cd"));
    ImageKey p9 = ImageKey.of(template.formatted(9, 1795860120, "Ef2Gh"));
    assertThat(p3).isEqualTo(p6).isEqualTo(p9);
  }

  @Test
  void anotherPictureKeyIsAnotherKey() {
    ImageKey before =
        ImageKey.of(
            "https://p3-ecom.sandbox-img.test/obj/ecom-shop-material/a1b2c3.jpeg~tplv-resize:400:400.jpeg?x-expires=1");
    ImageKey after =
        ImageKey.of(
            "https://p3-ecom.sandbox-img.test/obj/ecom-shop-material/d4e5f6.jpeg~tplv-resize:400:400.jpeg?x-expires=1");
    assertThat(before).isNotEqualTo(after);
  }

  @Test
  void objectKeysAreCaseSensitive() {
    assertThat(ImageKey.of("https://p3-aio.ecombdimg.com/obj/ecom-shop-material/AbC"))
        .isNotEqualTo(ImageKey.of("https://p3-aio.ecombdimg.com/obj/ecom-shop-material/abc"));
  }

  @Test
  void differentCdnFamiliesStayApart() {
    assertThat(ImageKey.of("https://p3-aio.ecombdimg.com/obj/ecom-shop-material/k"))
        .isNotEqualTo(ImageKey.of("https://p3-ecom.sandbox-img.test/obj/ecom-shop-material/k"));
  }

  @Test
  void printsItsValue() {
    assertThat(ImageKey.of("https://p3-aio.ecombdimg.com/obj/a/k"))
        .hasToString("ecombdimg.com/obj/a/k");
    assertThatThrownBy(() -> new ImageKey(" ")).isInstanceOf(IllegalArgumentException.class);
  }
}
