package history

import (
	"encoding/json"
	"math"
	"strings"
	"testing"
)

var nan = math.NaN()

func TestEpochJSONRoundTrip(t *testing.T) {
	tests := []Epoch{
		{Epoch: 1, TrainLoss: 0.69, ValLoss: 0.7, ValAccuracy: 0.5, ValError: nan, TrainAccuracy: 0.52, LearningRate: 0.01, Steps: 25, Seconds: 0.1},
		{Epoch: 2, TrainLoss: nan, ValLoss: nan, ValAccuracy: nan, ValError: nan, TrainAccuracy: nan, LearningRate: nan, Steps: 0, Seconds: nan},
		{Epoch: 3, TrainLoss: math.Inf(1), ValLoss: math.Inf(-1), ValError: 0.25, ValAccuracy: nan, TrainAccuracy: nan, LearningRate: 1e-300, Seconds: 0},
	}
	for _, e := range tests {
		b, err := json.Marshal(e)
		if err != nil {
			t.Fatalf("Marshal(%+v): %v", e, err)
		}
		var got Epoch
		if err := json.Unmarshal(b, &got); err != nil {
			t.Fatalf("Unmarshal(%s): %v", b, err)
		}
		want := e
		for _, f := range []*float64{&want.TrainLoss, &want.ValLoss} { // Inf is stored as null, read as NaN
			if math.IsInf(*f, 0) {
				*f = nan
			}
		}
		if !got.Equal(want) {
			t.Errorf("round trip of %+v via %s gave %+v", e, b, got)
		}
	}
}

func TestEpochJSONNullAndAbsent(t *testing.T) {
	b, _ := json.Marshal(Epoch{Epoch: 4, TrainLoss: 0.5, ValLoss: nan, ValAccuracy: nan, ValError: nan, TrainAccuracy: nan, LearningRate: nan, Seconds: nan})
	if !strings.Contains(string(b), `"val_loss":null`) || !strings.Contains(string(b), `"train_loss":0.5`) {
		t.Errorf("NaN not written as null: %s", b)
	}
	var e Epoch
	if err := json.Unmarshal([]byte(`{"epoch":2,"train_loss":0.3}`), &e); err != nil {
		t.Fatal(err)
	}
	if e.Epoch != 2 || e.TrainLoss != 0.3 || !math.IsNaN(e.ValLoss) || !math.IsNaN(e.Seconds) {
		t.Errorf("absent metrics should read as NaN: %+v", e)
	}
	for _, bad := range []string{`{"epoch":1,"val_loss":"x"}`, `{"epoch":"one"}`, `[1]`, `{`} {
		if err := json.Unmarshal([]byte(bad), &e); err == nil {
			t.Errorf("Unmarshal(%s) accepted", bad)
		}
	}
}

func TestHistoryJSONRoundTrip(t *testing.T) {
	h := History{Status: Diverged, Err: "train loss is NaN at epoch 2, step 3",
		Epochs:   []Epoch{{Epoch: 1, TrainLoss: 0.5, ValLoss: nan, ValAccuracy: nan, ValError: nan, TrainAccuracy: nan, LearningRate: 10, Steps: 3, Seconds: 1}},
		StepLoss: []float64{0.7, 3.2, nan, math.Inf(1)},
		Layers:   []LayerParams{{Name: "dense0", Inputs: 2, Outputs: 16, Weights: 32, Biases: 16}, {Name: "out", Inputs: 16, Outputs: 2, Weights: 32, Biases: 2}}}
	b, err := json.Marshal(h)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), `"step_loss":[0.7,3.2,null,null]`) {
		t.Errorf("step losses not stored with null: %s", b)
	}
	var got History
	if err := json.Unmarshal(b, &got); err != nil {
		t.Fatal(err)
	}
	if got.Status != h.Status || got.Err != h.Err || len(got.Epochs) != 1 || !got.Epochs[0].Equal(h.Epochs[0]) ||
		len(got.StepLoss) != 4 || got.StepLoss[1] != 3.2 || !math.IsNaN(got.StepLoss[2]) || !math.IsNaN(got.StepLoss[3]) ||
		len(got.Layers) != 2 || got.Layers[1] != h.Layers[1] || got.Params() != 82 {
		t.Errorf("round trip gave %+v", got)
	}
	// The zero History writes an empty list of epochs, not null.
	b, _ = json.Marshal(History{})
	if string(b) != `{"status":"","epochs":[]}` {
		t.Errorf("zero History is %s", b)
	}
	if err := json.Unmarshal([]byte(`{"status":"finished","step_loss":["x"]}`), &got); err == nil {
		t.Error("a string step loss was accepted")
	}
}

