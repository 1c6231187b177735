package com.mallrank.batch.report.format;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** The formats of {@code --format}, each with its file extension. */
public enum ReportFormat {
  /** Aligned plain-text tables, as printed on a terminal. */
  TABLE("txt"),
  /** One CSV file per table, UTF-8 with a BOM (Excel then reads Chinese correctly). */
  CSV("csv"),
  /** One XLSX workbook, one sheet per table. */
  XLSX("xlsx"),
  /** One JSON document with every table and chart. */
  JSON("json"),
  /** One self-contained HTML page with tables and charts (works offline). */
  HTML("html");

  private final String extension;

  ReportFormat(String extension) {
    this.extension = extension;
  }

  /** The file extension, without the dot. */
  public String extension() {
    return extension;
  }

  /** The name as typed on the command line ({@code csv}). */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses {@code table}, {@code csv}, ... (any case). */
  public static ReportFormat parse(String text) {
    for (ReportFormat format : values()) {
      if (format.code().equalsIgnoreCase(text.strip())) {
        return format;
      }
    }
    throw new IllegalArgumentException(
        "unknown format '"
            + text
            + "', expected one of "
            + Arrays.stream(values()).map(ReportFormat::code).collect(Collectors.joining(", ")));
  }

  /** picocli's converter for {@code --format}. */
  public static final class Converter implements ITypeConverter<ReportFormat> {
    @Override
    public ReportFormat convert(String value) {
      try {
        return parse(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }
}
