package com.mallrank.crawler.image;

import static org.assertj.core.api.Assertions.assertThat;

import com.mallrank.crawler.image.MainImageComparison.Basis;
import com.mallrank.crawler.image.MainImageComparison.Verdict;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MainImageComparisonTest {

  private static final String CDN = "https://p3-aio.ecombdimg.com/obj/ecom-shop-material/";

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      nullValues = "-",
      textBlock =
          """
          # case                          | before url                 | before hash      | after url                      | after hash       | verdict | basis         | distance
          no image before                 | -                          | -                | a.jpeg?x-signature=1           | -                | UNKNOWN | MISSING_IMAGE | -
          no image after                  | a.jpeg                     | 00000000000000ff | -                              | -                | UNKNOWN | MISSING_IMAGE | -
          same key re-signed              | a.jpeg?x-signature=1       | -                | a.jpeg~tplv-r:300:300.jpeg?x=2 | -                | SAME    | KEY           | -
          same key even if hashes differ  | a.jpeg                     | 0000000000000000 | a.jpeg                         | ffffffffffffffff | SAME    | KEY           | -
          re-uploaded, hashes close       | a.jpeg                     | 00000000000003ff | b.jpeg                         | 0000000000000000 | SAME    | HASH          | 10
          new picture, hashes far         | a.jpeg                     | 00000000000007ff | b.jpeg                         | 0000000000000000 | CHANGED | HASH          | 11
          new key, one hash missing       | a.jpeg                     | 0000000000000000 | b.jpeg                         | -                | CHANGED | KEY           | -
          new key, no hashes              | a.jpeg                     | -                | b.jpeg                         | -                | CHANGED | KEY           | -
          """)
  void decides(
      String name,
      String beforeUrl,
      String beforeHash,
      String afterUrl,
      String afterHash,
      Verdict verdict,
      Basis basis,
      Integer distance) {
    MainImage before = image(beforeUrl, beforeHash);
    MainImage after = image(afterUrl, afterHash);

    assertThat(MainImageComparison.compare(before, after))
        .isEqualTo(new MainImageComparison(verdict, basis, distance));
  }

  private static MainImage image(String path, String hash) {
    return new MainImage(
        path == null ? null : CDN + path, null, hash == null ? null : PerceptualHash.fromHex(hash));
  }
}
