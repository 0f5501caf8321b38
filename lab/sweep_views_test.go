package lab

import (
	"encoding/json"
	"math"
	"strings"
	"testing"

	"github.com/hyperlab-go/hyperlab/history"
	"github.com/hyperlab-go/hyperlab/training"
)

// viewRows are four trials whose final validation loss differs from their
// best: one finished, one pruned, one diverged, one failed before training.
func viewRows() *training.Results {
	run := func(status history.Status, losses ...float64) *history.History {
		h := &history.History{Status: status}
		for i, l := range losses {
			h.Epochs = append(h.Epochs, history.Epoch{Epoch: i + 1, TrainLoss: l, ValLoss: l,
				ValAccuracy: math.NaN(), ValError: math.NaN(), TrainAccuracy: math.NaN()})
		}
		return h
	}
	return training.NewResults([]training.Row{
		{Trial: 0, ID: "a", Values: map[string]any{"learning_rate": 0.1}, Status: history.Finished, BestLoss: 0.321, ValLoss: 0.456, History: run(history.Finished, 0.5, 0.321, 0.456)},
		{Trial: 1, ID: "b", Values: map[string]any{"learning_rate": 1.0}, Status: history.Pruned, BestLoss: 0.555, ValLoss: 0.58, History: run(history.Pruned, 0.6, 0.555, 0.58)},
		{Trial: 2, ID: "c", Values: map[string]any{"learning_rate": 10.0}, Status: history.Diverged, BestLoss: 0.7, ValLoss: math.NaN(), History: run(history.Diverged, 0.7, math.NaN())},
		{Trial: 3, ID: "d", Values: map[string]any{"learning_rate": 100.0}, Status: history.Failed, BestLoss: math.NaN(), ValLoss: math.NaN()},
	})
}

// The sweep views show each trial's best validation loss, the number the
// table ranks by, for a finished or pruned trial, and no point for one
// that diverged or failed: the same in every view, linked or not.
func TestSweepViewsShowTheBestValidationLoss(t *testing.T) {
	res := viewRows()
	trials := SweepTrials(res.Rows, []string{"learning_rate"})
	want := []float64{0.321, 0.555, math.NaN(), math.NaN()}
	for i, tr := range trials {
		if got := tr.Value; got != want[i] && !(math.IsNaN(got) && math.IsNaN(want[i])) {
			t.Errorf("trial %d: value %v, want %v", i, got, want[i])
		}
		if tr.Values["learning_rate"] != res.Rows[i].Values["learning_rate"] {
			t.Errorf("trial %d: values %v", i, tr.Values)
		}
	}
	o := SweepOptions(training.Spec)
	l, err := LinkedSweep(res, []string{"learning_rate"}, o)
	if err != nil {
		t.Fatal(err)
	}
	data, err := json.Marshal(l.Parallel.Option)
	if err != nil {
		t.Fatal(err)
	}
	p := string(data)
	for _, best := range []string{"0.321", "0.555"} {
		if !strings.Contains(p, best) {
			t.Errorf("the linked parallel coordinates lack the best validation loss %s:\n%s", best, p)
		}
	}
	for _, final := range []string{"0.456", "0.58"} {
		if strings.Contains(p, final) {
			t.Errorf("the linked parallel coordinates show the final validation loss %s, not the best:\n%s", final, p)
		}
	}
	if !strings.Contains(p, o.Metric) {
		t.Errorf("the linked parallel coordinates do not name %q:\n%s", o.Metric, p)
	}
	if len(l.Keys) != 3 {
		t.Errorf("the linked display has %d trials, want the 3 with a history", len(l.Keys))
	}
}
