package com.mallrank.index.write;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;

/**
 * The NDJSON body of one {@code _bulk} request, serialised once into one growing buffer with the
 * documents' own mapper (the same bytes the Java client would produce for the documents), so the
 * request goes out as one buffer of known length instead of hundreds of small chunks.
 *
 * <p>Not thread-safe: one body per request.
 */
public final class BulkBody {

  private final ObjectMapper mapper;
  private final Buffer out = new Buffer(16 * 1024);
  private final JsonGenerator json;
  private int items;

  /**
   * @param mapper serialises the documents (snake_case, ISO instants: {@link
   *     com.mallrank.index.client.EsClients#objectMapper()})
   */
  public BulkBody(ObjectMapper mapper) {
    this.mapper = Objects.requireNonNull(mapper, "mapper");
    try {
      this.json = mapper.getFactory().createGenerator(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    // NDJSON: one root value per line
    json.setRootValueSeparator(new SerializedString("\n"));
  }

  /** Adds {@code {"index":{"_index":…,"_id":…}}} and the document. */
  public BulkBody index(String index, String id, Object document) {
    action("index", index, id);
    try {
      mapper.writeValue(json, document);
    } catch (IOException e) {
      throw new UncheckedIOException("Serialising document " + id + " failed", e);
    }
    return this;
  }

  /** Adds {@code {"delete":{"_index":…,"_id":…}}}. */
  public BulkBody delete(String index, String id) {
    action("delete", index, id);
    return this;
  }

  /** The number of operations (bulk items) in the body. */
  public int items() {
    return items;
  }

  /** The body: every line ends with a newline, as {@code _bulk} requires. */
  public byte[] toByteArray() {
    try {
      json.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    byte[] bytes = out.toByteArray(1);
    if (bytes.length > 0) {
      bytes[bytes.length - 1] = '\n';
    }
    return bytes.length == 1 ? new byte[0] : bytes;
  }

  private void action(String type, String index, String id) {
    try {
      json.writeStartObject();
      json.writeFieldName(type);
      json.writeStartObject();
      json.writeStringField("_index", Objects.requireNonNull(index, "index"));
      json.writeStringField("_id", Objects.requireNonNull(id, "id"));
      json.writeEndObject();
      json.writeEndObject();
      items++;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A {@link ByteArrayOutputStream} that copies its content once, with room for a tail. */
  private static final class Buffer extends ByteArrayOutputStream {
    Buffer(int size) {
      super(size);
    }

    byte[] toByteArray(int tail) {
      byte[] copy = new byte[count + tail];
      System.arraycopy(buf, 0, copy, 0, count);
      return copy;
    }
  }
}
