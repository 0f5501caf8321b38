package notebooks

import (
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/hyperlab-go/hyperlab/internal/browsertest"
	"github.com/hyperlab-go/hyperlab/internal/testutil"
	"github.com/hyperlab-go/hyperlab/runstore"
)

// uiNotebooks are the notebooks TestRealUI runs in the Jupyter user interface.
var uiNotebooks = []string{"00-hyperparameters.ipynb", "04-learning-rate.ipynb", "11-playground.ipynb"}

// JavaScript the test runs in the classic Notebook's page.
const (
	// running is true while a cell is queued or runs.
	running = `(function () {
  var nb = Jupyter.notebook;
  return nb.kernel_busy || nb.get_cells().some(function (c) { return c.cell_type === 'code' && c.input_prompt_number === '*'; });
})()`
	// errorsJS counts error outputs and failed programs, outside the cells
	// tagged raises-exception (whose error is their point).
	errorsJS = `(function () {
  var n = 0;
  Jupyter.notebook.get_cells().forEach(function (c) {
    if (c.cell_type !== 'code' || ((c.metadata.tags || []).indexOf('raises-exception') >= 0)) { return; }
    c.output_area.outputs.forEach(function (o) {
      if (o.output_type === 'error' || (o.output_type === 'stream' && o.name === 'stderr' && /exit status [1-9]|panic: /.test(o.text))) { n++; }
    });
  });
  return n;
})()`
	// chartsJS counts the hyperlab chart divs and those holding a chart.
	chartsJS = `(function () {
  var divs = document.querySelectorAll('.hyperlab-chart'), drawn = 0;
  for (var i = 0; i < divs.length; i++) { if (window.echarts && echarts.getInstanceByDom(divs[i])) { drawn++; } }
  return [divs.length, drawn];
})()`
	allDrawn = `(function () { var c = ` + chartsJS + `; return c[0] > 0 && c[0] === c[1]; })()`
)

// TestRealUI runs notebooks in the Jupyter Notebook user interface, in
// headless Chromium: it runs every cell, counts the charts drawn and the
// errors, saves the notebook, reopens it and counts the charts again; in
// the playground it moves a slider and a select and checks the charts
// against the run store. It logs the playground's latencies. Before that,
// it opens committed notebooks untrusted, without running them: every
// chart must show its image (checkUntrusted).
func TestRealUI(t *testing.T) {
	if testing.Short() {
		t.Skip("runs notebooks in Jupyter and Chromium; skipped with -short")
	}
	env, why := JupyterEnv()
	testutil.Require(t, why, SetupHint)
	b := browsertest.Start(t)
	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	dir, runs := t.TempDir(), t.TempDir()
	for _, f := range uiNotebooks {
		if strings.Contains(f, *only) {
			copyForUI(t, f, filepath.Join(dir, f), root)
		}
	}
	untrusted := copyUntrustedAll(t, dir)
	j := browsertest.StartJupyter(t, dir, append(env, "HYPERLAB_RUNS="+runs))
	for _, f := range untrusted {
		t.Run("untrusted-"+strings.TrimSuffix(f, ".ipynb"), func(t *testing.T) { checkUntrusted(t, b, j, f) })
	}
	for _, f := range uiNotebooks {
		if !strings.Contains(f, *only) {
			continue
		}
		t.Run(strings.TrimSuffix(f, ".ipynb"), func(t *testing.T) {
			start := time.Now()
			tab := b.OpenNotebook(t, j, f)
			if strings.HasPrefix(f, "11-") {
				playground(t, tab, runs)
			} else {
				_ = browsertest.EvalIn[bool](t, tab, `(Jupyter.notebook.execute_all_cells(), true)`)
				tab.Wait(t, `!`+running, 15*time.Minute)
			}
			tab.Wait(t, allDrawn, time.Minute)
			charts := browsertest.EvalIn[[]int](t, tab, chartsJS)
			if n := browsertest.EvalIn[int](t, tab, errorsJS); n > 0 {
				t.Errorf("%s: %d error outputs after running every cell (screenshot %s)", f, n, tab.Screenshot(t, "errors"))
			}
			_ = browsertest.EvalIn[bool](t, tab, `Jupyter.notebook.save_notebook().then(function () { return true; })`)
			tab.Wait(t, `!Jupyter.notebook.dirty`, 30*time.Second)
			tab = b.OpenNotebook(t, j, f)
			tab.Wait(t, allDrawn, time.Minute)
			again := browsertest.EvalIn[[]int](t, tab, chartsJS)
			if again[1] != charts[1] || charts[1] == 0 {
				t.Errorf("%s: %d charts drawn after running, %d after saving and reopening (screenshot %s)", f, charts[1], again[1], tab.Screenshot(t, "reopened"))
			}
			if bl := tab.Blocked(); len(bl) > 0 {
				t.Logf("%s: blocked requests %v", f, bl)
			}
			t.Logf("%s: %d charts drawn live, %d after save and reopen; %v in all", f, charts[1], again[1], time.Since(start).Round(time.Second))
		})
	}
}

