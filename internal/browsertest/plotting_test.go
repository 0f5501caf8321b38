package browsertest_test

import (
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hyperlab-go/hyperlab/history"
	"github.com/hyperlab-go/hyperlab/internal/browsertest"
	"github.com/hyperlab-go/hyperlab/plotting"
)

func run(lr float64, scale float64, diverge bool) *history.History {
	h := &history.History{Status: history.Finished}
	for e := 1; e <= 8; e++ {
		l := scale / float64(e)
		if diverge {
			l = scale * math.Pow(3, float64(e))
		}
		h.Epochs = append(h.Epochs, history.Epoch{Epoch: e, TrainLoss: l, ValLoss: l * 1.2,
			ValAccuracy: 1 - l/3, TrainAccuracy: 1 - l/4, ValError: math.NaN(), LearningRate: lr, Steps: 4})
		for s := 0; s < 4; s++ {
			h.StepLoss = append(h.StepLoss, l*(1+0.1*float64(s%2)))
		}
		if diverge && e == 4 {
			h.Status = history.Diverged
			h.Epochs = append(h.Epochs, history.Epoch{Epoch: 5, TrainLoss: math.NaN(), ValLoss: math.NaN()})
			break
		}
	}
	return h
}

func sampleCharts(t *testing.T) []*plotting.Chart {
	runs := []plotting.Run{
		{Values: map[string]any{"learning_rate": 0.001, "optimizer": "adam"}, History: run(0.001, 2, false)},
		{Values: map[string]any{"learning_rate": 0.1, "optimizer": "adam"}, History: run(0.1, 1, false)},
		{Values: map[string]any{"learning_rate": 10.0, "optimizer": "adam"}, History: run(10, 1, true)},
	}
	cmp, err := plotting.Compare(runs, plotting.CompareOptions{ColorBy: "learning_rate", LogY: true})
	if err != nil {
		t.Fatal(err)
	}
	var trials []plotting.Trial
	for i, lr := range []float64{0.001, 0.01, 0.1} {
		for j, opt := range []string{"adam", "sgd"} {
			trials = append(trials, plotting.Trial{Values: map[string]any{"learning_rate": lr, "optimizer": opt},
				Value: 1 / float64(1+i+j)})
		}
	}
	var pts []plotting.Point
	g := plotting.Grid{Xs: []float64{-1, -0.5, 0, 0.5, 1}, Ys: []float64{-1, 0, 1}}
	for j, y := range g.Ys {
		for i, x := range g.Xs {
			c := 0
			if x+y > 0 {
				c = 1
			}
			g.Class = append(g.Class, c)
			pts = append(pts, plotting.Point{X: x * 0.9, Y: y * 0.9, Class: (i + j) % 2})
		}
	}
	bd, err := plotting.Boundary(g, pts, plotting.BoundaryOptions{})
	if err != nil {
		t.Fatal(err)
	}
	return []*plotting.Chart{
		plotting.Loss(runs[1].History, plotting.LossOptions{}),
		plotting.Loss(runs[2].History, plotting.LossOptions{Title: "Diverged", LogY: true}),
		plotting.StepLoss(runs[:2], plotting.StepOptions{Window: 4}),
		cmp,
		plotting.Schedule([]plotting.Curve{{Name: "cosine", Y: []float64{0.1, 0.08, 0.05, 0.02, 0.0}}}, plotting.ScheduleOptions{}),
		plotting.Slice(trials, "learning_rate", plotting.SweepOptions{LogParams: []string{"learning_rate"}}),
		plotting.Heatmap(trials, "learning_rate", "optimizer", plotting.SweepOptions{}),
		plotting.Parallel(trials, plotting.SweepOptions{}),
		bd,
		plotting.Loss(nil, plotting.LossOptions{Title: "Empty"}),
	}
}

// expect returns what the browser should report for charts.
func expect(charts []*plotting.Chart) []browsertest.Chart {
	out := make([]browsertest.Chart, len(charts))
	for i, c := range charts {
		out[i] = browsertest.Chart{ID: c.ID, Title: c.Title(), Series: []browsertest.Series{}}
		for _, s := range c.Series() {
			out[i].Series = append(out[i].Series, browsertest.Series{Name: s.Name, Type: s.Type, Points: s.Points})
		}
	}
	return out
}

