package com.mallrank.batch.report.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CsvTableWriterTest {

  private byte[] csv() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new CsvTableWriter(FormatFixtures.ZONE).write(FormatFixtures.top20(), out);
    return out.toByteArray();
  }

  @Test
  void startsWithTheUtf8ByteOrderMark() throws Exception {
    byte[] bytes = csv();

    assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
    assertThat(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8))
        .startsWith("关键词,位置,标题,价格,佣金,采样时间\r\n");
  }

  @Test
  void quotesAsRfc4180AndShowsYuanPercentAndLocalTime() throws Exception {
    String text = new String(csv(), StandardCharsets.UTF_8).substring(1);

    assertThat(text.split("\r\n", -1))
        .containsExactly(
            "关键词,位置,标题,价格,佣金,采样时间",
            "羽绒服女,1,加厚长款羽绒服女冬季2026新款,299.00,12.50%,2026-11-28 14:00",
            "羽绒服女,2,\"保暖, \"\"轻薄\"\"\n两穿\",259.90,21.00%,2026-11-28 14:00",
            "羽绒服女,3,\"'=HYPERLINK(\"\"http://x\"\")\",,,",
            "");
  }

  @Test
  void quotesOnlyWhatNeedsIt() {
    assertThat(CsvTableWriter.field("plain 文本")).isEqualTo("plain 文本");
    assertThat(CsvTableWriter.field("a,b")).isEqualTo("\"a,b\"");
    assertThat(CsvTableWriter.field("line\r\nbreak")).isEqualTo("\"line\r\nbreak\"");
    assertThat(CsvTableWriter.defuseFormula("-5%")).as("a number stays a number").isEqualTo("-5%");
    assertThat(CsvTableWriter.defuseFormula("-5+cmd")).isEqualTo("'-5+cmd");
    assertThat(CsvTableWriter.defuseFormula("@cmd")).isEqualTo("'@cmd");
    assertThat(CsvTableWriter.defuseFormula("羽绒服")).isEqualTo("羽绒服");
  }
}
