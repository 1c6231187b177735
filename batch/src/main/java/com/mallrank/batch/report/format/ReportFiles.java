package com.mallrank.batch.report.format;

import com.mallrank.batch.report.html.HtmlReportWriter;
import com.mallrank.batch.report.model.ReportDocument;
import com.mallrank.batch.report.model.ReportTable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a report in one format, to files or to a stream: the one place that knows which writer
 * makes which format and which files a format makes.
 *
 * <ul>
 *   <li>To a directory (an existing one, or a path ending in {@code /}): {@code <baseName>.<ext>}
 *       inside it.
 *   <li>To a file: that file. CSV holds one table per file, so a report of several tables becomes
 *       {@code <stem>-<tableId>.csv} beside the named file.
 *   <li>Files are written to a temporary file first and moved into place: a reader never sees half
 *       a report.
 * </ul>
 */
public final class ReportFiles {

  /**
   * Writes the report to {@code output} and returns the files written.
   *
   * @param report the report
   * @param format the format
   * @param output a file or a directory
   * @param baseName the file name without extension used inside a directory
   */
  public List<Path> write(ReportDocument report, ReportFormat format, Path output, String baseName)
      throws IOException {
    Path file = target(output, baseName, format);
    if (format == ReportFormat.CSV && report.tables().size() > 1) {
      String stem = stem(file.getFileName().toString(), format);
      List<Path> files = new ArrayList<>();
      CsvTableWriter csv = new CsvTableWriter(report.zone());
      for (ReportTable table : report.tables()) {
        Path tableFile = file.resolveSibling(stem + "-" + table.id() + ".csv");
        writeAtomically(tableFile, out -> csv.write(table, out));
        files.add(tableFile);
      }
      return files;
    }
    writeAtomically(file, out -> write(report, format, out));
    return List.of(file);
  }

  /**
   * Writes the report to a stream (a terminal, a pipe). CSV tables follow each other, one BOM at
   * the start and an empty line between tables. The stream is flushed, not closed.
   */
  public void write(ReportDocument report, ReportFormat format, OutputStream out)
      throws IOException {
    switch (format) {
      case TABLE -> new TextReportWriter().write(report, out);
      case CSV -> writeCsv(report, out);
      case XLSX -> new XlsxReportWriter().write(report, out);
      case JSON -> new ReportJson().write(report, out);
      case HTML -> new HtmlReportWriter().write(report, out);
    }
    out.flush();
  }

  /** The file a report goes to when {@code output} is a directory or a file. */
  static Path target(Path output, String baseName, ReportFormat format) {
    boolean directory = Files.isDirectory(output) || output.toString().endsWith("/");
    return directory ? output.resolve(baseName + "." + format.extension()) : output;
  }

  private static String stem(String fileName, ReportFormat format) {
    String suffix = "." + format.extension();
    return fileName.toLowerCase(java.util.Locale.ROOT).endsWith(suffix)
        ? fileName.substring(0, fileName.length() - suffix.length())
        : fileName;
  }

  private static void writeCsv(ReportDocument report, OutputStream out) throws IOException {
    CsvTableWriter csv = new CsvTableWriter(report.zone());
    Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    writer.write(CsvTableWriter.BOM);
    boolean first = true;
    for (ReportTable table : report.tables()) {
      if (!first) {
        writer.write("\r\n");
      }
      csv.writeRows(table, writer);
      first = false;
    }
    writer.flush();
  }

  private interface Body {
    void writeTo(OutputStream out) throws IOException;
  }

  private static void writeAtomically(Path file, Body body) throws IOException {
    Path absolute = file.toAbsolutePath();
    Files.createDirectories(absolute.getParent());
    Path temp = Files.createTempFile(absolute.getParent(), ".mallrank-", ".part");
    try {
      try (OutputStream out = Files.newOutputStream(temp)) {
        body.writeTo(out);
      }
      try {
        Files.move(
            temp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }
}
