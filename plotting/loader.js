// hyperlab chart loader: draws option into the div with the given id once
// ECharts is available. It declares nothing global except window.__hyperlab
// (shared state, so a re-run cell queues instead of loading ECharts again)
// and window.echarts, which it sets when RequireJS loaded the library.
var L = w.__hyperlab = w.__hyperlab || {queue: [], loading: false};
L.charts = L.charts || {}; // id -> {chart, resize} of the charts drawn
function gone(e) { return !d.documentElement.contains(e.chart.getDom()); }
// target is the div to draw into: the first with this id not drawn yet
// (two equal charts on a page share their id, made from their content),
// else the first.
function target(ec) {
  var els = d.querySelectorAll('div[id="' + id + '"]');
  for (var i = 0; i < els.length; i++) { if (!ec.getInstanceByDom(els[i])) { return els[i]; } }
  return els[0];
}
function draw(ec) {
  var el = target(ec);
  if (!el) { return; }
  for (var k in L.charts) {
    // Forget charts whose output was removed (a re-run cell), except this
    // id's: a live chart's output is replaced by one with the same id.
    if (k !== id && k !== from && gone(L.charts[k])) {
      w.removeEventListener('resize', L.charts[k].resize);
      L.charts[k].chart.dispose();
      delete L.charts[k];
    }
  }
  var c = ec.getInstanceByDom(el);
  var old = L.charts[id];
  if (!old && from && L.charts[from]) {
    // A live chart's last frame, whose id is made from its content, takes
    // over the chart its earlier frames drew.
    old = L.charts[id] = L.charts[from];
    delete L.charts[from];
  }
  if (!c && old && gone(old) && !old.chart.isDisposed()) {
    // A live update replaced the output: move the drawn chart into it, so
    // that it is redrawn rather than drawn anew (no flicker).
    el.parentNode.replaceChild(old.chart.getDom(), el);
    old.chart.getDom().id = id;
    c = old.chart;
  }
  if (!c) {
    el.textContent = ''; // the static image, which the chart replaces
    c = ec.init(el);
    var e = {chart: c, resize: function () { c.resize(); }};
    w.addEventListener('resize', e.resize);
    if (old && gone(old)) { w.removeEventListener('resize', old.resize); if (!old.chart.isDisposed()) { old.chart.dispose(); } }
    L.charts[id] = e;
  }
  c.setOption(shortLegend(option), true);
}
// shortLegend turns legend.shortNames (full name -> short label, data
// written by plotting's fitLegend) into the legend's formatter, and shows
// the full name, escaped, in a tooltip over each entry.
function shortLegend(o) {
  var lg = o && o.legend, short = lg && lg.shortNames;
  if (!short) { return o; }
  lg.formatter = function (n) { return Object.prototype.hasOwnProperty.call(short, n) ? short[n] : n; };
  lg.tooltip = {show: true, formatter: function (p) {
    return String(p.name).replace(/[&<>"']/g, function (ch) { return '&#' + ch.charCodeAt(0) + ';'; });
  }};
  return o;
}
function fail(err) {
  // The static image stays; the reason goes under it, in its title.
  var el = d.getElementById(id);
  if (el) { el.title = 'hyperlab: ECharts could not be loaded from ' + src + ' (' + err + '); this is the static image.'; }
}
if (w.echarts && w.echarts.init) { draw(w.echarts); return; }
if (typeof w.define === 'function' && w.define.amd && typeof w.require === 'function') {
  // RequireJS is on the page (classic Notebook, nbconvert HTML): ECharts'
  // UMD build would register as an anonymous AMD module and define no
  // global, so ask RequireJS for it by URL.
  w.require([src], function (ec) {
    ec = ec || w.echarts;
    if (!w.echarts) { w.echarts = ec; }
    draw(ec);
  }, function (err) { fail(err && err.message); });
  return;
}
L.queue.push(draw);
if (L.loading) { return; }
L.loading = true;
var s = d.createElement('script');
s.src = src;
s.onload = function () {
  L.loading = false;
  var q = L.queue.splice(0);
  for (var i = 0; i < q.length; i++) { q[i](w.echarts); }
};
s.onerror = function () {
  L.loading = false;
  L.queue.splice(0);
  fail('network error');
};
d.head.appendChild(s);
