package history

import (
	"encoding/json"
	"math"
	"testing"
)

// Epochs stored before the penalty was recorded apart read back with a NaN
// penalty (unknown), not 0 (no regularization); new ones round-trip.
func TestPenaltyJSON(t *testing.T) {
	var old Epoch
	if err := json.Unmarshal([]byte(`{"epoch":1,"train_loss":0.5,"val_loss":1.55}`), &old); err != nil {
		t.Fatal(err)
	}
	if !math.IsNaN(old.TrainPenalty) || !math.IsNaN(old.ValPenalty) || old.Objective() != 0.5 {
		t.Errorf("old epoch: penalties %g, %g, objective %g; want NaN, NaN, 0.5", old.TrainPenalty, old.ValPenalty, old.Objective())
	}
	e := Epoch{Epoch: 2, TrainLoss: 0.4, ValLoss: 0.45, TrainPenalty: 0.1, ValPenalty: 0.09, ValAccuracy: math.NaN()}
	b, err := json.Marshal(e)
	if err != nil {
		t.Fatal(err)
	}
	var back Epoch
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	if back.TrainPenalty != 0.1 || back.ValPenalty != 0.09 || math.Abs(back.Objective()-0.5) > 1e-12 {
		t.Errorf("round trip of %s: %+v", b, back)
	}
	if got := TrainPenalty.Of(back); got != 0.1 || ValPenalty.Label() != "validation penalty" || ValAccuracy.LowerIsBetter() {
		t.Errorf("metric accessors: %g %q", got, ValPenalty.Label())
	}
}

// The best epoch of a group is judged on the seed mean, not on one seed's dip.
func TestDataMeanCurveBest(t *testing.T) {
	mk := func(vals ...float64) *History {
		h := &History{}
		for i, v := range vals {
			h.Epochs = append(h.Epochs, Epoch{Epoch: i + 1, ValLoss: v})
		}
		return h
	}
	// Seed 1 dips at epoch 2; the mean is lowest at epoch 3. Seed 3 stopped early.
	c := MeanCurve([]*History{mk(0.5, 0.2, 0.35), mk(0.5, 0.45, 0.3), mk(0.5, 0.44)}, ValLoss)
	if i, ok := c.Best(); !ok || c.Epochs[i] != 3 {
		t.Errorf("best epoch of the mean: %d, want 3 (means %v)", c.Epochs[i], c.Means())
	}
	if c.Stats[2].N != 2 || c.Stats[0].SD != 0 {
		t.Errorf("stats %+v", c.Stats)
	}
	s := Summarize([]float64{1, 2, math.NaN(), 3})
	if s.Mean != 2 || s.SD != 1 || s.Min != 1 || s.Max != 3 || s.N != 3 || s.Dropped != 1 {
		t.Errorf("Summarize: %+v", s)
	}
}
