package com.mallrank.batch.report;

import com.mallrank.batch.report.format.ReportFiles;
import com.mallrank.batch.report.format.ReportFormat;
import com.mallrank.batch.report.model.ReportDocument;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Option;

/**
 * {@code --format} and {@code --output} for every {@code report} subcommand (a picocli mixin:
 * {@code @Mixin ReportOutputOptions output;}). By default a report is printed as the command's own
 * terminal table; with a format or an output it becomes a {@link ReportDocument} written by {@link
 * ReportFiles}.
 */
public class ReportOutputOptions {

  @Option(
      names = "--format",
      defaultValue = "table",
      converter = ReportFormat.Converter.class,
      paramLabel = "FORMAT",
      description =
          "table (default), csv (UTF-8 with BOM, one file per table), xlsx, json or html (one"
              + " self-contained page with charts).")
  ReportFormat format = ReportFormat.TABLE;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE|DIR",
      description =
          "Write to this file, or into this directory (existing, or ending in /) under a"
              + " generated name. Default: table, csv and json to the terminal; xlsx and html"
              + " into the current directory.")
  Path output;

  /** The chosen format. */
  public ReportFormat format() {
    return format;
  }

  /** The chosen output, or {@code null}. */
  public Path output() {
    return output;
  }

  /**
   * Lets the output file's extension choose the format when {@code --format} was not given: {@code
   * -o daily.html} means html, {@code -o daily.xlsx} xlsx ({@code .csv}, {@code .json} likewise).
   * An output without a known extension, or a directory, keeps the chosen format.
   *
   * @return this
   */
  public ReportOutputOptions formatFromExtension() {
    if (format == ReportFormat.TABLE && output != null && !Files.isDirectory(output)) {
      String name = output.getFileName().toString().toLowerCase(Locale.ROOT);
      for (ReportFormat candidate : ReportFormat.values()) {
        if (candidate != ReportFormat.TABLE && name.endsWith("." + candidate.extension())) {
          format = candidate;
        }
      }
    }
    return this;
  }

  /** Sets the format and output (for callers outside picocli). */
  public ReportOutputOptions to(ReportFormat chosen, Path file) {
    this.format = chosen;
    this.output = file;
    return this;
  }

  /** Whether the command should print its own terminal table (no format, no output chosen). */
  public boolean terminal() {
    return format == ReportFormat.TABLE && output == null;
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
    ReportFiles files = new ReportFiles();
    try {
      Path target = output;
      if (target == null && (format == ReportFormat.XLSX || format == ReportFormat.HTML)) {
        target = Path.of(".");
      }
      if (target == null) {
        files.write(report, format, out);
        return List.of();
      }
      List<Path> written = files.write(report, format, target, baseName);
      for (Path path : written) {
        out.println("wrote " + path.toAbsolutePath().normalize());
      }
      return written;
    } catch (IOException e) {
      throw new UncheckedIOException("writing the " + format.code() + " report failed", e);
    }
  }

  /** A file-name-safe form of a slot, vantage or keyword. */
  public static String fileSafe(String text) {
    return text.replaceAll("[^\\p{L}\\p{N}._-]+", "_");
  }
}