// copyForUI copies notebook src to dst without its outputs, its set-up cell
// pointing at the repository root (the copy lives in a temporary folder).
func copyForUI(t *testing.T, src, dst, root string) {
	var nb map[string]any
	testutil.ReadJSON(t, src, &nb)
	for _, c := range nb["cells"].([]any) {
		cell := c.(map[string]any)
		if cell["cell_type"] != "code" {
			continue
		}
		cell["outputs"], cell["execution_count"] = []any{}, nil
		switch s := cell["source"].(type) {
		case string:
			cell["source"] = strings.ReplaceAll(s, "${GONB_DIR}/..", root)
		case []any:
			for i, l := range s {
				s[i] = strings.ReplaceAll(l.(string), "${GONB_DIR}/..", root)
			}
		}
	}
	out, err := json.Marshal(nb)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(dst, out, 0o644); err != nil {
		t.Fatal(err)
	}
}

// playState is what the playground's page shows: the cell arguments, the
// run of the charts, and the charts' data.
type playState struct {
	Args     string      `json:"args"`
	Summary  string      `json:"summary"`
	Title    string      `json:"title"` // of the loss chart
	Run      string      `json:"run"`
	Folder   string      `json:"folder"`
	Elapsed  int         `json:"elapsed"`
	AskedAt  int64       `json:"askedAt"` // Unix ms: the move reached the cell's program
	DrawnAt  int64       `json:"drawnAt"` // Unix ms: the program sent the redraw
	Live     bool        `json:"live"`
	Loss     [][]float64 `json:"loss"`     // the rows of the loss chart's last series: the current run
	Classes  []float64   `json:"classes"`  // the boundary chart's predicted class per cell
	Lines    int         `json:"lines"`    // series of the loss chart
	Boundary bool        `json:"boundary"` // a boundary chart is drawn
}

const playStateJS = `(function () {
  var p = document.querySelector('.hyperlab-play-args');
  if (!p || !window.echarts) { return null; }
  var root = document.querySelector('.hyperlab-playground');
  function opt(suffix) {
    var d = document.getElementById(root.id + suffix);
    var c = d && echarts.getInstanceByDom(d);
    return c ? c.getOption() : null;
  }
  function row(d) { return (d && d.value !== undefined ? d.value : d).map(Number); }
  var loss = opt('-loss'), bound = opt('-boundary');
  var sum = p.nextElementSibling;
  return {args: p.textContent, summary: sum ? sum.textContent : '', title: loss ? loss.title[0].text : '', run: p.dataset.run, folder: p.dataset.folder, elapsed: Number(p.dataset.elapsedMs), askedAt: Number(p.dataset.askedAt), drawnAt: Number(p.dataset.drawnAt),
    live: p.dataset.live === 'true',
    loss: loss ? loss.series[loss.series.length - 1].data.map(row) : [], lines: loss ? loss.series.length : 0,
    classes: bound ? bound.series[0].data.map(function (d) { return row(d)[2]; }) : [], boundary: !!bound};
})()`

// moveJS sets a control (by hyperparameter name) to a position and fires
// the event a user's move fires.
func moveJS(name string, pos int) string {
	return fmt.Sprintf(`(function () {
  var el = document.querySelector('.hyperlab-playground [data-name=%q]');
  el.value = String(%d);
  el.dispatchEvent(new Event(el.tagName === 'SELECT' ? 'change' : 'input', {bubbles: true}));
  return true;
})()`, name, pos)
}

