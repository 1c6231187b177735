package com.mallrank.index.changes;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ImageHashesTest {

  @Test
  void tenBitsApartIsTheSamePictureElevenIsNot() {
    assertThat(ImageHashes.distance("0000000000000000", "00000000000003ff")).isEqualTo(10);
    assertThat(ImageHashes.samePicture("0000000000000000", "00000000000003ff")).isTrue();
    assertThat(ImageHashes.samePicture("0000000000000000", "00000000000007ff")).isFalse();
    assertThat(ImageHashes.distance("ffffffffffffffff", "0000000000000000")).isEqualTo(64);
    assertThat(ImageHashes.samePicture("ABCDEF0123456789", "abcdef0123456789")).isTrue();
  }

  @Test
  void missingOrMalformedHashesAreNeverTheSamePicture() {
    assertThat(ImageHashes.samePicture(null, "0000000000000000")).isFalse();
    assertThat(ImageHashes.samePicture("000000000000000", "0000000000000000")).isFalse();
    assertThat(ImageHashes.samePicture("000000000000000g", "0000000000000000")).isFalse();
    assertThat(ImageHashes.distance("zz", null)).isNull();
  }
}
