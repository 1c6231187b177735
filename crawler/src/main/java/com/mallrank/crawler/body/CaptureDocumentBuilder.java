package com.mallrank.crawler.body;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mallrank.crawler.model.CaptureSource;
import java.util.List;

/**
 * Writes the captured-response document, the one shape every capture is stored and extracted as
 * (the browser's, a person's HAR): {@code {"url", "source"?, "dom"?, "responses": [<document>…],
 * "captured": [{"url", "status", "bytes", "framing"?, "documents"?, "cut"?}…]}}. Each captured
 * answer adds its documents to {@code responses} and one entry to {@code captured}, with what the
 * stream split recorded ({@link ResponseStream.Split#describe}), so a cut is never lost on the way.
 * Read by {@code parse.CaptureDocument}.
 */
public final class CaptureDocumentBuilder {

  private final ObjectNode root;
  private final ArrayNode responses;
  private final ArrayNode captured;

  /**
   * @param url the page (or file) the capture is of
   * @param source who made it; {@code null}: mallrank's own browser
   * @param dom the rendered page's markup, or {@code null}
   */
  public CaptureDocumentBuilder(ObjectMapper mapper, String url, CaptureSource source, String dom) {
    root = mapper.createObjectNode();
    root.put("url", url);
    if (source != null) {
      root.put("source", source.code());
    }
    if (dom != null) {
      root.put("dom", dom);
    }
    responses = root.putArray("responses");
    captured = root.putArray("captured");
  }

  /**
   * Adds one captured answer: its documents and its entry, which is returned for what the caller
   * adds to it.
   *
   * @param documents what it adds to {@code responses} (a body that is not JSON: its text, a JSON
   *     string)
   * @param split how its body was split, or {@code null} when it is not JSON
   */
  public ObjectNode answer(
      String url, int status, long bytes, List<JsonNode> documents, ResponseStream.Split split) {
    documents.forEach(responses::add);
    ObjectNode entry = entry(url, status, bytes);
    if (split != null) {
      split.describe(entry);
    }
    return entry;
  }

  /** A {@code captured} entry without documents (a page whose stream broke before any). */
  public ObjectNode entry(String url, int status, long bytes) {
    ObjectNode entry = captured.addObject();
    entry.put("url", url);
    entry.put("status", status);
    entry.put("bytes", bytes);
    return entry;
  }

  /** The document, for fields only one writer adds ({@code "skipped"}). */
  public ObjectNode root() {
    return root;
  }
}
