package com.mallrank.crawler.sandbox;

/**
 * Renders the shell of the sandbox single-page app ({@code /spa/search}): no cards in the HTML, an
 * inline script (no external assets) that fetches {@code /api/search} (or {@code /api/v2/search})
 * 10 cards at a time and renders them with the v1 card markup of {@code docs/design.md}. More cards
 * load when a sentinel below the grid comes near the viewport (an {@code IntersectionObserver}) or
 * when the visible {@code button.load-more} (加载更多) is clicked; {@code div.list-end} (没有更多了) appears
 * once {@code has_more} is false.
 *
 * <p>What the script shows for the API's other answers: a verification demand → the v1 captcha page
 * ({@code #captcha-verify}, no {@code #search-root}); a login demand → {@code div.login-guide}; no
 * items on the first page → {@code div.search-empty}; the redesigned JSON ({@code goods_list}) →
 * the v1 "changed layout" markup ({@code div.sku-list > div.sku-item}); an HTTP error or broken
 * JSON → {@code div.load-error} (the cards already shown stay).
 */
final class SpaPageRenderer {

  /** The CSS grid keeps two columns at any width, so 10 cards always overflow a phone screen. */
  private static final String STYLE =
      """
      @font-face{font-family:"SandboxSans";src:url("/static/sandbox-sans.woff2") format("woff2");}
      body{font-family:"SandboxSans",sans-serif;margin:0;background:#f5f5f5}
      .result-grid{list-style:none;margin:0;padding:8px;display:grid;\
      grid-template-columns:repeat(2,minmax(0,1fr));gap:8px}
      .goods-card{height:300px;background:#fff;border-radius:8px;overflow:hidden;position:relative}
      .goods-cover{width:100%;height:170px;display:block;background:#ddd}
      .goods-link{color:#222;text-decoration:none}
      .ad-tag{position:absolute;top:4px;left:4px;background:#0008;color:#fff;font-size:10px}
      .load-more{display:block;width:100%;height:48px;margin:8px 0}
      #sentinel{height:1px}
      """;

