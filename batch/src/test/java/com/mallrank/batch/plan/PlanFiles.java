package com.mallrank.batch.plan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Plans written as a user writes them, and what the loader says of them. */
final class PlanFiles {

  private PlanFiles() {}

  /** Writes {@code yaml} to {@code dir/plan.yml}. */
  static Path write(Path dir, String yaml) {
    Path file = dir.resolve("plan.yml");
    try {
      Files.writeString(file, yaml);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }

  /** The loader's refusal of the plan file; fails the test when the plan is accepted. */
  static PlanException problems(PlanLoader loader, Path file) {
    try {
      loader.load(file);
    } catch (PlanException e) {
      return e;
    }
    throw new AssertionError("the plan was accepted");
  }
}
