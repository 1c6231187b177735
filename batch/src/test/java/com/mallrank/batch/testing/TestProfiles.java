package com.mallrank.batch.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Site profile files for tests, written from the built-in ones. */
public final class TestProfiles {

  private static final Path BUILT_IN = Path.of("../crawler/src/main/resources/mallrank/profiles");

  private TestProfiles() {}

  /**
   * Writes {@code folder/sandbox-static.yml}: the built-in profile whose cards are no longer found
   * ({@code li.no-such-card}), so an override of the built-in is visible in the outcome ({@code
   * layout_changed} instead of {@code ok}) and a repair has something to fix.
   *
   * @return the folder, for {@code crawler.profiles-dir}
   */
  public static Path sandboxStaticWithoutCards(Path folder) throws IOException {
    Files.createDirectories(folder);
    Files.writeString(
        folder.resolve("sandbox-static.yml"),
        Files.readString(BUILT_IN.resolve("sandbox-static.yml"))
            .replace("li.goods-card", "li.no-such-card"));
    return folder;
  }
}