func writeFile(t *testing.T, name, content string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// chartsFile writes a page titled title that shows charts, with ECharts
// from the local server, to a file named name and returns its path.
func chartsFile(t *testing.T, title, name string, charts ...*plotting.Chart) string {
	t.Helper()
	p := plotting.Page{Title: title, Source: plotting.ScriptURL(browsertest.EChartsPath)}
	for _, c := range charts {
		p.Chart(c)
	}
	s, err := p.HTML()
	if err != nil {
		t.Fatal(err)
	}
	return writeFile(t, name, s)
}

// TestReportPage renders a standalone report with every chart type, with
// ECharts from the local server, and checks each chart in the browser.
func TestReportPage(t *testing.T) {
	b := browsertest.Start(t)
	charts := sampleCharts(t)
	p := plotting.Page{Title: "Report", Source: plotting.ScriptURL(browsertest.EChartsPath)}
	for _, c := range charts {
		p.Chart(c)
	}
	p.Table(plotting.Table{Header: []string{"run", "loss"}, Rows: [][]string{{"a", "0.1"}}})
	s, err := p.HTML()
	if err != nil {
		t.Fatal(err)
	}
	page := b.Check(t, writeFile(t, "report.html", s), expect(charts))
	if len(page.Blocked) > 0 {
		t.Errorf("the report asked for %v", page.Blocked)
	}
	t.Logf("screenshot: %s", page.Screenshot)
}

// notebookPage imitates an nbconvert export of an executed notebook: body
// outputs that are fragments, and RequireJS in the head when requirejs is
// set, loaded from the CDN as the classic template does.
func notebookPage(t *testing.T, requirejs bool, fragments ...string) string {
	head := ""
	if requirejs {
		head = `<script src="https://cdnjs.cloudflare.com/ajax/libs/require.js/2.1.10/require.min.js"></script>`
	}
	var body strings.Builder
	for i, f := range fragments {
		body.WriteString(`<div class="output_html rendered_html output_subarea" data-cell="` + string(rune('0'+i)) + `">` + f + "</div>\n")
	}
	return "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>notebook</title>" + head +
		"</head><body>" + body.String() + "</body></html>"
}

func fragments(t *testing.T, charts []*plotting.Chart, src plotting.Source) []string {
	var out []string
	for _, c := range charts {
		c.Source = src
		f, err := c.Fragment()
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, f)
	}
	return out
}

// TestNotebookFragments loads fragments as a notebook page would hold them:
// with RequireJS (classic Notebook, nbconvert HTML) and without (JupyterLab),
// ECharts from the pinned CDN URL (answered with the local copy) or
// inlined, and one chart twice (a cell run twice on the page).
func TestNotebookFragments(t *testing.T) {
	b := browsertest.Start(t)
	inline, err := plotting.InlineFile(b.Env.ECharts)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name      string
		requirejs bool
		src       plotting.Source
	}{
		{"requirejs_cdn", true, plotting.Source{}},
		{"requirejs_inline", true, inline},
		{"plain_cdn", false, plotting.Source{}},
		{"plain_inline", false, inline},
		{"requirejs_local_url", true, plotting.ScriptURL(browsertest.EChartsPath)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			charts := sampleCharts(t)[:4]
			charts = append(charts, charts[0]) // the same cell again, with a fresh ID
			frags := fragments(t, charts, tc.src)
			page := b.Check(t, writeFile(t, tc.name+".html", notebookPage(t, tc.requirejs, frags...)), expect(charts))
			if len(page.Blocked) > 0 {
				t.Errorf("blocked requests: %v", page.Blocked)
			}
			if tc.requirejs {
				if !browsertest.Eval[bool](t, b, `typeof define === 'function' && !!define.amd`) {
					t.Error("RequireJS was not active on the page")
				}
			}
		})
	}
}

