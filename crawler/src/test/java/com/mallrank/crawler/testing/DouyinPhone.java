package com.mallrank.crawler.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * A HAR file of Douyin goods searches as one phone exports it (through {@link MitmproxyHar}), for
 * tests of whose capture is whose. Built by hand from douyin-notes §7/§8, like the acceptance
 * test's capture, in a smaller form: Douyin 38's {@code POST
 * /aweme/v2/shop/search/aggregate/shopping/ stream/} with the keyword in the form body (§8); each
 * answer one TTNet stream (framed every 97 bytes) of one page: {@code
 * page_data.feed_layer.sections[].items[]} with {@code ProductID}, {@code Title}, {@code Price} in
 * fen and the shop as 素材 601 of {@code MaterialContentInfo} (§7, §8; that the v2 stream carries
 * this model is INFERRED), {@code load_more_config.has_more} false. A refused search answers {@code
 * {"status_code": 2483, "status_msg": "请先登录，再继续搜索吧"}} as the stream's only document (§7, §8: the
 * refusal is documented for web search; that the app stream answers so is INFERRED). {@code
 * section_id} is INVENTED (as in pages/douyin-mall/202612/).
 */
public final class DouyinPhone {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SEARCH =
      "https://ecom5-normal-lf.ecombdapi.com/aweme/v2/shop/search/aggregate/shopping/stream/"
          + "?iid=7432100000000000&device_id=7432100000000001&aid=1128&version_name=38.0.0";
  private static final String JSON_UTF8 = "application/json; charset=utf-8";

  /** A product card, and what the built-in douyin-mall profile reads from it. */
  public record Card(String id, String title, long fen, String shop) {}

  private final MitmproxyHar har = new MitmproxyHar();
  private String search = SEARCH;

  /**
   * The requests after this one come from another app install: another {@code device_id} and {@code
   * iid} (invented values), as a second phone behind the same proxy sends them.
   */
  public DouyinPhone fromDevice(String deviceId, String installId) {
    search =
        SEARCH
            .replace("device_id=7432100000000001", "device_id=" + deviceId)
            .replace("iid=7432100000000000", "iid=" + installId);
    return this;
  }

  /**
   * A later page of a search of {@code keyword} (form {@code cursor=<cursor>}) at {@code at},
   * answered with these cards; {@code more}: its {@code has_more}.
   */
  public DouyinPhone nextPage(Instant at, String keyword, int cursor, boolean more, Card... cards) {
    return answer(at, keyword, cursor, document(more, cursor, cards));
  }

  /** A search of {@code keyword} at {@code at}, answered with one page of these cards. */
  public DouyinPhone search(Instant at, String keyword, Card... cards) {
    return page(at, keyword, false, cards);
  }

  /**
   * The first page of a search of {@code keyword} at {@code at} that says there is more ({@code
   * has_more} true): the phone scrolled on.
   */
  public DouyinPhone firstPageOfMore(Instant at, String keyword, Card... cards) {
    return page(at, keyword, true, cards);
  }

  private DouyinPhone page(Instant at, String keyword, boolean more, Card... cards) {
    return answer(at, keyword, document(more, 0, cards));
  }

  private static String document(boolean more, int cursor, Card... cards) {
    ObjectNode page = JSON.createObjectNode().put("status_code", 0);
    ArrayNode sections = page.putObject("page_data").putObject("feed_layer").putArray("sections");
    ArrayNode items = sections.addObject().put("section_id", "goods").putArray("items");
    for (Card card : cards) {
      items
          .addObject()
          .put("ProductID", card.id())
          .put("Title", card.title())
          .put("Price", card.fen())
          .put("MaterialContentInfo", "素材id:601,素材内容:" + card.shop() + ";");
    }
    page.putObject("load_more_config").put("has_more", more).put("cursor", cursor + cards.length);
    return page.toString();
  }

  /** A search of {@code keyword} at {@code at} by a phone that is not logged in: 2483. */
  public DouyinPhone loginRefused(Instant at, String keyword) {
    return answer(at, keyword, REFUSED);
  }

  /**
   * The next page of the search of {@code keyword} (form {@code cursor=<cursor>}) at {@code at},
   * refused with 2483: the phone was logged out while scrolling.
   */
  public DouyinPhone nextPageRefused(Instant at, String keyword, int cursor) {
    return answer(at, keyword, cursor, REFUSED);
  }

  private static final String REFUSED = "{\"status_code\":2483,\"status_msg\":\"请先登录，再继续搜索吧\"}";

  private DouyinPhone answer(Instant at, String keyword, String document) {
    return answer(at, keyword, 0, document);
  }

  private DouyinPhone answer(Instant at, String keyword, int cursor, String document) {
    String form =
        "cursor="
            + cursor
            + "&count=10&keyword="
            + URLEncoder.encode(keyword, StandardCharsets.UTF_8)
            + "&search_source=normal_search";
    har.post(
        at,
        search,
        form,
        JSON_UTF8,
        TtnetFrames.closedEvery(document.getBytes(StandardCharsets.UTF_8), 97));
    return this;
  }

  /** The HAR file's text. */
  public String write() {
    return har.write();
  }
}
