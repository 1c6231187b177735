package com.mallrank.crawler.profile;

/**
 * The smallest valid site profiles the profile tests build on. Tests append keys at the end, so the
 * line numbers their error messages name stay where the tests expect them.
 */
final class TestProfiles {

  /** An html profile, id {@code demo}: {@code li.card} cards, product id from {@code data-id}. */
  static final String HTML =
      """
      id: demo
      mode: html
      search:
        url-template: "{base}/search?keyword={keyword}"
      cards:
        select: li.card
      fields:
        product-id:
          attr: data-id
      """;

  private TestProfiles() {}

  /**
   * A json profile with this id reading {@code responses[*].data.list}, ending in an open {@code
   * fetch:} block (line 8) that {@code fetch} fills, indented under it.
   */
  static String jsonFetching(String id, String fetch) {
    return """
        id: %s
        mode: json
        search:
          url-template: "https://example.com/?q={keyword}"
        items: "responses[*].data.list"
        fields:
          product-id: id
        fetch:
        """
            .formatted(id)
        + fetch.indent(2);
  }
}
