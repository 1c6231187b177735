package com.mallrank.batch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.mallrank.batch.MallrankApplication;
import com.mallrank.batch.testing.ConsoleCapture;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;

/** {@code profile test} on what a phone gives: a saved streamed body, a HAR file. */
class ProfileTestStreamsCommandTest {

  @RegisterExtension final ConsoleCapture console = ConsoleCapture.separate();

  @TempDir Path dir;

  private int run(String... args) {
    String[] all = new String[args.length + 1];
    all[0] = "--spring.datasource.url=jdbc:h2:mem:cli-" + System.nanoTime();
    System.arraycopy(args, 0, all, 1, args.length);
    return SpringApplication.exit(SpringApplication.run(MallrankApplication.class, all));
  }

  private static String frame(String document) {
    return Integer.toHexString(document.getBytes(StandardCharsets.UTF_8).length)
        + "\r\n"
        + document
        + "\r\n";
  }

  @Test
  void aSavedAppStreamIsReadWithThePageOption() throws Exception {
    Path body = dir.resolve("stream.txt");
    Files.writeString(
        body,
        frame("{\"status_code\":0}")
            + frame(
                "{\"page_data\":{\"feed_layer\":{\"sections\":[{\"items\":[{\"ProductID\":"
                    + "\"3712000000000000099\",\"Title\":\"羽绒服\",\"Price\":19900,"
                    + "\"MaterialContentInfo\":\"素材id:601,素材内容:暖冬店;\"}]}]}}}")
            + "0\r\n\r\n");

    int code = run("profile", "test", "--profile", "douyin-mall", "--page", body.toString());

    assertThat(code).isZero();
    String table = console.out();
    assertThat(table).startsWith("status: partial\n").contains("3712000000000000099", "暖冬店");
  }

  @Test
  void aWrongLengthPrefixIsAnErrorNamingTheOffset() throws Exception {
    Path body = dir.resolve("stream.txt");
    Files.writeString(body, frame("{\"a\":1}") + "fff\r\n{\"b\":2}\r\n");

    int code = run("profile", "test", "--profile", "douyin-mall", "--page", body.toString());

    assertThat(code).isEqualTo(3);
    assertThat(console.out())
        .contains(
            "status: error\n",
            "no card before the stream was cut (stream cut at byte offset 12: the frame at byte"
                + " offset 12 announces 4095 bytes (0xfff) but only 9 remain)");
  }

  @Test
  void aHarThatIsNotJsonIsRefusedNamingTheFile() throws Exception {
    Path har = dir.resolve("phone.har");
    Files.writeString(har, "<html>502 Bad Gateway</html>");

    int code =
        run(
            "profile",
            "test",
            "--profile",
            "douyin-mall",
            "--har",
            har.toString(),
            "--har-keyword",
            "羽绒服");

    assertThat(code).isEqualTo(2);
    assertThat(console.err()).contains(har + ": not a HAR file: not JSON");
  }
}
