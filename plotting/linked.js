// hyperlab linked sweep views: one script for the charts and the table of
// a sweep. Brushing a parallel-coordinates axis or clicking heatmap cells
// selects trials; the selected trials' loss curves and table rows stand
// out and the others dim; hovering a trial anywhere highlights it
// everywhere. cfg: {group, ids: {curves, parallel, heatmap}, table, keys,
// cells: [[x, y], ...] per key}.
(function (cfg) {
  var tries = 0;
  function start() {
    var e = window.echarts, ch = {}, ok = !!(e && e.getInstanceByDom);
    for (var k in cfg.ids) {
      var el = ok && document.getElementById(cfg.ids[k]);
      var c = el && e.getInstanceByDom(el);
      if (!c) { ok = false; break; }
      ch[k] = c;
    }
    if (!ok) { if (++tries < 1200) setTimeout(start, 50); return; }
    link(e, ch);
  }
  function link(e, ch) {
    var keys = cfg.keys, index = {}, brushed = null, cells = {}, hover = null;
    keys.forEach(function (k, i) { index[k] = i; });
    for (var k in ch) ch[k].group = cfg.group;
    e.connect(cfg.group);
    var table = document.getElementById(cfg.table), rows = [];
    if (table) {
      table.querySelectorAll('tr').forEach(function (tr) { if (!tr.querySelector('th')) rows.push(tr); });
    }
    function selected() { // the keys selected by the brush and the cells, or null for all
      var sel = null, anyCell = false;
      for (var c in cells) { anyCell = true; break; }
      keys.forEach(function (k, i) {
        var on = (!brushed || brushed[k]) && (!anyCell || cells[cfg.cells[i][0] + ',' + cfg.cells[i][1]]);
        if (brushed || anyCell) { sel = sel || {}; if (on) sel[k] = true; }
      });
      return sel;
    }
    function apply() {
      var sel = selected();
      var series = ch.curves.getOption().series.map(function (s) {
        var on = hover ? hover === s.name : !!(!sel || sel[s.name]); // a hovered trial stands out, selected or not
        var dim = (sel || hover) && !on;
        return {lineStyle: {opacity: dim ? 0.08 : 1, width: on && (sel || hover) ? 3 : 1.5},
          itemStyle: {opacity: dim ? 0.08 : 1}, z: on ? 3 : 2};
      });
      ch.curves.setOption({series: series});
      rows.forEach(function (tr, i) {
        var on = hover ? hover === keys[i] : !!(!sel || sel[keys[i]]);
        tr.classList.toggle('hyperlab-on', !!(sel || hover) && on);
        tr.classList.toggle('hyperlab-dim', !on);
        tr.style.opacity = on ? '' : '0.3';
      });
      if (ch.parallel) {
        ch.parallel.dispatchAction({type: 'downplay', seriesIndex: 0});
        if (hover && index[hover] !== undefined) ch.parallel.dispatchAction({type: 'highlight', seriesIndex: 0, name: hover});
      }
    }
    if (ch.parallel) {
      ch.parallel.on('axisareaselected', function () {
        var model = ch.parallel.getModel().getSeries()[0];
        var inactive = model.getRawIndicesByActiveState('inactive');
        if (!inactive.length) { brushed = null; } else {
          brushed = {};
          model.getRawIndicesByActiveState('active').forEach(function (i) {
            var name = model.getData().getName(i);
            brushed[name] = true;
          });
        }
        apply();
      });
    }
    if (ch.heatmap) {
      ch.heatmap.on('click', function (p) {
        var key = p.value[0] + ',' + p.value[1];
        if (cells[key]) delete cells[key]; else cells[key] = true;
        apply();
      });
    }
    function over(name) { if (index[name] !== undefined) { hover = name; apply(); } }
    function out() { if (hover !== null) { hover = null; apply(); } }
    ch.curves.on('mouseover', function (p) { over(p.seriesName); });
    ch.curves.on('mouseout', out);
    if (ch.parallel) { ch.parallel.on('mouseover', function (p) { over(p.name); }); ch.parallel.on('mouseout', out); }
    rows.forEach(function (tr, i) {
      tr.addEventListener('mouseenter', function () { over(keys[i]); });
      tr.addEventListener('mouseleave', out);
    });
    var el = document.getElementById(cfg.table);
    if (el) el.hyperlabLinked = {select: function (ks) { brushed = null; if (ks) { brushed = {}; ks.forEach(function (k) { brushed[k] = true; }); } apply(); }};
  }
  start();
})
