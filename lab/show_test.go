package lab

import (
	"math"
	"strings"
	"testing"

	"github.com/hyperlab-go/hyperlab/history"
	"github.com/hyperlab-go/hyperlab/hparams"
	"github.com/hyperlab-go/hyperlab/plotting"
	"github.com/hyperlab-go/hyperlab/training"
)

var nanF = math.NaN()

// fakeRun is a run with the given (train, val) losses per epoch and step
// losses, trained with learning_rate lr.
func fakeRun(t *testing.T, lr float64, status history.Status, losses [][2]float64, steps []float64) *Run {
	t.Helper()
	v, err := training.Spec.Defaults().With("learning_rate", lr)
	if err != nil {
		t.Fatal(err)
	}
	h := &history.History{Status: status, StepLoss: steps}
	for i, l := range losses {
		h.Epochs = append(h.Epochs, history.Epoch{Epoch: i + 1, TrainLoss: l[0], ValLoss: l[1],
			ValAccuracy: nanF, ValError: nanF, TrainAccuracy: nanF, LearningRate: lr, Steps: 4, Seconds: 0.5})
	}
	return &Run{History: h, Values: v, Dataset: "moons"}
}

// Seconds per epoch show only when the runs differ in batch size, rounded.
func TestSummaryTimesOnlyBatchSizes(t *testing.T) {
	a := fakeRun(t, 0.1, history.Finished, [][2]float64{{0.6, 0.7}}, nil)
	b := fakeRun(t, 0.1, history.Finished, [][2]float64{{0.6, 0.7}}, nil)
	b.History.Epochs[0].Seconds = 0.123456
	v, err := b.Values.With(training.ParamBatchSize, 8)
	if err != nil {
		t.Fatal(err)
	}
	b.Values = v
	got := Summary(a, b)
	if got.Rows[0][4] != "0.5" || got.Rows[1][4] != "0.12" {
		t.Errorf("s/epoch = %q, %q; want 0.5 and 0.12", got.Rows[0][4], got.Rows[1][4])
	}
}

func TestSummaryComputesTheNumbers(t *testing.T) {
	good := fakeRun(t, 0.1, history.Finished, [][2]float64{{0.6, 0.7}, {0.4, 0.5}, {0.2, 0.6}}, nil)
	bad := fakeRun(t, 20, history.Diverged, [][2]float64{{9, nanF}}, nil)
	got := Summary(good, bad)
	want := [][]string{
		{"learning_rate=0.1", "finished", "3", "4", "–", "0.2", "0.6", "0.4", "2", "0.5", "–", "1"},
		{"learning_rate=20", "diverged", "1", "4", "–", "9", "–", "–", "–", "–", "–", "0"},
	}
	for i := range want {
		if strings.Join(got.Rows[i], "|") != strings.Join(want[i], "|") {
			t.Errorf("row %d:\n got %q\nwant %q", i, got.Rows[i], want[i])
		}
	}
	if len(got.Header) != len(want[0]) {
		t.Errorf("header has %d columns, rows %d", len(got.Header), len(want[0]))
	}
}

func TestFitNamesTheBestEpoch(t *testing.T) {
	r := fakeRun(t, 0.1, history.Finished, [][2]float64{{0.6, 0.7}, {0.4, 0.3}, {0.1, 0.9}}, nil)
	tab, s := Fit(r)
	if len(tab.Rows) != 3 || tab.Rows[1][1] != "2" || tab.Rows[2][4] != "0.8" {
		t.Errorf("Fit table rows = %q", tab.Rows)
	}
	for _, want := range []string{"lowest at epoch 2 (0.3)", "1 more epoch the", "3.00× its best", "getting worse on new data"} {
		if !strings.Contains(s, want) {
			t.Errorf("Fit sentence %q lacks %q", s, want)
		}
	}
	still := fakeRun(t, 0.1, history.Finished, [][2]float64{{0.6, 0.7}, {0.4, 0.3}}, nil)
	if _, s := Fit(still); !strings.Contains(s, "more epochs could still help") {
		t.Errorf("Fit of a still-improving run: %q", s)
	}
	if _, s := Fit(&Run{History: &history.History{}}); !strings.Contains(s, "no finished epoch") {
		t.Errorf("Fit of an empty run: %q", s)
	}
}

