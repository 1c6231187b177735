package com.mallrank.batch.report;

import com.mallrank.batch.cli.CallerPaths;
import com.mallrank.batch.report.format.ReportFiles;
import com.mallrank.batch.report.format.ReportFormat;
import com.mallrank.batch.report.model.ReportDocument;
import com.mallrank.batch.text.Formats;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Option;

/**
 * {@code --format} and {@code --output} for every {@code report} subcommand (a picocli mixin:
 * {@code @Mixin ReportOutputOptions output;}). Every report is a {@link ReportDocument} written by
 * {@link ReportFiles} in the chosen format: by default as plain-text tables on the terminal.
 */
public class ReportOutputOptions {

  @Option(
      names = "--format",
      converter = ReportFormat.Converter.class,
      paramLabel = "FORMAT",
      description =
          "table (default), csv (UTF-8 with BOM, one file per table), xlsx, json or html (one"
              + " self-contained page with charts). Default: chosen by the extension of --output.")
  ReportFormat format;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE|DIR",
      description =
          "Write to this file, or into this directory (existing, or ending in /, created if"
              + " missing) under a generated name. The extension chooses the format: x.html is"
              + " always an HTML page. Default: table, csv and json to the terminal; xlsx and html"
              + " into the current directory.")
  String output;

  /** The chosen format: {@code --format}, else the output's extension, else {@code table}. */
  public ReportFormat format() {
    ReportFormat byExtension = byExtension();
    if (format != null && byExtension != null && format != byExtension) {
      throw new IllegalArgumentException(
          "--format "
              + format.code()
              + " does not match --output "
              + output
              + " (a ."
              + byExtension.extension()
              + " file is "
              + byExtension.code()
              + "): drop --format or rename the file");
    }
    return format != null ? format : byExtension != null ? byExtension : ReportFormat.TABLE;
  }

  /** The chosen output, relative to the directory the user is in, or {@code null}. */
  public Path output() {
    return output == null ? null : CallerPaths.resolve(output);
  }

  /** Sets the format and output (for callers outside picocli); {@code TABLE} defers to the file. */
  public ReportOutputOptions to(ReportFormat chosen, Path file) {
    this.format = chosen == ReportFormat.TABLE ? null : chosen;
    this.output = file == null ? null : file.toString();
    return this;
  }

  /**
   * Writes the report as chosen.
   *
   * @param report the report
   * @param baseName the file name (without extension) used for a directory or the default file
   * @param out the terminal: gets the report itself, or one "wrote FILE" line per file
   * @return the files written (empty when the report went to {@code out})
   */
  public List<Path> write(ReportDocument report, String baseName, PrintStream out) {
    ReportFormat chosen = format();
    ReportFiles files = new ReportFiles();
    try {
      Path target = output();
      if (target == null && (chosen == ReportFormat.XLSX || chosen == ReportFormat.HTML)) {
        target = CallerPaths.dir();
      }
      if (target == null) {
        files.write(report, chosen, out);
        return List.of();
      }
      if (isDirectory()) {
        Files.createDirectories(target);
      }
      List<Path> written = files.write(report, chosen, target, baseName);
      for (Path path : written) {
        out.println("wrote " + path.toAbsolutePath().normalize());
      }
      return written;
    } catch (IOException e) {
      throw new UncheckedIOException("writing the " + chosen.code() + " report failed", e);
    }
  }

  /** Whether the output names a directory: an existing one, or a path ending in a separator. */
  private boolean isDirectory() {
    return output != null
        && (output.endsWith("/")
            || output.endsWith(java.io.File.separator)
            || Files.isDirectory(CallerPaths.resolve(output)));
  }

  /** The format the output's file extension names ({@code .htm} too), or {@code null}. */
  private ReportFormat byExtension() {
    if (output == null || isDirectory()) {
      return null;
    }
    String name = output.toLowerCase(Locale.ROOT);
    if (name.endsWith(".htm")) {
      return ReportFormat.HTML;
    }
    for (ReportFormat candidate : ReportFormat.values()) {
      if (name.endsWith("." + candidate.extension())) {
        return candidate;
      }
    }
    return null;
  }

  /**
   * The file name (without extension) of a report written into a directory, the same for every
   * report: {@code mallrank-<report>-<slot>[-<slot>][-<vantage>]}, slots as {@link
   * Formats#compactSlot}.
   *
   * @param report the report's name ({@code top20}, {@code history}, ...)
   * @param first the (first) slot
   * @param last the last slot, or {@code null} for a one-slot report
   * @param vantage the vantage, or {@code null} when the report covers several
   */
  public static String baseName(String report, Instant first, Instant last, String vantage) {
    return fileSafe(
        "mallrank-"
            + report
            + "-"
            + Formats.compactSlot(first)
            + (last == null ? "" : "-" + Formats.compactSlot(last))
            + (vantage == null ? "" : "-" + vantage));
  }

  /** A file-name-safe form of a slot, vantage or keyword. */
  public static String fileSafe(String text) {
    return text.replaceAll("[^\\p{L}\\p{N}._-]+", "_");
  }
}
