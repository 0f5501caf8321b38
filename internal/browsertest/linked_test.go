package browsertest_test

import (
	"testing"

	"github.com/hyperlab-go/hyperlab/history"
	"github.com/hyperlab-go/hyperlab/internal/browsertest"
	"github.com/hyperlab-go/hyperlab/plotting"
)

// TestLinkedBrushHighlightsCurves brushes the learning_rate axis of the
// parallel coordinates over 0.005…0.2 and finds the curves and table rows
// of the two trials inside (0.01 and 0.1) highlighted and the other two
// dimmed; hovering a row then highlights that trial alone.
func TestLinkedBrushHighlightsCurves(t *testing.T) {
	b := browsertest.Start(t)
	var runs []plotting.Run
	for i, lr := range []float64{0.001, 0.01, 0.1, 1} {
		h := &history.History{Status: history.Finished}
		for e := 1; e <= 4; e++ {
			h.Epochs = append(h.Epochs, history.Epoch{Epoch: e, TrainLoss: 1 / float64(e), ValLoss: lr + 1/float64(e)})
		}
		runs = append(runs, plotting.Run{Values: map[string]any{"learning_rate": lr, "batch_size": 16 * (1 + i%2)}, History: h})
	}
	table := plotting.Table{Header: []string{"trial"}}
	var values []float64
	for i, r := range runs {
		table.Rows = append(table.Rows, []string{string(rune('A' + i))})
		last, _ := r.History.Last()
		values = append(values, last.ValLoss)
	}
	l, err := plotting.LinkedSweep(runs, values, table, []string{"learning_rate", "batch_size"}, plotting.SweepOptions{LogParams: []string{"learning_rate"}})
	if err != nil {
		t.Fatal(err)
	}
	l.ID = "sweep"
	p := plotting.Page{Title: "Linked", Source: plotting.ScriptURL(browsertest.EChartsPath)}
	if err := p.Linked(l); err != nil {
		t.Fatal(err)
	}
	s, err := p.HTML()
	if err != nil {
		t.Fatal(err)
	}
	b.Open(t, writeFile(t, "linked.html", s))
	state := `new Promise(function (done) { setTimeout(function () {
  var curves = echarts.getInstanceByDom(document.getElementById('sweep-curves'));
  var out = {};
  curves.getOption().series.forEach(function (s) { out[s.name] = (s.lineStyle && s.lineStyle.opacity !== undefined) ? s.lineStyle.opacity : 1; });
  var rows = [];
  document.querySelectorAll('#sweep-table tr').forEach(function (tr) { if (!tr.querySelector('th')) rows.push(tr.className); });
  done({curves: out, rows: rows});
}, 300); })`
	type view struct {
		Curves map[string]float64
		Rows   []string
	}
	// The learning_rate axis is the parallel chart's second (names sorted).
	brush := browsertest.Eval[bool](t, b, `(function () {
  var par = echarts.getInstanceByDom(document.getElementById('sweep-parallel'));
  var axis = par.getModel().getComponent('parallelAxis', 1);
  if (axis.option.name !== 'learning_rate') return false;
  par.dispatchAction({type: 'axisAreaSelect', parallelAxisId: axis.id, intervals: [[0.005, 0.2]]});
  return true;
})()`)
	if !brush {
		t.Fatal("the parallel chart's second axis is not learning_rate")
	}
	got := browsertest.Eval[view](t, b, state)
	if len(got.Curves) != 4 {
		t.Fatalf("curves: %v", got.Curves)
	}
	for name, op := range got.Curves {
		on := name == "batch_size=32, learning_rate=0.01" || name == "batch_size=16, learning_rate=0.1"
		if on != (op == 1) {
			t.Errorf("curve %q has opacity %g after brushing 0.005…0.2 (selected: %v)", name, op, on)
		}
	}
	wantRows := []string{"hyperlab-dim", "hyperlab-on", "hyperlab-on", "hyperlab-dim"}
	for i, c := range got.Rows {
		if c != wantRows[i] {
			t.Errorf("row %d has class %q, want %q", i, c, wantRows[i])
		}
	}
	// Hover the first row: only its trial stands out.
	browsertest.Eval[bool](t, b, `(function () {
  document.querySelectorAll('#sweep-table tr')[1].dispatchEvent(new MouseEvent('mouseenter'));
  return true;
})()`)
	got = browsertest.Eval[view](t, b, state)
	onlyCurve(t, got.Curves, "batch_size=16, learning_rate=0.001", "hovering row A")
	// Leave the row, clear the brush, and click the heatmap cell of
	// learning_rate=0.1, batch_size=16: only that trial stands out.
	browsertest.Eval[bool](t, b, `(function () {
  document.querySelectorAll('#sweep-table tr')[1].dispatchEvent(new MouseEvent('mouseleave'));
  var par = echarts.getInstanceByDom(document.getElementById('sweep-parallel'));
  var axis = par.getModel().getComponent('parallelAxis', 1);
  par.dispatchAction({type: 'axisAreaSelect', parallelAxisId: axis.id, intervals: []});
  var heat = echarts.getInstanceByDom(document.getElementById('sweep-heatmap'));
  var xs = heat.getOption().xAxis[0].data, ys = heat.getOption().yAxis[0].data;
  var pt = heat.convertToPixel({seriesIndex: 0}, [xs.indexOf('0.1'), ys.indexOf('16')]);
  var dom = heat.getZr().painter.getViewportRoot(), r = dom.getBoundingClientRect();
  ['mousemove', 'mousedown', 'mouseup', 'click'].forEach(function (type) {
    dom.dispatchEvent(new MouseEvent(type, {clientX: r.left + pt[0], clientY: r.top + pt[1], bubbles: true}));
  });
  return true;
})()`)
	got = browsertest.Eval[view](t, b, state)
	onlyCurve(t, got.Curves, "batch_size=16, learning_rate=0.1", "after clicking the cell (0.1, 16)")
}

// onlyCurve fails t unless the curve named want, alone, stands out (full
// opacity) among curves (name → opacity) after what was done.
func onlyCurve(t *testing.T, curves map[string]float64, want, what string) {
	t.Helper()
	for name, op := range curves {
		if on := name == want; on != (op == 1) {
			t.Errorf("%s: curve %q has opacity %g", what, name, op)
		}
	}
}
