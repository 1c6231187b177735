package com.mallrank.crawler.body;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * The one reading of a page's JSON, for every writer of a capture document (the browser's, the HAR
 * reader's) and for the extractor that reads them: numbers are kept exact (never doubles: {@code
 * 1e999999999} would become "Infinity", a price's trailing zero would vanish, a long decimal would
 * be rounded), so the extractor's value bounds see what the page sent; and a page is bounded while
 * parsing: a number token longer than {@value #MAX_NUMBER_LENGTH} characters or nesting deeper than
 * {@value #MAX_NESTING_DEPTH} makes the body "not JSON" instead of a costly {@code BigInteger};
 * strings may be as long as a page ({@code crawler.max-page-size}) because a captured non-JSON body
 * is kept as one.
 */
public final class BodyJson {

  /** The longest number token accepted. */
  public static final int MAX_NUMBER_LENGTH = 100;

  /** The deepest nesting accepted. */
  public static final int MAX_NESTING_DEPTH = 200;

  /** The longest string accepted. */
  public static final int MAX_STRING_LENGTH = 20_000_000;

  /** Thread-safe. */
  public static final JsonMapper MAPPER =
      JsonMapper.builder(
              JsonFactory.builder()
                  .streamReadConstraints(
                      StreamReadConstraints.builder()
                          .maxNumberLength(MAX_NUMBER_LENGTH)
                          .maxNestingDepth(MAX_NESTING_DEPTH)
                          .maxStringLength(MAX_STRING_LENGTH)
                          .build())
                  .build())
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
          .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
          .build();

  private BodyJson() {}
}
