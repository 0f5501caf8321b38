package plotting

import (
	"slices"
	"strings"
	"testing"

	"github.com/hyperlab-go/hyperlab/history"
)

func linkedRuns(labels ...any) []Run {
	var runs []Run
	for i, v := range labels {
		h := &history.History{Status: history.Finished, Epochs: []history.Epoch{{Epoch: 1, TrainLoss: 1, ValLoss: float64(i + 1)}}}
		runs = append(runs, Run{Values: map[string]any{"optimizer": v, "learning_rate": 0.1 * float64(i+1)}, History: h})
	}
	return runs
}

func TestLinkedSweepEscapesAndChecks(t *testing.T) {
	evil := `</script><script>alert(1)</script>`
	runs := linkedRuns(evil, "adam")
	table := Table{Header: []string{"optimizer"}, Rows: [][]string{{evil}, {"adam"}}}
	l, err := LinkedSweep(runs, []float64{1, 2}, table, []string{"optimizer", "learning_rate"}, SweepOptions{})
	if err != nil {
		t.Fatal(err)
	}
	l.ID = "s1"
	f := fragment(t, l)
	if strings.Contains(f, "<script>alert(1)") {
		t.Errorf("a label reached the page unescaped")
	}
	for _, want := range []string{`id="s1-parallel"`, `id="s1-heatmap"`, `id="s1-curves"`, `id="s1-table"`, `axisareaselected`, `"cells":[[`} {
		if !strings.Contains(f, want) {
			t.Errorf("linked fragment lacks %s", want)
		}
	}
	if strings.Count(f, "axisareaselected") != 1 {
		t.Error("the linked script should appear once")
	}
	if _, err := LinkedSweep(runs, []float64{1, 2}, Table{Rows: [][]string{{"one"}}}, []string{"optimizer"}, SweepOptions{}); err == nil {
		t.Error("a table with fewer rows than runs was accepted")
	}
	if _, err := LinkedSweep(runs, []float64{1}, table, []string{"optimizer"}, SweepOptions{}); err == nil {
		t.Error("fewer values than runs were accepted")
	}
	bad := *l
	bad.ID = "1 bad"
	if _, err := bad.Fragment(); err == nil {
		t.Error("a bad ID was accepted")
	}
}

func TestHeatmapCells(t *testing.T) {
	trials := []Trial{{Values: map[string]any{"a": 1, "b": "x"}, Value: 1}, {Values: map[string]any{"a": 2, "b": "y"}, Value: 2}}
	d := HeatmapInfo(trials, "a", "b", SweepOptions{})
	got := HeatmapCells(trials, d)
	if got[0] != [2]int{0, 0} || got[1] != [2]int{1, 1} {
		t.Errorf("HeatmapCells = %v", got)
	}
}

// A linked display is one notebook output with an image, as a chart is:
// the notebooks test rejects chart HTML without its image/png.
func TestLinkedOutputCarriesAnImage(t *testing.T) {
	b := linkedOutput(t, "sgd")
	if !strings.Contains(b.HTML, `class="hyperlab-linked"`) || !strings.HasPrefix(string(b.PNG), "\x89PNG") || b.Text == "" {
		t.Errorf("linked output: HTML %d bytes (linked: %v), PNG %q…, text %q",
			len(b.HTML), strings.Contains(b.HTML, "hyperlab-linked"), b.PNG[:min(4, len(b.PNG))], b.Text)
	}
}

// A search's drawn values are shown to 4 significant digits, unless that
// would give two trials one label.
func TestLinkedSweepShortensDrawnValues(t *testing.T) {
	runs := linkedRuns("sgd", "sgd")
	runs[0].Values["learning_rate"] = 0.0054703548354713076
	runs[1].Values["learning_rate"] = 0.17875089423410534
	table := Table{Header: []string{"optimizer"}, Rows: [][]string{{"sgd"}, {"sgd"}}}
	l, err := LinkedSweep(runs, []float64{1, 2}, table, []string{"learning_rate"}, SweepOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"learning_rate=0.00547", "learning_rate=0.1788"}; !slices.Equal(l.Keys, want) {
		t.Errorf("keys = %q, want %q", l.Keys, want)
	}
	runs[1].Values["learning_rate"] = 0.0054703548354713
	l, err = LinkedSweep(runs, []float64{1, 2}, table, []string{"learning_rate"}, SweepOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if l.Keys[0] == l.Keys[1] {
		t.Errorf("rounding merged two trials: keys %q", l.Keys)
	}
}

// The heatmap of a linked sweep takes the colour range of its options, as
// Heatmap does: a notebook anchors it at 0 and ln 2 for a two-class loss.
func TestLinkedSweepAnchorsHeatmapColours(t *testing.T) {
	runs := linkedRuns("sgd", "adam")
	table := Table{Header: []string{"optimizer"}, Rows: [][]string{{"sgd"}, {"adam"}}}
	l, err := LinkedSweep(runs, []float64{1, 2}, table, []string{"optimizer", "learning_rate"}, SweepOptions{ColorRange: [2]float64{0, 5}})
	if err != nil {
		t.Fatal(err)
	}
	vm, _ := list(l.Heatmap.Option["visualMap"])[0].(map[string]any)
	// go-echarts omits a zero min, which is ECharts' default.
	if (vm["min"] != nil && vm["min"] != 0.0) || vm["max"] != 5.0 {
		t.Errorf("the linked heatmap's colour scale is %v…%v, want the anchored 0…5", vm["min"], vm["max"])
	}
}

// Without an ID, a linked display's ids come from its content: the same
// data give the same output (a re-executed notebook does not change), and
// other data other ids.
func TestLinkedIDFromContent(t *testing.T) {
	out := func(first string) string { return linkedOutput(t, first).HTML }
	if out("sgd") != out("sgd") {
		t.Error("the same linked display came out twice with different HTML")
	}
	if out("sgd") == out("lion") {
		t.Error("two different linked displays came out the same")
	}
}

// linkedOutput is the output of a linked sweep of two runs, one with the
// optimizer first, one with adam.
func linkedOutput(t *testing.T, first string) Bundle {
	t.Helper()
	l, err := LinkedSweep(linkedRuns(first, "adam"), []float64{1, 2}, Table{Header: []string{"optimizer"}, Rows: [][]string{{first}, {"adam"}}},
		[]string{"optimizer", "learning_rate"}, SweepOptions{})
	if err != nil {
		t.Fatal(err)
	}
	b, err := l.Output()
	if err != nil {
		t.Fatal(err)
	}
	return b
}
