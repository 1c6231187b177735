package com.mallrank.batch.report.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.mallrank.batch.report.model.ChartSpec;
import com.mallrank.batch.report.model.Column;
import com.mallrank.batch.report.model.ColumnType;
import com.mallrank.batch.report.model.ReportDocument;
import com.mallrank.batch.report.model.ReportTable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * A report as JSON, and back. The field names are a contract (snake_case, never translated):
 *
 * <pre>{@code
 * {"format": "mallrank-report", "version": 1, "title": "...", "from": "2026-11-28T06:00:00Z",
 *  "to": "...", "vantage": "anonymous", "zone": "Asia/Shanghai", "generated_at": "...",
 *  "tables": [{"id": "top20", "title": "...",
 *              "columns": [{"key": "price", "header": "价格", "type": "money_fen"}, ...],
 *              "rows": [{"price": 29900, ...}, ...]}],
 *  "charts": [{"type": "rank_history", "id": "...", ...}]}
 * }</pre>
 *
 * Rows are objects keyed by column key. Values keep their unit: {@code int}, {@code money_fen}
 * (fen) and {@code percent_bp} (basis points) are JSON integers, {@code datetime} an ISO-8601
 * instant, {@code text} a string, an empty cell {@code null}.
 */
public final class ReportJson {

  /** The value of the {@code format} field. */
  public static final String FORMAT = "mallrank-report";

  /** The value of the {@code version} field; bumped only when a field changes meaning. */
  public static final int VERSION = 1;

  private final ObjectMapper mapper =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .enable(SerializationFeature.INDENT_OUTPUT);

  /** Writes the report as UTF-8 JSON. The stream is not closed. */
  public void write(ReportDocument report, OutputStream out) throws IOException {
    mapper
        .writer()
        .without(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET)
        .writeValue(out, toTree(report));
  }

  /** The report as a JSON tree. */
  public ObjectNode toTree(ReportDocument report) {
    JsonNodeFactory json = mapper.getNodeFactory();
    ObjectNode root = json.objectNode();
    root.put("format", FORMAT);
    root.put("version", VERSION);
    root.put("title", report.title());
    root.put("from", report.from().toString());
    root.put("to", report.to().toString());
    root.put("vantage", report.vantage());
    root.put("zone", report.zone().getId());
    root.put("generated_at", report.generatedAt().toString());
    ArrayNode tables = root.putArray("tables");
    for (ReportTable table : report.tables()) {
      ObjectNode node = tables.addObject();
      node.put("id", table.id());
      node.put("title", table.title());
      ArrayNode columns = node.putArray("columns");
      for (Column column : table.columns()) {
        columns
            .addObject()
            .put("key", column.key())
            .put("header", column.header())
            .put("type", column.type().code());
      }
      ArrayNode rows = node.putArray("rows");
      for (List<Object> row : table.rows()) {
        ObjectNode cells = rows.addObject();
        for (int i = 0; i < row.size(); i++) {
          String key = table.columns().get(i).key();
          Object value = row.get(i);
          if (value == null) {
            cells.putNull(key);
          } else if (value instanceof Long number) {
            cells.put(key, number);
          } else {
            cells.put(key, value.toString());
          }
        }
      }
    }
    ArrayNode charts = root.putArray("charts");
    for (ChartSpec chart : report.charts()) {
      charts.add(mapper.valueToTree(chart));
    }
    return root;
  }

  /** Reads a report written by {@link #write}. */
  public ReportDocument read(InputStream in) throws IOException {
    JsonNode root = mapper.readTree(in);
    if (!FORMAT.equals(root.path("format").asText())) {
      throw new IOException("not a " + FORMAT + " document");
    }
    List<ReportTable> tables = new ArrayList<>();
    for (JsonNode node : root.path("tables")) {
      List<Column> columns = new ArrayList<>();
      for (JsonNode column : node.path("columns")) {
        columns.add(
            new Column(
                column.path("key").asText(),
                column.path("header").asText(),
                ColumnType.ofCode(column.path("type").asText())));
      }
      List<List<Object>> rows = new ArrayList<>();
      for (JsonNode row : node.path("rows")) {
        List<Object> cells = new ArrayList<>();
        for (Column column : columns) {
          cells.add(cell(column.type(), row.get(column.key())));
        }
        rows.add(cells);
      }
      tables.add(
          new ReportTable(node.path("id").asText(), node.path("title").asText(), columns, rows));
    }
    List<ChartSpec> charts = new ArrayList<>();
    for (JsonNode chart : root.path("charts")) {
      charts.add(mapper.treeToValue(chart, ChartSpec.class));
    }
    return new ReportDocument(
        root.path("title").asText(),
        Instant.parse(root.path("from").asText()),
        Instant.parse(root.path("to").asText()),
        root.path("vantage").isNull() ? null : root.path("vantage").asText(),
        ZoneId.of(root.path("zone").asText()),
        Instant.parse(root.path("generated_at").asText()),
        tables,
        charts,
        List.of());
  }

  private static Object cell(ColumnType type, JsonNode value) {
    if (value == null || value.isNull()) {
      return null;
    }
    return switch (type) {
      case TEXT -> value.asText();
      case INT, MONEY_FEN, PERCENT_BP -> value.longValue();
      case DATETIME -> Instant.parse(value.asText());
    };
  }
}