  private static final String SCRIPT =
      """
      (function () {
        var root = document.getElementById('search-root');
        var kw = root.getAttribute('data-keyword');
        var api = root.getAttribute('data-api');
        var percentUnit = api.indexOf('/v2/') >= 0;
        var grid = root.querySelector('.result-grid');
        var btn = root.querySelector('.load-more');
        var sentinel = document.getElementById('sentinel');
        var cursor = 0, hasMore = true, loading = false, shown = 0, PAGE = 10;
        function el(tag, cls, text) {
          var e = document.createElement(tag);
          if (cls) e.className = cls;
          if (text != null) e.textContent = text;
          return e;
        }
        function stop() {
          hasMore = false;
          btn.hidden = true;
        }
        function replaceGrid(node) {
          grid.remove();
          sentinel.remove();
          btn.remove();
          root.appendChild(node);
          hasMore = false;
        }
        function yuan(fen) { return (fen / 100).toFixed(2); }
        function percent(v) { return percentUnit ? String(v) : String(v / 100); }
        function card(it) {
          var li = el('li', 'goods-card');
          li.setAttribute('data-product-id', it.product_id);
          li.setAttribute('data-shop-id', it.shop.shop_id);
          var a = el('a', 'goods-link');
          a.href = '/product/' + it.product_id;
          var img = el('img', 'goods-cover');
          img.src = it.cover.url_list[0];
          a.appendChild(img);
          a.appendChild(el('div', 'goods-title', it.title));
          li.appendChild(a);
          var price = el('div', 'goods-price');
          price.appendChild(el('span', 'yen', '¥'));
          price.appendChild(el('span', 'price-num', yuan(it.price)));
          li.appendChild(price);
          var meta = el('div', 'goods-meta');
          meta.appendChild(el('span', 'shop-name', it.shop.shop_name));
          meta.appendChild(el('span', 'sales', it.sales_label));
          li.appendChild(meta);
          var cos = el('div', 'goods-cos', '佣金');
          cos.appendChild(el('em', null, percent(it.cos_ratio) + '%'));
          li.appendChild(cos);
          if (it.is_ad) li.appendChild(el('span', 'ad-tag', '广告'));
          return li;
        }
        function sku(g) {
          var d = el('div', 'sku-item');
          d.setAttribute('data-sku-id', g.goods_id);
          var a = el('a', 'sku-link');
          a.href = '/product/' + g.goods_id;
          var img = el('img', 'sku-img');
          img.src = g.img;
          a.appendChild(img);
          a.appendChild(el('p', 'sku-name', g.name));
          d.appendChild(a);
          var p = el('p', 'sku-price', '¥');
          p.appendChild(el('b', null, yuan(g.min_price)));
          d.appendChild(p);
          d.appendChild(el('p', 'sku-store', g.store.store_name));
          d.appendChild(el('p', 'sku-sold', g.sold_text));
          if (g.promo) d.appendChild(el('i', 'sku-promo', '广告'));
          return d;
        }
        function show(json) {
          if (json.status_code !== 0 || !json.data) {
            if (json.verify) {
              document.body.innerHTML = '';
              var v = el('div', 'verify-wrap', '请完成安全验证');
              v.id = 'captcha-verify';
              document.body.appendChild(v);
              hasMore = false;
            } else if (json.status_code === 8) {
              replaceGrid(el('div', 'login-guide', '登录后查看更多商品'));
            } else {
              root.appendChild(el('div', 'load-error', '加载失败，请稍后再试'));
              stop();
            }
            return;
          }
          var d = json.data;
          if (d.goods_list) {
            if (grid.tagName === 'UL') {
              var list = el('div', 'sku-list');
              grid.replaceWith(list);
              grid = list;
            }
            d.goods_list.forEach(function (g) { grid.appendChild(sku(g)); });
            shown += d.goods_list.length;
            cursor = d.next_cursor;
            hasMore = d.has_more === 1;
          } else {
            var items = d.items || [];
            if (shown === 0 && items.length === 0) {
              replaceGrid(el('div', 'search-empty', '抱歉，没有找到"' + kw + '"相关的商品'));
              return;
            }
            items.forEach(function (it) { grid.appendChild(card(it)); });
            shown += items.length;
            cursor = d.cursor;
            hasMore = d.has_more === true;
          }
          btn.hidden = !hasMore;
          if (!hasMore) root.appendChild(el('div', 'list-end', '没有更多了'));
        }
        function load() {
          if (loading || !hasMore) return;
          loading = true;
          var url = api + '?keyword=' + encodeURIComponent(kw) + '&cursor=' + cursor
              + '&count=' + PAGE;
          fetch(url, {credentials: 'same-origin', headers: {'Accept': 'application/json'}})
            .then(function (r) {
              if (!r.ok) throw new Error('HTTP ' + r.status);
              return r.text();
            })
            .then(function (text) { show(JSON.parse(text)); })
            .catch(function (e) {
              root.appendChild(el('div', 'load-error', '加载失败，请稍后再试 (' + e.message + ')'));
              stop();
            })
            .finally(function () { loading = false; });
        }
        btn.addEventListener('click', load);
        new IntersectionObserver(function (entries) {
          if (entries.some(function (e) { return e.isIntersecting; })) load();
        }, {rootMargin: '200px'}).observe(sentinel);
      })();
      """;

  /**
   * The app shell for a keyword.
   *
   * @param apiPath {@code /api/search} (commission in basis points) or {@code /api/v2/search}
   *     (percent)
   */
  String shell(String keyword, String apiPath) {
    return shell(keyword, apiPath, null);
  }

  /** The app shell as {@code viewer} sees it: its header names the logged-in viewer. */
  String shell(String keyword, String apiPath, String viewer) {
    String kw = SearchPageRenderer.esc(keyword);
    return "<!doctype html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
        + "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\"><title>"
        + kw
        + " - 抖音商城</title><style>\n"
        + STYLE
        + "</style></head><body>\n"
        + SearchPageRenderer.viewer(viewer)
        + "\n<div id=\"search-root\" data-keyword=\""
        + kw
        + "\" data-api=\""
        + apiPath
        + "\">\n  <ul class=\"result-grid\"></ul>\n  <div id=\"sentinel\"></div>\n"
        + "  <button class=\"load-more\" type=\"button\" hidden>加载更多</button>\n</div>\n<script>\n"
        + SCRIPT
        + "</script>\n</body></html>\n";
  }
}
