package com.mallrank.crawler.parse;

import static org.assertj.core.api.Assertions.assertThat;

import com.mallrank.crawler.profile.FieldName;
import org.junit.jupiter.api.Test;

/** Values from a page are stored without the control characters a hostile title carries. */
class CardValuesTest {

  @Test
  void escapeSequencesBellsAndBidiOverridesAreRemoved() {
    CardValues values = new CardValues();
    values.put(
        FieldName.TITLE, "\u001b[2J羽绒服\u001b]0;pwned\u0007 女款\u202Egpj.exe\u0008\u007f\u009b");

    assertThat(values.get(FieldName.TITLE)).isEqualTo("[2J羽绒服]0;pwned 女款gpj.exe");
  }

  @Test
  void lineBreaksAndTabsBecomeSpacesAndPlainTextIsKept() {
    CardValues values = new CardValues();
    values.put(FieldName.TITLE, " 加厚\r\n羽绒服\t女 ");
    values.put(FieldName.SHOP_NAME, "店铺 A");
    values.put(FieldName.PRODUCT_ID, "\u0000\u0001");

    assertThat(values.get(FieldName.TITLE)).isEqualTo("加厚  羽绒服 女");
    assertThat(values.get(FieldName.SHOP_NAME)).isEqualTo("店铺 A");
    assertThat(values.get(FieldName.PRODUCT_ID))
        .as("an id is kept as written, so that ValueBounds refuses it instead of a changed id")
        .isEqualTo("\u0000\u0001");
  }
}