func TestStatus(t *testing.T) {
	tests := []struct {
		s            Status
		final, valid bool
	}{
		{Running, false, true}, {Finished, true, true}, {Diverged, true, true}, {Cancelled, true, true},
		{Failed, true, true}, {"", false, false}, {"done", false, false},
	}
	for _, tt := range tests {
		if tt.s.Final() != tt.final || tt.s.Valid() != tt.valid {
			t.Errorf("%q: Final=%v Valid=%v, want %v %v", tt.s, tt.s.Final(), tt.s.Valid(), tt.final, tt.valid)
		}
	}
}

func ep(n int, train, val float64) Epoch {
	return Epoch{Epoch: n, TrainLoss: train, ValLoss: val}
}

func TestBestLast(t *testing.T) {
	tests := []struct {
		name   string
		epochs []Epoch
		best   int // epoch number; 0 for none
		last   int
	}{
		{"empty", nil, 0, 0},
		{"by validation loss", []Epoch{ep(1, 0.9, 0.8), ep(2, 0.5, 0.6), ep(3, 0.2, 0.7)}, 2, 3},
		{"first of equals", []Epoch{ep(1, 0.9, 0.5), ep(2, 0.4, 0.5)}, 1, 2},
		{"no validation: by train loss", []Epoch{ep(1, 0.9, nan), ep(2, 0.5, nan), ep(3, 0.7, nan)}, 2, 3},
		{"NaN validation epochs skipped", []Epoch{ep(1, 0.1, nan), ep(2, 0.5, 0.9), ep(3, 0.4, nan)}, 2, 3},
		{"diverged at the end", []Epoch{ep(1, 0.9, 0.9), ep(2, 0.5, 0.4), ep(3, nan, nan)}, 2, 3},
		{"Inf validation loss skipped", []Epoch{ep(1, 0.9, math.Inf(1)), ep(2, 0.5, 3)}, 2, 2},
		{"nothing finite", []Epoch{ep(1, nan, nan), ep(2, math.Inf(1), nan)}, 0, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := &History{Epochs: tt.epochs}
			best, ok := h.Best()
			if ok != (tt.best != 0) || ok && best.Epoch != tt.best {
				t.Errorf("Best = epoch %d, %v; want %d", best.Epoch, ok, tt.best)
			}
			last, ok := h.Last()
			if ok != (tt.last != 0) || ok && last.Epoch != tt.last {
				t.Errorf("Last = epoch %d, %v; want %d", last.Epoch, ok, tt.last)
			}
		})
	}
	var nilHistory *History
	if _, ok := nilHistory.Best(); ok {
		t.Error("nil History has a best epoch")
	}
	if _, ok := nilHistory.Last(); ok {
		t.Error("nil History has a last epoch")
	}
}

func TestParams(t *testing.T) {
	l := LayerParams{Name: "dense", Inputs: 784, Outputs: 128, Weights: 784 * 128, Biases: 128}
	h := &History{Layers: []LayerParams{l, {Name: "out", Inputs: 128, Outputs: 10, Weights: 1280, Biases: 10}}}
	if l.Total() != 100480 || h.Params() != 101770 {
		t.Errorf("Total %d Params %d", l.Total(), h.Params())
	}
}

func TestFinite(t *testing.T) {
	for _, f := range []float64{0, math.Copysign(0, -1), -1.5, math.MaxFloat64, math.SmallestNonzeroFloat64} {
		if !Finite(f) {
			t.Errorf("Finite(%v) = false, want true", f)
		}
	}
	for _, f := range []float64{nan, math.Inf(1), math.Inf(-1)} {
		if Finite(f) {
			t.Errorf("Finite(%v) = true, want false", f)
		}
	}
}

// Epochs reached by half of the seeds or fewer (early stopping) do not
// count for the best epoch of the mean: seed 1 stopped after epoch 2,
// seed 2 dips at epoch 4.
func TestCurveBestAllSeeds(t *testing.T) {
	seed := func(vals ...float64) *History {
		h := &History{Status: Finished}
		for i, v := range vals {
			h.Epochs = append(h.Epochs, Epoch{Epoch: i + 1, ValLoss: v})
		}
		return h
	}
	c := MeanCurve([]*History{seed(0.6, 0.4), seed(0.6, 0.5, 0.45, 0.1)}, ValLoss)
	if i, ok := c.Best(); !ok || c.Epochs[i] != 2 {
		t.Errorf("best epoch %d (ok %v); want 2, the best epoch both seeds reached", c.Epochs[i], ok)
	}
}
