package com.mallrank.crawler.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * The sandbox's "selection" target: a 精选联盟-like product-selection page (douyin-notes §1.4, §7),
 * built so every hard part of the real one can be tested offline.
 *
 * <ul>
 *   <li>{@code GET /selection} without the identity cookie redirects to {@code /mpa/account/login}
 *       (a login page); with it, the page shows a search box ({@code #SearchBarWrapper input}) and,
 *       before any search, a "为你推荐" feed.
 *   <li>The list is a {@code POST /selection/api/material_list} made by the page's script with a
 *       JSON body {@code {search_text, cursor, a_bogus}}; {@code a_bogus} is a signature the script
 *       computes from a seed in the page (FNV-1a of {@code seed|text|cursor}); a request without it
 *       or with a wrong one is refused (HTTP 403, {@code code 40300}).
 *   <li>Answers are <b>streamed</b>: two JSON documents, each preceded by its length in hexadecimal
 *       ({@code {code, log_id}} then {@code {code, msg, data: {summary_promotions, has_more, total,
 *       cursor}}}), like the app's search stream.
 *   <li>Cards use the selection list's documented paths: {@code product_id}, {@code
 *       base_model.product_info.{name, main_img.url_list}}, {@code
 *       base_model.marketing_info.price_desc.price.origin} (fen), {@code
 *       base_model.promotion_info.cos_info.cos.cos_ratio.origin} (percent), {@code
 *       base_model.shop_info.{shop_id, shop_name}}. Each page of {@value #PAGE} products has one
 *       non-product card (a live room, no {@code base_model}) after its 7th card.
 *   <li>The list sits in an inner container ({@code div.list-scroller}, {@code overflow-y: auto});
 *       the window cannot scroll. The next page loads when that container is scrolled to its end.
 *   <li>Faults per keyword: {@link Fault#CAPTCHA} → an <i>empty</i> answer with {@code
 *       search_nil_info.search_nil_type = "verify_check"}; {@link Fault#LOGIN_WALL} → {@code
 *       {"status_code": 2483, "status_msg": "请先登录，再继续搜索吧"}}; {@link Fault#HTTP_429} → {@code
 *       {"code": 11001, "msg": "访问频繁，请稍后再试"}} (HTTP 200); {@link Fault#EMPTY} → no products; {@link
 *       Fault#HTTP_500} → HTTP 500; {@link Fault#SLOW} delays the answer (set on the keyword {@code
 *       ""}, it delays the feed, so its answer arrives after the search). A <i>global</i> {@link
 *       Fault#CAPTCHA} serves a captcha page ({@code #captcha-verify}) instead of the app.
 * </ul>
 */
final class SelectionTarget {

  static final String PAGE_PATH = "/selection";
  static final String API_PATH = "/selection/api/material_list";
  static final String LOGIN_PATH = "/mpa/account/login";

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
  private final AtomicLong feedAnswers = new AtomicLong();

  SelectionTarget(
      SandboxWorld world,
      SandboxClock clock,
      Faults faults,
      UnaryOperator<String> signer,
      Supplier<Long> logIds) {
    this.world = world;
    this.clock = clock;
    this.faults = faults;
    this.signer = signer;
    this.logIds = logIds;
  }

  /** How many "为你推荐" answers (list calls with an empty search text) were served. */
  long feedAnswers() {
    return feedAnswers.get();
  }

  static boolean handles(String path) {
    return path.equals(PAGE_PATH) || path.equals(API_PATH) || path.equals(LOGIN_PATH);
  }

  void handle(HttpExchange exchange, String path, String identity) throws IOException {
    String method = exchange.getRequestMethod();
    if (path.equals(LOGIN_PATH)) {
      send(exchange, 200, "text/html; charset=utf-8", LOGIN_PAGE);
    } else if (path.equals(PAGE_PATH) && "GET".equals(method)) {
      if (identity == null || identity.isBlank()) {
        exchange.getResponseHeaders().add("Location", LOGIN_PATH);
        send(exchange, 302, "text/html; charset=utf-8", "");
      } else if (faults.active(null).orElse(null) == Fault.CAPTCHA) {
        send(exchange, 200, "text/html; charset=utf-8", CAPTCHA_PAGE);
      } else {
        send(exchange, 200, "text/html; charset=utf-8", page(seed(identity)));
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

  /** The page script's signature: FNV-1a (32 bit) of the UTF-8 bytes of seed|text|cursor, hex. */
  static String sign(String seed, String text, int cursor) {
    int h = 0x811c9dc5;
    for (byte b : (seed + "|" + text + "|" + cursor).getBytes(StandardCharsets.UTF_8)) {
      h ^= (b & 0xff);
      h *= 0x01000193;
    }
    return Integer.toHexString(h);
  }

  private void api(HttpExchange exchange, String identity) throws IOException {
    String json = "application/json; charset=utf-8";
    if (identity == null || identity.isBlank()) {
      send(exchange, 200, json, "{\"code\":-1025,\"msg\":\"选品会话无效\"}");
      return;
    }
    JsonNode request;
    byte[] raw = exchange.getRequestBody().readNBytes(8192);
    try {
      request = JSON.readTree(raw);
    } catch (IOException e) {
      request = null;
    }
    if (request == null || !request.isObject()) {
      send(exchange, 400, json, "{\"code\":40000,\"msg\":\"bad request\"}");
      return;
    }
    String text = request.path("search_text").asText("");
    int cursor = Math.max(0, request.path("cursor").asInt(0));
    String signature = request.path("a_bogus").asText("");
    if (!signature.equals(sign(seed(identity), text, cursor))) {
      send(exchange, 403, json, "{\"code\":40300,\"msg\":\"签名校验失败\"}");
      return;
    }
    if (text.isEmpty()) {
      feedAnswers.incrementAndGet();
    }
    Fault fault = faults.active(text).orElse(null);
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
      body = frame("{\"status_code\":2483,\"status_msg\":\"请先登录，再继续搜索吧\"}");
    } else if (fault == Fault.HTTP_429) {
      body = frame("{\"code\":11001,\"msg\":\"访问频繁，请稍后再试\",\"data\":null}");
    } else if (fault == Fault.CAPTCHA) {
      ObjectNode answer = answer(List.of(), 0, false, 0);
      answer.putObject("search_nil_info").put("search_nil_type", "verify_check");
      body = head() + frame(answer.toString());
    } else {
      List<SandboxCard> all =
          text.isEmpty()
              ? feed(identity)
              : fault == Fault.EMPTY ? List.of() : world.results(text, clock.slot(), identity);
      int from = Math.min(cursor, all.size());
      int to = Math.min(from + PAGE, all.size());
      body =
          head() + frame(answer(all.subList(from, to), to, to < all.size(), all.size()).toString());
    }
    send(exchange, 200, json, body + "0\r\n\r\n");
  }

  /** What the page shows before a search: products of another keyword, never the result. */
  private List<SandboxCard> feed(String identity) {
    List<String> keywords = world.keywords();
    List<SandboxCard> cards =
        world.results(keywords.get(keywords.size() / 2), clock.slot(), identity);
    return cards.subList(0, Math.min(FEED_SIZE, cards.size()));
  }

  private String head() {
    return frame("{\"code\":0,\"log_id\":\"" + logIds.get() + "\",\"st\":0}");
  }

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
      if (i == 6) {
        ObjectNode live = items.addObject();
        live.put("card_type", "live");
        live.putObject("live_info").put("room_title", "直播间 · 正在讲解");
      }
    }
    data.put("cursor", cursor);
    data.put("has_more", hasMore);
    data.put("total", total);
    data.putObject("extra").put("search_id", Long.toHexString(logIds.get()));
    return root;
  }

  /** One document, framed: its UTF-8 length in hex, CRLF, the document, CRLF. */
  static String frame(String document) {
    return Integer.toHexString(document.getBytes(StandardCharsets.UTF_8).length)
        + "\r\n"
        + document
        + "\r\n";
  }

  /** Served instead of the app under a global {@link Fault#CAPTCHA}: no list call is ever made. */
  private static final String CAPTCHA_PAGE =
      """
      <!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>验证 (sandbox)</title>
      </head><body><div id="captcha-verify"><p>请完成下列验证后继续</p>
      <iframe src="about:blank" title="verifycenter"></iframe></div></body></html>
      """;

  private static final String LOGIN_PAGE =
      """
      <!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>登录 (sandbox)</title>
      </head><body><div class="login-page"><h1>请登录</h1><p>登录后使用精选联盟</p></div></body></html>
      """;

  private static String page(String seed) {
    return PAGE_HTML.replace("__SEED__", seed);
  }

  private static final String PAGE_HTML =
      """
      <!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>精选联盟 选品 (sandbox)</title>
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
      </div><script>
      (function () {
        var SEED = '__SEED__';
        var input = document.querySelector('#SearchBarWrapper input');
        var list = document.querySelector('.material-list');
        var status = document.querySelector('.list-status');
        var scroller = document.querySelector('.list-scroller');
        var title = document.querySelector('.feed-title');
        var state = {text: '', cursor: 0, hasMore: true, loading: false, gen: 0};
        function sign(text, cursor) {
          var h = 0x811c9dc5;
          var bytes = new TextEncoder().encode(SEED + '|' + text + '|' + cursor);
          for (var i = 0; i < bytes.length; i++) { h ^= bytes[i]; h = Math.imul(h, 0x01000193) >>> 0; }
          return h.toString(16);
        }
        function split(buf) {
          var bytes = new Uint8Array(buf), docs = [], pos = 0, dec = new TextDecoder();
          while (pos < bytes.length) {
            while (pos < bytes.length && (bytes[pos] === 13 || bytes[pos] === 10)) pos++;
            var start = pos;
            while (pos < bytes.length && bytes[pos] !== 13 && bytes[pos] !== 10) pos++;
            var len = parseInt(dec.decode(bytes.subarray(start, pos)), 16);
            if (!len) break;
            while (bytes[pos] === 13 || bytes[pos] === 10) pos++;
            docs.push(JSON.parse(dec.decode(bytes.subarray(pos, pos + len))));
            pos += len;
          }
          return docs;
        }
        function el(tag, cls, text) {
          var e = document.createElement(tag); e.className = cls; e.textContent = text; return e;
        }
        function show(docs, gen) {
          if (gen !== state.gen) return;
          var answer = docs[docs.length - 1] || {};
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
          fetch('/selection/api/material_list?verifyFp=verify_sandbox&msToken=sandbox', {
            method: 'POST', headers: {'Content-Type': 'application/json'},
            body: JSON.stringify({search_text: state.text, cursor: state.cursor,
                                  a_bogus: sign(state.text, state.cursor)})
          }).then(function (r) { return r.arrayBuffer(); })
            .then(function (b) { show(split(b), gen); })
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
        }
        input.addEventListener('keydown', function (e) { if (e.key === 'Enter') search(); });
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