// TestXSS draws a run named like an HTML payload and a hyperparameter value
// holding quotes and </script>, in a report and in notebook fragments, and
// checks that they show as text and that no injected script ran.
func TestXSS(t *testing.T) {
	b := browsertest.Start(t)
	const name = `<img src=x onerror=alert(1)>`
	const value = `it's "q" </script><script>window.__xss=1;alert(2)</script>`
	runs := []plotting.Run{
		{Label: name, Values: map[string]any{"act": value}, History: run(0.1, 1, false)},
		{Values: map[string]any{"act": value}, History: run(0.2, 2, false)},
		{Values: map[string]any{"act": "relu"}, History: run(0.3, 3, false)},
	}
	cmp, err := plotting.Compare(runs, plotting.CompareOptions{Title: "</script><script>window.__xss=2</script>"})
	if err != nil {
		t.Fatal(err)
	}
	trials, err := plotting.Trials(runs, plotting.TrainLoss)
	if err != nil {
		t.Fatal(err)
	}
	charts := []*plotting.Chart{cmp, plotting.Slice(trials, "act", plotting.SweepOptions{}),
		plotting.Parallel(trials, plotting.SweepOptions{}), plotting.Loss(runs[0].History, plotting.LossOptions{Title: name})}
	p := plotting.Page{Title: name, Source: plotting.ScriptURL(browsertest.EChartsPath)}
	p.Text(value)
	for _, c := range charts {
		p.Chart(c)
	}
	p.Table(plotting.Table{Caption: name, Header: []string{"name", value}, Rows: [][]string{{name, value}}})
	report, err := p.HTML()
	if err != nil {
		t.Fatal(err)
	}
	for i, file := range []string{
		writeFile(t, "xss_report.html", report),
		writeFile(t, "xss_notebook.html", notebookPage(t, true, fragments(t, charts, plotting.Source{})...)),
	} {
		page := b.Check(t, file, expect(charts))
		if len(page.Dialogs) > 0 {
			t.Errorf("%s: injected script opened dialogs %q", file, page.Dialogs)
		}
		if v := browsertest.Eval[string](t, b, `typeof window.__xss`); v != "undefined" {
			t.Errorf("%s: injected script ran: window.__xss is %s", file, v)
		}
		if n := browsertest.Eval[int](t, b, `document.querySelectorAll('img').length`); n != 0 {
			t.Errorf("%s: the page holds %d injected img elements", file, n)
		}
		legend := browsertest.Eval[[]string](t, b, `echarts.getInstanceByDom(document.querySelector('.hyperlab-chart')).getOption().series.map(function (s) { return s.name; })`)
		if len(legend) == 0 || legend[0] != name || !strings.Contains(legend[1], value) {
			t.Errorf("%s: legend names %q, want the payloads as text", file, legend)
		}
		if i == 0 { // the report's title, text and table show the payloads as text
			text := browsertest.Eval[string](t, b, `document.body.textContent`)
			if !strings.Contains(text, name) || !strings.Contains(text, value) {
				t.Errorf("the report's text does not show %q and %q", name, value)
			}
		}
	}
}

// TestLiveUpdate shows a chart, then adds UpdateScript outputs for later
// epochs (separate outputs, as a cell redrawing another cell's chart would
// send), and checks that the same chart grew.
func TestLiveUpdate(t *testing.T) {
	b := browsertest.Start(t)
	h := run(0.1, 1, false)
	first := plotting.Loss(&history.History{Epochs: h.Epochs[:2]}, plotting.LossOptions{})
	first.ID = "live"
	frag, err := first.Fragment()
	if err != nil {
		t.Fatal(err)
	}
	outputs := []string{frag}
	for n := 3; n <= len(h.Epochs); n++ {
		s, err := plotting.Loss(&history.History{Epochs: h.Epochs[:n]}, plotting.LossOptions{}).UpdateScript("live")
		if err != nil {
			t.Fatal(err)
		}
		outputs = append(outputs, s)
	}
	final := plotting.Loss(h, plotting.LossOptions{})
	final.ID = "live"
	for _, rjs := range []bool{true, false} {
		b.Check(t, writeFile(t, "live.html", notebookPage(t, rjs, outputs...)), expect([]*plotting.Chart{final}))
	}
}
