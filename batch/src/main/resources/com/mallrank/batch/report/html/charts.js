(function () {
  'use strict';
  var ENTITIES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
  function esc(value) {
    return String(value == null ? '' : value).replace(/[&<>"']/g, function (c) { return ENTITIES[c]; });
  }
  // Tooltips are HTML: every text from the data is escaped here.
  var tooltips = {
    rank_history: function () {
      return function (params) {
        var list = Array.isArray(params) ? params : [params];
        var out = list.length ? esc(list[0].axisValueLabel) : '';
        list.forEach(function (p) {
          if (p.seriesType !== 'line' || p.value === undefined) { return; }
          out += '<br>' + p.marker + esc(p.seriesName) + '：' + (p.value == null ? '—' : '#' + esc(p.value));
        });
        return out;
      };
    },
    coverage_heatmap: function (option) {
      return function (p) {
        return esc(option.yAxis.data[p.value[1]]) + ' × ' + esc(option.xAxis.data[p.value[0]]) +
          '<br>' + p.marker + '最佳名次 #' + esc(p.value[2]);
      };
    },
    vantage_ranks: function (option) {
      return function (p) {
        var head = esc(option.xAxis.data[p.value[0]]) + '<br>' + p.marker + esc(p.seriesName) + '：';
        if (p.data.status) { return head + esc(p.data.status) + '，无排名 no ranks'; }
        return head + '#' + esc(p.value[1]) + ' ★ ' + esc(p.data.account) + '<br>' + esc(p.name);
      };
    },
    change_timeline: function () {
      return function (p) {
        return esc(p.data.time) + '<br>' + p.marker + esc(p.seriesName) + '<br>' +
          esc(p.value[1]) + '：' + esc(p.name);
      };
    }
  };
  var specs = JSON.parse(document.getElementById('mallrank-charts').textContent);
  var charts = [];
  specs.forEach(function (spec) {
    var element = document.getElementById(spec.element);
    var option = spec.option;
    option.tooltip = option.tooltip || {};
    option.tooltip.confine = true;
    if (tooltips[spec.type]) { option.tooltip.formatter = tooltips[spec.type](option); }
    if (spec.type === 'rank_history' || spec.type === 'vantage_ranks') {
      // Rank 0 does not exist: the axis starts there only to get ticks at 5, 10, 15, 20. The
      // vantage chart's last band holds the "no ranks" marks: no rank there either.
      var last = spec.type === 'vantage_ranks' ? option.yAxis.max - 5 : Infinity;
      option.yAxis.axisLabel = {
        formatter: function (v) { return v === 0 || v > last ? '' : String(v); }
      };
    }
    var chart = echarts.init(element, null, { renderer: 'canvas' });
    chart.setOption(option);
    charts.push(chart);
  });
  window.addEventListener('resize', function () { charts.forEach(function (c) { c.resize(); }); });
  document.body.setAttribute('data-charts-rendered', String(charts.length));
})();
