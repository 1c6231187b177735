package com.mallrank.crawler.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * The sandbox's "selection" target: a stand-in for the 精选联盟 / 巨量百应 selection page (douyin-notes §7,
 * §8), built so every hard part of the real one can be tested offline. What the evidence says, and
 * what this page does:
 *
 * <ul>
 *   <li>The page's signing SDK ({@code bdms.js}, making {@code a_bogus}) loads from another
 *       company's host (§8): here {@value #SCRIPT_PATH} on a second listener, by default {@code
 *       http://localhost:<its port>} (another host name than the page's {@code 127.0.0.1}; a test
 *       may name it otherwise, {@link SandboxMall#setSelectionScriptOrigin}). The SDK wraps {@code
 *       window.fetch} and appends {@code a_bogus} to the list call's URL, computed from a seed in
 *       the page ({@code <meta name="sbx-sdk-seed">}, per identity and hour) and the request body
 *       (FNV-1a of {@code seed|body}, a sandbox invention). A call without it or with a wrong one
 *       is refused (HTTP 403, {@code code 40300}): a browser that blocks the SDK never gets a list.
 *   <li>{@code GET /selection} without the identity cookie redirects to {@value #LOGIN_PATH}, a QR
 *       login page ({@link QrLoginDesk}) that moves on to {@code /selection} once scanned (§8:
 *       logged in when the URL leaves {@code /account/login}); with it, the page shows a search box
 *       ({@code #SearchBarWrapper input}) and its button, and before any search a "为你推荐" feed.
 *   <li>The search is sent by <b>clicking</b> {@code #SearchBarWrapper button} (§8: the one crawler
 *       that drives the box clicks it; no source shows Enter submitting it, so Enter does nothing
 *       here).
 *   <li>The list is a {@code POST} to {@value #API_PATH} with a JSON body {@code
 *       {"scene":"PCSquareFeed","search_text":"…","cursor":0}} (§8); the feed is the same call with
 *       {@code search_text ""}. With {@link SandboxMall#setSelectionFeedAfterSearch} the page also
 *       refreshes a "猜你喜欢" feed (the same call, {@code search_text ""}) right after each search.
 *   <li>Answers are plain JSON (§7's envelope {@code {code, msg, data, log_id, st}}, not streamed):
 *       {@code data.summary_promotions[]}, {@code has_more}, {@code total}, {@code cursor}, {@code
 *       extra.search_id}. Cards use the documented paths: {@code product_id}, {@code
 *       base_model.product_info.{name, main_img.url_list}}, {@code
 *       base_model.marketing_info.price_desc.price.origin} (fen), {@code
 *       base_model.promotion_info.cos_info.cos.cos_ratio.origin} (percent), {@code
 *       base_model.shop_info.{shop_id, shop_name}}. The list is the world's organic results (no ad
 *       placement is documented). Each page of {@value #PAGE} products has one non-product card (a
 *       live room, no {@code base_model}; a sandbox invention) after its 7th.
 *   <li>"Scrolling returns the first screen again" (§8, opencli-buyin): every answer to a scroll
 *       ({@code cursor > 0}) starts with the first screen's cards again, then the next page's.
 *   <li>The list sits in an inner container ({@code div.list-scroller}, {@code overflow-y: auto});
 *       the window cannot scroll. The next page loads when that container is scrolled to its end.
 *   <li>Faults per keyword: {@link Fault#HTTP_429} → {@code {"code": 11001, "msg": "访问频繁…"}} (HTTP
 *       200, §7); {@link Fault#EMPTY} → no products; {@link Fault#HTTP_500} → HTTP 500; {@link
 *       Fault#SLOW} delays the answer (set on the keyword {@code ""}, it delays the feed). Two
 *       hostile variants that are <em>not</em> 百应's shapes (they are Douyin web-search answers,
 *       §8): {@link Fault#CAPTCHA} → an <i>empty</i> answer with {@code
 *       search_nil_info.search_nil_type = "verify_check"}; {@link Fault#LOGIN_WALL} → {@code
 *       {"status_code": 2483, …}}. A <i>global</i> {@link Fault#CAPTCHA} serves a captcha page
 *       ({@code #captcha-verify}) instead of the app.
 * </ul>
 */
final class SelectionTarget {

  static final String PAGE_PATH = "/selection";
  static final String API_PATH = "/pc/selection/common/material_list";
  static final String LOGIN_PATH = "/mpa/account/login";

  /** The signing SDK's path on the script host. */
  static final String SCRIPT_PATH = "/obj/secsdk/sandbox-sdk.js";

  /** Products per answer (the real list pages by 30; 20 makes depth 60 three loads). */
  static final int PAGE = 20;

  /** The keyword whose results make the "为你推荐" feed shown before a search. */
  private static final int FEED_SIZE = 12;

  private static final ObjectMapper JSON = new ObjectMapper();

  private final SandboxWorld world;
  private final SandboxClock clock;
  private final Faults faults;
  private final UnaryOperator<String> signer;
  private final Supplier<Long> logIds;
  private final QrLoginDesk login;
  private final Consumer<SandboxMall.Served> count;

  SelectionTarget(
      SandboxWorld world,
      SandboxClock clock,
      Faults faults,
      UnaryOperator<String> signer,
      Supplier<Long> logIds,
      QrLoginDesk login,
      Consumer<SandboxMall.Served> count) {
    this.world = world;
    this.clock = clock;
    this.faults = faults;
    this.signer = signer;
    this.logIds = logIds;
    this.login = login;
    this.count = count;
  }

  static boolean handles(String path) {
    return path.equals(PAGE_PATH) || path.equals(API_PATH) || path.equals(LOGIN_PATH);
  }

  /**
   * @param scriptOrigin where the page loads its signing SDK from ({@code http://host:port})
   * @param feedAfterSearch whether the page refreshes a feed right after each search
   */
  void handle(
      HttpExchange exchange,
      String path,
      String identity,
      String baseUrl,
      String scriptOrigin,
      boolean feedAfterSearch)
      throws IOException {
    String method = exchange.getRequestMethod();
    if (path.equals(LOGIN_PATH)) {
      send(exchange, 200, "text/html; charset=utf-8", login.page(baseUrl, PAGE_PATH));
    } else if (path.equals(PAGE_PATH) && "GET".equals(method)) {
      if (identity == null || identity.isBlank()) {
        exchange.getResponseHeaders().add("Location", LOGIN_PATH);
        send(exchange, 302, "text/html; charset=utf-8", "");
      } else if (faults.active(null).orElse(null) == Fault.CAPTCHA) {
        send(exchange, 200, "text/html; charset=utf-8", CAPTCHA_PAGE);
      } else {
        send(
            exchange,
            200,
            "text/html; charset=utf-8",
            page(seed(identity), scriptOrigin, feedAfterSearch));
      }
    } else if (path.equals(API_PATH) && "POST".equals(method)) {
      api(exchange, identity);
    } else {
      send(exchange, 405, "text/plain; charset=utf-8", "method not allowed");
    }
  }

  /** The signing seed the page gets: per identity and hour, so a replayed signature goes stale. */
  private String seed(String identity) {
    return Long.toHexString(
        (identity + "|" + clock.slot().getEpochSecond()).hashCode() & 0xffffffffL);
  }

  /** The SDK's signature: FNV-1a (32 bit) of the UTF-8 bytes of seed|body, hex. */
  static String sign(String seed, String body) {
    int h = 0x811c9dc5;
    for (byte b : (seed + "|" + body).getBytes(StandardCharsets.UTF_8)) {
      h ^= (b & 0xff);
      h *= 0x01000193;
    }
    return Integer.toHexString(h);
  }

  private void api(HttpExchange exchange, String identity) throws IOException {
    String json = "application/json; charset=utf-8";
    if (identity == null || identity.isBlank()) {
      // a sandbox choice: §8 shows only the page's redirect to the login page
      send(exchange, 200, json, "{\"code\":-1025,\"msg\":\"选品会话无效\"}");
      return;
    }
    byte[] raw = exchange.getRequestBody().readNBytes(8192);
    String text = new String(raw, StandardCharsets.UTF_8);
    String signature =
        SandboxMall.parseQuery(exchange.getRequestURI().getRawQuery()).get("a_bogus");
    if (!sign(seed(identity), text).equals(signature)) {
      count.accept(SandboxMall.Served.SELECTION_UNSIGNED_CALLS);
      send(exchange, 403, json, "{\"code\":40300,\"msg\":\"签名校验失败\"}");
      return;
    }
    JsonNode request;
    try {
      request = JSON.readTree(raw);
    } catch (IOException e) {
      request = null;
    }
    if (request == null || !request.isObject()) {
      send(exchange, 400, json, "{\"code\":40000,\"msg\":\"bad request\"}");
      return;
    }
    count.accept(SandboxMall.Served.SELECTION_SIGNED_CALLS);
    String keyword = request.path("search_text").asText("");
    int cursor = Math.max(0, request.path("cursor").asInt(0));
    if (keyword.isEmpty()) {
      count.accept(SandboxMall.Served.SELECTION_FEED_ANSWERS);
    }
    Fault fault = faults.active(keyword).orElse(null);
    if (fault == Fault.SLOW) {
      try {
        Thread.sleep(faults.slowDelay().toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while slow", e);
      }
    }
    if (fault == Fault.HTTP_500) {
      send(exchange, 500, json, "{\"code\":50000,\"msg\":\"系统繁忙\"}");
      return;
    }
    String body;
    if (fault == Fault.LOGIN_WALL) {
      body = "{\"status_code\":2483,\"status_msg\":\"请先登录，再继续搜索吧\"}";
    } else if (fault == Fault.HTTP_429) {
      body = "{\"code\":11001,\"msg\":\"访问频繁，请稍后再试\",\"data\":null}";
    } else if (fault == Fault.CAPTCHA) {
      ObjectNode answer = answer(List.of(), 0, false, 0);
      answer.putObject("search_nil_info").put("search_nil_type", "verify_check");
      body = answer.toString();
    } else {
      List<SandboxCard> all =
          keyword.isEmpty()
              ? feed(identity)
              : fault == Fault.EMPTY ? List.of() : list(keyword, identity);
      int from = Math.min(cursor, all.size());
      int to = Math.min(from + PAGE, all.size());
      List<SandboxCard> cards = new ArrayList<>();
      if (from > 0) {
        cards.addAll(all.subList(0, Math.min(PAGE, all.size()))); // the first screen again
      }
      cards.addAll(all.subList(from, to));
      body = answer(cards, to, to < all.size(), all.size()).toString();
    }
    send(exchange, 200, json, body);
  }

  /**
   * The selection list of a keyword: the world's organic results in their order. The list has no ad
   * placement (none is documented, §7), so the mall's ad cards (which repeat organic products) are
   * not on it.
   */
  private List<SandboxCard> list(String keyword, String identity) {
    return world.results(keyword, clock.slot(), identity).stream()
        .filter(c -> !c.sponsored())
        .toList();
  }

  /** What the page shows before a search: products of another keyword, never the result. */
  private List<SandboxCard> feed(String identity) {
    List<String> keywords = world.keywords();
    List<SandboxCard> cards = list(keywords.get(keywords.size() / 2), identity);
    return cards.subList(0, Math.min(FEED_SIZE, cards.size()));
  }

  /** The envelope {code, msg, data, log_id, st} with one card list; a live card after each 7th. */
  private ObjectNode answer(List<SandboxCard> cards, int cursor, boolean hasMore, int total) {
    ObjectNode root = JSON.createObjectNode();
    root.put("code", 0);
    root.put("msg", "success");
    ObjectNode data = root.putObject("data");
    ArrayNode items = data.putArray("summary_promotions");
    for (int i = 0; i < cards.size(); i++) {
      SandboxCard c = cards.get(i);
      ObjectNode item = items.addObject();
      item.put("product_id", c.productId());
      ObjectNode base = item.putObject("base_model");
      ObjectNode info = base.putObject("product_info");
      info.put("name", c.title());
      ArrayNode urls = info.putObject("main_img").putArray("url_list");
      for (String url : signer.apply(c.imageKey()).split(" ")) {
        urls.add(url);
      }
      ObjectNode marketing = base.putObject("marketing_info");
      marketing
          .putObject("price_desc")
          .putObject("price")
          .put("origin", c.price().movePointRight(2).longValueExact());
      base.putObject("promotion_info")
          .putObject("cos_info")
          .putObject("cos")
          .putObject("cos_ratio")
          .put("origin", c.commissionRate());
      ObjectNode shop = base.putObject("shop_info");
      shop.put("shop_id", c.shopId());
      shop.put("shop_name", c.shopName());
      if (i % PAGE == 6) {
        ObjectNode live = items.addObject();
        live.put("card_type", "live");
        live.putObject("live_info").put("room_title", "直播间 · 正在讲解");
      }
    }
    data.put("cursor", cursor);
    data.put("has_more", hasMore);
    data.put("total", total);
    data.putObject("extra").put("search_id", Long.toHexString(logIds.get()));
    root.put("log_id", String.valueOf(logIds.get()));
    root.put("st", 0);
    return root;
  }

  /** The signing SDK the script host serves: the same for everyone, as a CDN's file is. */
  static final String SDK_SCRIPT =
      """
      (function () {
        var meta = document.querySelector('meta[name="sbx-sdk-seed"]');
        var seed = meta ? meta.content : '';
        function sign(body) {
          var h = 0x811c9dc5;
          var bytes = new TextEncoder().encode(seed + '|' + body);
          for (var i = 0; i < bytes.length; i++) { h ^= bytes[i]; h = Math.imul(h, 0x01000193) >>> 0; }
          return h.toString(16);
        }
        var plain = window.fetch;
        window.fetch = function (input, init) {
          var url = typeof input === 'string' ? input : input.url;
          if (url.indexOf('/pc/selection/') >= 0 && init && typeof init.body === 'string') {
            url += (url.indexOf('?') < 0 ? '?' : '&') + 'a_bogus=' + sign(init.body);
            return plain.call(window, url, init);
          }
          return plain.apply(window, arguments);
        };
        window.sbxSecSdk = {version: '1.0.0-sandbox'};
      })();
      """;

  /** Served instead of the app under a global {@link Fault#CAPTCHA}: no list call is ever made. */
  private static final String CAPTCHA_PAGE =
      """
      <!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>验证 (sandbox)</title>
      </head><body><div id="captcha-verify"><p>请完成下列验证后继续</p>
      <iframe src="about:blank" title="verifycenter"></iframe></div></body></html>
      """;

  private static String page(String seed, String scriptOrigin, boolean feedAfterSearch) {
    return PAGE_HTML
        .replace("__SEED__", seed)
        .replace("__SDK__", scriptOrigin + SCRIPT_PATH)
        .replace("__FEED_AFTER__", String.valueOf(feedAfterSearch));
  }

  private static final String PAGE_HTML =
      """
      <!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>精选联盟 选品 (sandbox)</title>
      <meta name="sbx-sdk-seed" content="__SEED__">
      <script src="__SDK__"></script>
      <style>
      html,body{height:100%;margin:0;overflow:hidden;font-family:sans-serif}
      #app{display:flex;flex-direction:column;height:100%}
      #SearchBarWrapper{flex:none;padding:8px;background:#fff}
      .feed-title{flex:none;padding:4px 8px;color:#888}
      .list-scroller{flex:1;overflow-y:auto;background:#f5f5f5}
      .material-card,.live-card{height:96px;margin:6px 8px;background:#fff;border-radius:6px}
      .search-empty,.load-error{padding:24px;color:#888}
      </style></head><body><div id="app">
      <div id="SearchBarWrapper"><input type="text" placeholder="搜索商品名称/ID" autocomplete="off">
      <button type="button" class="search-btn">搜索</button></div>
      <div class="feed-title">为你推荐</div>
      <div class="list-scroller"><div class="material-list"></div><div class="list-status"></div></div>
      <div class="guess-you-like" hidden></div>
      </div><script>
      (function () {
        var FEED_AFTER = __FEED_AFTER__;
        var input = document.querySelector('#SearchBarWrapper input');
        var list = document.querySelector('.material-list');
        var status = document.querySelector('.list-status');
        var scroller = document.querySelector('.list-scroller');
        var title = document.querySelector('.feed-title');
        var guess = document.querySelector('.guess-you-like');
        var state = {text: '', cursor: 0, hasMore: true, loading: false, gen: 0};
        function el(tag, cls, text) {
          var e = document.createElement(tag); e.className = cls; e.textContent = text; return e;
        }
        function call(text, cursor) {
          return fetch('/pc/selection/common/material_list?verifyFp=verify_sandbox&fp=verify_sandbox'
              + '&msToken=sandbox', {
            method: 'POST', headers: {'Content-Type': 'application/json'},
            body: JSON.stringify({scene: 'PCSquareFeed', search_text: text, cursor: cursor})
          }).then(function (r) {
            if (!r.ok) throw new Error('HTTP ' + r.status);
            return r.json();
          });
        }
        function show(answer, gen) {
          if (gen !== state.gen) return;
          var data = answer.data || {};
          var items = data.summary_promotions || [];
          items.forEach(function (it) {
            if (!it.base_model) { list.appendChild(el('div', 'live-card', '直播')); return; }
            var card = el('div', 'material-card', it.base_model.product_info.name);
            card.setAttribute('data-id', it.product_id);
            list.appendChild(card);
          });
          state.cursor = data.cursor || state.cursor;
          state.hasMore = !!data.has_more;
          if (!list.children.length) status.appendChild(el('div', 'search-empty', '暂无相关商品'));
        }
        function load() {
          if (state.loading || !state.hasMore) return;
          state.loading = true;
          var gen = state.gen;
          call(state.text, state.cursor)
            .then(function (answer) { show(answer, gen); })
            .catch(function () { status.appendChild(el('div', 'load-error', '加载失败')); })
            .then(function () { if (gen === state.gen) state.loading = false; });
        }
        function search() {
          state = {text: input.value.trim(), cursor: 0, hasMore: true, loading: false,
                   gen: state.gen + 1};
          list.textContent = ''; status.textContent = '';
          title.textContent = '搜索结果';
          scroller.scrollTop = 0;
          load();
          if (FEED_AFTER) {
            call('', 0).then(function (answer) {
              guess.textContent = ((answer.data || {}).summary_promotions || []).length + ' 猜你喜欢';
            }).catch(function () {});
          }
        }
        document.querySelector('.search-btn').addEventListener('click', search);
        scroller.addEventListener('scroll', function () {
          if (scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 40) load();
        });
        load();
      })();
      </script></body></html>
      """;

  private static void send(HttpExchange exchange, int status, String contentType, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", contentType);
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }
}