// moveAndWaitJS moves a control as moveJS does, then waits in the page
// until the cell arguments read wantArgs and the loss chart holds other
// data than before; it returns [milliseconds waited (-1 after 2 minutes),
// Date.now() at the move, milliseconds until the new cell arguments were
// on the page].
func moveAndWaitJS(name string, pos int, wantArgs string) string {
	return fmt.Sprintf(`new Promise(function (resolve) {
  var root = document.querySelector('.hyperlab-playground');
  function lossData() {
    var d = document.getElementById(root.id + '-loss'), c = d && echarts.getInstanceByDom(d);
    if (!c) { return ''; }
    var series = c.getOption().series;
    return JSON.stringify(series[series.length - 1].data);
  }
  var before = lossData(), t0 = performance.now(), at = Date.now(), shown = -1;
  %s;
  (function poll() {
    var p = document.querySelector('.hyperlab-play-args');
    if (p && p.textContent === %q) {
      if (shown < 0) { shown = performance.now() - t0; }
      var now = lossData();
      if (now !== '' && now !== before) { resolve([performance.now() - t0, at, shown]); return; }
    }
    if (performance.now() - t0 > 120000) { resolve([-1, at, shown]); return; }
    setTimeout(poll, 5);
  })();
})`, moveJS(name, pos), wantArgs)
}

// positionJS finds the position of a value's label on a control.
func positionJS(name, label string) string {
	return fmt.Sprintf(`(function () {
  var el = document.querySelector('.hyperlab-playground [data-name=%q]');
  var labels = el.tagName === 'SELECT' ? Array.prototype.map.call(el.options, function (o) { return o.textContent; }) : null;
  if (labels) { return labels.indexOf(%q); }
  return -2;
})()`, name, label)
}

func playground(t *testing.T, tab *browsertest.Tab, runs string) {
	cells := browsertest.EvalIn[[]string](t, tab, `Jupyter.notebook.get_cells().map(function (c) { return c.get_text(); })`)
	at := -1
	for i, c := range cells {
		if strings.Contains(c, "lab.Playground(") {
			at = i
		}
	}
	if at < 0 {
		t.Fatal("no cell calls lab.Playground")
	}
	runCells := func(from, to int) {
		_ = browsertest.EvalIn[bool](t, tab, fmt.Sprintf(`(Jupyter.notebook.execute_cell_range(%d, %d), true)`, from, to))
	}
	runCells(0, at)
	tab.Wait(t, `!`+running, 15*time.Minute)
	start := time.Now()
	runCells(at, at+1)
	first := tab.Wait(t, `(function () { var s = `+playStateJS+`; return !!s && s.loss.length > 0 && s.boundary; })()`, 5*time.Minute)
	tab.Wait(t, `(function () { var s = `+playStateJS+`; return !!s && s.live; })()`, time.Minute)
	s0 := browsertest.EvalIn[playState](t, tab, playStateJS)
	t.Logf("first display of the playground %v after the cell started; the program had run %d ms of it (the rest: compiling and starting the cell); live after %v",
		first.Round(time.Millisecond), s0.Elapsed, time.Since(start).Round(time.Millisecond))
	checkAgainstStore(t, runs, s0, nil)

	// learning_rate's positions: 0.001 0.002 0.005 0.01 0.02 0.05 0.1 0.2 0.5 1 2 5 10 (Range 0.001..10).
	lrPos := map[string]int{"0.001": 0, "0.01": 3, "0.1": 6, "0.5": 8, "1": 9, "2": 10}
	var fresh, stored []time.Duration
	move := func(name string, pos int, wantArgs string, want map[string]any) playState {
		// The page moves the control and waits for the redraw itself, so the
		// latency holds no round trip of the test's own.
		res := browsertest.EvalIn[[]float64](t, tab, moveAndWaitJS(name, pos, wantArgs))
		s := browsertest.EvalIn[playState](t, tab, playStateJS)
		if res[0] < 0 || s.Args != wantArgs {
			t.Fatalf("moving %s to position %d: the page still shows %q, want %q (screenshot %s)", name, pos, s.Args, wantArgs, tab.Screenshot(t, "move"))
		}
		d := time.Duration(res[0] * float64(time.Millisecond))
		if wasStored(s) {
			stored = append(stored, d.Round(time.Millisecond))
		} else {
			fresh = append(fresh, d.Round(time.Millisecond))
		}
		t0 := int64(res[1])
		t.Logf("%s: redrawn %v after the move (stored: %v): page to program %d ms, program %d ms, program to new HTML on the page %d ms, HTML to redrawn chart %d ms",
			wantArgs, d.Round(time.Millisecond), wasStored(s), s.AskedAt-t0, s.DrawnAt-s.AskedAt, t0+int64(res[2])-s.DrawnAt, int64(res[0]-res[2]))
		checkAgainstStore(t, runs, s, want)
		return s
	}
	// New configurations: each trains.
	move("learning_rate", lrPos["0.5"], "%% --learning_rate=0.5", map[string]any{"learning_rate": 0.5})
	move("learning_rate", lrPos["0.01"], "%% --learning_rate=0.01", map[string]any{"learning_rate": 0.01})
	adam := browsertest.EvalIn[int](t, tab, positionJS("optimizer", "adam"))
	move("optimizer", adam, "%% --learning_rate=0.01 --optimizer=adam", map[string]any{"learning_rate": 0.01, "optimizer": "adam"})
	// Pin, then configurations the store holds: each is read back.
	_ = browsertest.EvalIn[bool](t, tab, `(document.querySelector('.hyperlab-play-pin').click(), true)`)
	tab.Wait(t, `(function () { var s = `+playStateJS+`; return !!s && s.title.indexOf('pinned') >= 0; })()`, time.Minute)
	sgd := browsertest.EvalIn[int](t, tab, positionJS("optimizer", "sgd"))
	move("optimizer", sgd, "%% --learning_rate=0.01", map[string]any{"learning_rate": 0.01, "optimizer": "sgd"})
	move("learning_rate", lrPos["0.5"], "%% --learning_rate=0.5", map[string]any{"learning_rate": 0.5})
	move("learning_rate", lrPos["0.1"], "%%", map[string]any{"learning_rate": 0.1})
	if s := browsertest.EvalIn[playState](t, tab, playStateJS); s.Lines < 2 || !strings.Contains(s.Title, "pinned") {
		t.Errorf("after a pin the loss chart %q has %d series; want the pinned curve and the current one", s.Title, s.Lines)
	}
	t.Logf("slider/select change to redrawn charts: new configurations %v, configurations in the store %v", fresh, stored)
	if len(fresh) == 0 || len(stored) == 0 {
		t.Errorf("want moves to new and to stored configurations; got %d and %d", len(fresh), len(stored))
	}
	_ = browsertest.EvalIn[bool](t, tab, `(document.querySelector('.hyperlab-play-done').click(), true)`)
	tab.Wait(t, `!!document.querySelector('.hyperlab-play-note')`, time.Minute)
	runCells(at+1, len(cells))
	tab.Wait(t, `!`+running, 15*time.Minute)
}