func TestStepNoiseMeasuresTheLastEpoch(t *testing.T) {
	// The second half of the steps is 1, 3, 1, 3: it goes up 2 of 3 times.
	r := fakeRun(t, 0.1, history.Finished, [][2]float64{{2, 2}, {2, 2}}, []float64{5, 4, 3, 2, 1, 3, 1, 3})
	tab := StepNoise(r)
	want := []string{"run 1", "8", "4", "2", "1", "2", "67%"}
	if strings.Join(tab.Rows[0], "|") != strings.Join(want, "|") {
		t.Errorf("StepNoise row = %q, want %q", tab.Rows[0], want)
	}
	// A diverged run is measured up to its first non-finite step.
	if got := secondHalf([]float64{1, 2, 3, 4, math.Inf(1), 5}); len(got) != 2 || got[0] != 3 || got[1] != 4 {
		t.Errorf("secondHalf = %v, want [3 4]", got)
	}
}

func TestTableEscapesEveryCell(t *testing.T) {
	tab := Table{Caption: `<b>"cap"</b>`, Header: []string{"<script>alert(1)</script>"}, Rows: [][]string{{`a "quoted" & <img src=x onerror=alert(1)>`}}}
	h := tab.HTML()
	for _, bad := range []string{"<script>", "<img", "<b>"} {
		if strings.Contains(h, bad) {
			t.Errorf("HTML contains unescaped %q:\n%s", bad, h)
		}
	}
	if !strings.Contains(h, "&lt;img src=x onerror=alert(1)&gt;") {
		t.Errorf("escaped text missing:\n%s", h)
	}
	txt := Table{Header: []string{"a", "bbb"}, Rows: [][]string{{"cccc", "d"}}}.Text()
	if txt != "a     bbb\ncccc  d\n" {
		t.Errorf("Text() = %q", txt)
	}
}

func TestParamsCountsWeightsAndBiases(t *testing.T) {
	spec := hparams.MustSpecOf(struct {
		Hidden []int `hp:"hidden_layers" default:"4"`
		Layers int   `hp:"fnn_num_hidden_layers" default:"0"`
	}{})
	v := spec.Defaults()
	deep, err := v.With("hidden_layers", []int{8, 8})
	if err != nil {
		t.Fatal(err)
	}
	linear, err := v.With("hidden_layers", []int{})
	if err != nil {
		t.Fatal(err)
	}
	tab, err := Params("moons", v, deep, linear)
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{
		{"hidden_layers=4", "2→4→2", "16", "6", "22"},
		{"hidden_layers=8,8", "2→8→8→2", "96", "18", "114"},
		{"hidden_layers=\"\"", "2→2", "4", "2", "6"},
	}
	for i := range want {
		if strings.Join(tab.Rows[i], "|") != strings.Join(want[i], "|") {
			t.Errorf("row %d = %q, want %q", i, tab.Rows[i], want[i])
		}
	}
}

func TestSchedulesPreviewEveryStep(t *testing.T) {
	v := training.Spec.Defaults()
	set := func(name string, x any) {
		var err error
		if v, err = v.With(name, x); err != nil {
			t.Fatal(err)
		}
	}
	set("epochs", 4)
	set("batch_size", 400) // 800 training rows of the default 1000: 2 steps per epoch
	set("lr_schedule", "step")
	set("lr_decay_epochs", 2)
	set("lr_decay_rate", 0.5)
	curves, err := Schedules("moons", v)
	if err != nil {
		t.Fatal(err)
	}
	c := curves[0]
	wantX := []float64{0, 0.5, 1, 1.5, 2, 2.5, 3, 3.5}
	wantY := []float64{0.01, 0.01, 0.01, 0.01, 0.005, 0.005, 0.005, 0.005}
	if len(c.X) != len(wantX) {
		t.Fatalf("X = %v, want %v", c.X, wantX)
	}
	for i := range wantX {
		if c.X[i] != wantX[i] || math.Abs(c.Y[i]-wantY[i]) > 1e-12 {
			t.Errorf("step %d: (%g, %g), want (%g, %g)", i, c.X[i], c.Y[i], wantX[i], wantY[i])
		}
	}
}

func TestChartsKeepUserTextOutOfTheMarkup(t *testing.T) {
	evil := `</script><img src=x onerror=alert(1)>`
	for _, c := range []interface{ Fragment() (string, error) }{
		plotting.Histogram([]plotting.Sample{{Name: evil, Values: []float64{1, 2}}}, plotting.HistogramOptions{Title: evil, XName: evil}),
		LRRangeChart(&training.LRFind{Points: []training.LRPoint{{LearningRate: 0.1, Loss: 1, Smoothed: 1}}, Suggested: 0.1}),
	} {
		f, err := c.Fragment()
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(f, "<img src=x") || strings.Count(f, "</script>") != strings.Count(f, "<script") {
			t.Errorf("user text reached the markup:\n%s", f)
		}
	}
}
