package lab

import (
	"context"
	"math"
	"strings"
	"testing"

	"github.com/hyperlab-go/hyperlab/training"
)

func TestGridTrainsEveryCombinationAndNamesTheBest(t *testing.T) {
	t.Setenv("HYPERLAB_RUNS", t.TempDir())
	v := quick(t)
	trials, err := training.GridTrials(v, map[string][]any{"learning_rate": {0.001, 0.1}, "fnn_num_hidden_nodes": {2, 8}})
	if err != nil {
		t.Fatal(err)
	}
	res, err := SweepErr(context.Background(), v, "moons", trials, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Rows) != 4 || strings.Join(res.Names, ",") != "fnn_num_hidden_nodes,learning_rate" {
		t.Fatalf("%d rows over %v; want 4 rows varying fnn_num_hidden_nodes and learning_rate", len(res.Rows), res.Names)
	}
	best, ok := res.Best()
	if !ok {
		t.Fatal("no best trial")
	}
	for _, r := range res.Rows {
		if r.BestLoss < best.BestLoss {
			t.Errorf("trial %d has best loss %g below the best trial's %g", r.Trial, r.BestLoss, best.BestLoss)
		}
	}
	s := res.BestSummary()
	if !strings.HasPrefix(s, "Best of 4 trials: fnn_num_hidden_nodes=") || !strings.Contains(s, "learning_rate=") {
		t.Errorf("BestSummary = %q", s)
	}
	// The views see only the varied hyperparameters, and know the log-scaled ones.
	trialsOut, opts := res.trials()
	if len(trialsOut) != 4 || len(trialsOut[0].Values) != 2 {
		t.Errorf("view trials: %+v", trialsOut)
	}
	if !strings.Contains(","+strings.Join(opts.LogParams, ",")+",", ",learning_rate,") {
		t.Errorf("LogParams = %v; want learning_rate among them", opts.LogParams)
	}
	// A second sweep over the same trials reads them back from the store.
	reused := 0
	if _, err := SweepErr(context.Background(), v, "moons", trials, func(ev training.TrialEvent) {
		if ev.Done && ev.Reused {
			reused++
		}
	}); err != nil {
		t.Fatal(err)
	}
	if reused != 4 {
		t.Errorf("%d of 4 trials were reused from the store", reused)
	}
}

func TestSweepViewsShowInNotebooks(t *testing.T) {
	t.Setenv("HYPERLAB_RUNS", t.TempDir())
	v := quick(t)
	_, errOut, html, status := cell(t, true, nil, nil, func() {
		g := Grid(v, "moons", map[string][]any{"learning_rate": {0.01, 0.1}, "batch_size": {16, 32}})
		g.ShowHeatmap("learning_rate", "batch_size")
		g.ShowHeatmapIn("learning_rate", "batch_size", 0, 0.7)
		g.ShowSlice("learning_rate")
		g.ShowParallel()
	})
	if status != -1 {
		t.Fatalf("exit %d: %s", status, errOut)
	}
	for _, want := range []string{`<table class="hyperlab-results">`, "Best of 4 trials", "hyperlab-chart"} {
		if !strings.Contains(html, want) {
			t.Errorf("sweep output lacks %q", want)
		}
	}
	if n := strings.Count(html, `class="hyperlab-chart"`); n != 4 {
		t.Errorf("%d charts shown, want 4 (two heatmaps, slice, parallel)", n)
	}
	if !strings.Contains(html, `\u0022max\u0022:0.7`) && !strings.Contains(html, `"max":0.7`) {
		t.Error("the anchored heatmap's colour scale does not end at 0.7")
	}
}

func TestFindLRSuggestsARate(t *testing.T) {
	v := quick(t)
	res, err := FindLRErr(context.Background(), v, "moons", training.LRFindOptions{Steps: 40})
	if err != nil {
		t.Fatal(err)
	}
	// The documented default start, training.LRFindOptions' 1e-7, as the CLI's.
	if len(res.Points) == 0 || res.Points[0].LearningRate != 1e-7 {
		t.Errorf("the test should start at training's default 1e-7, got %+v", res.Points[:min(1, len(res.Points))])
	}
	if !(res.Suggested > 1e-7 && res.Suggested < 10) {
		t.Errorf("suggested %g (%s)", res.Suggested, res.Rule)
	}
}

// A sweep stacks its trials unless NoStack is given; the rows agree.
func TestSweepNoStackGivesSameRows(t *testing.T) {
	v := quick(t)
	trials, err := training.GridTrials(v, map[string][]any{"learning_rate": {0.003, 0.03}, "seed": {1, 2}})
	if err != nil {
		t.Fatal(err)
	}
	t.Setenv("HYPERLAB_RUNS", t.TempDir())
	stacked, err := SweepErr(context.Background(), v, "moons", trials, nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Setenv("HYPERLAB_RUNS", t.TempDir())
	alone, err := SweepErr(context.Background(), v, "moons", trials, nil, NoStack())
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range stacked.Rows {
		a := alone.Rows[i]
		if r.Epochs != a.Epochs || math.Abs(r.ValLoss-a.ValLoss) > 1e-6*(1+a.ValLoss) {
			t.Errorf("trial %d: stacked val loss %v after %d epochs, alone %v after %d", i, r.ValLoss, r.Epochs, a.ValLoss, a.Epochs)
		}
	}
}

// A notebook's sweep table leaves out wall-clock seconds (they would change
// the saved notebook at every run), even across batch sizes; the rows keep
// them.
func TestShowTableLeavesOutSeconds(t *testing.T) {
	t.Setenv("HYPERLAB_RUNS", t.TempDir())
	v := quick(t)
	for axis, values := range map[string][]any{"learning_rate": {0.01, 0.1}, "batch_size": {16, 64}} {
		trials, err := training.GridTrials(v, map[string][]any{axis: values})
		if err != nil {
			t.Fatal(err)
		}
		res, err := SweepErr(context.Background(), v, "moons", trials, nil)
		if err != nil {
			t.Fatal(err)
		}
		var b strings.Builder
		stdout = &b
		res.ShowTable()
		stdout = nil
		header, _, _ := strings.Cut(b.String(), "\n")
		if !strings.Contains(header, "best_epoch") || strings.Contains(header, "seconds") {
			t.Errorf("sweep over %s: header %q; want the table without seconds", axis, header)
		}
		if res.Rows[0].Seconds <= 0 {
			t.Errorf("sweep over %s: Rows[0].Seconds = %g; the rows keep their wall time", axis, res.Rows[0].Seconds)
		}
	}
}