// wasStored reports whether the run the page shows was read back from the
// store rather than trained: its summary line says so.
func wasStored(s playState) bool { return strings.Contains(s.Summary, "read back from the run store") }

// checkAgainstStore loads the run the page names from the run store and
// checks that it was trained with the values wanted and that the charts
// draw its losses and decision boundary.
func checkAgainstStore(t *testing.T, runs string, s playState, want map[string]any) {
	t.Helper()
	store, err := runstore.Open(filepath.Join(runs, s.Folder))
	if err != nil {
		t.Fatal(err)
	}
	r, err := store.Load(s.Run)
	if err != nil {
		t.Fatalf("the page shows run %s/%s, which the store cannot load: %v", s.Folder, s.Run, err)
	}
	for name, v := range want {
		if fmt.Sprint(r.Values[name]) != fmt.Sprint(v) {
			t.Errorf("run %s has %s=%v; the page asked for %v", s.Run, name, r.Values[name], v)
		}
	}
	if len(s.Loss) != len(r.History.Epochs) {
		t.Fatalf("the loss chart has %d epochs; run %s has %d", len(s.Loss), s.Run, len(r.History.Epochs))
	}
	near := func(a, b float64) bool { return math.Abs(a-b) <= 1e-5*math.Max(1, math.Abs(b)) }
	has := func(row []float64, x float64) bool {
		for _, y := range row {
			if near(y, x) {
				return true
			}
		}
		return false
	}
	pinned := strings.Contains(s.Title, "pinned") // then the last line is the current run's validation loss
	for i, e := range r.History.Epochs {
		if !has(s.Loss[i], e.ValLoss) || (!pinned && !has(s.Loss[i], e.TrainLoss)) {
			t.Errorf("epoch %d of the loss chart %v lacks run %s's losses %v, %v", i+1, s.Loss[i], s.Run, e.TrainLoss, e.ValLoss)
			break
		}
	}
	data, err := os.ReadFile(filepath.Join(r.Dir, "boundary.json"))
	if err != nil {
		t.Fatalf("run %s has no boundary.json: %v", s.Run, err)
	}
	var saved struct{ Class []int }
	if err := json.Unmarshal(data, &saved); err != nil {
		t.Fatal(err)
	}
	if len(saved.Class) != len(s.Classes) {
		t.Fatalf("the boundary chart has %d cells; run %s has %d", len(s.Classes), s.Run, len(saved.Class))
	}
	for i, c := range saved.Class {
		if float64(c) != s.Classes[i] {
			t.Errorf("cell %d of the boundary chart is class %v; run %s predicts %d", i, s.Classes[i], s.Run, c)
			break
		}
	}
}
