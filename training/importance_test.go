package training

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/hyperlab-go/hyperlab/history"
)

// TestImportanceNoOpIsNearZero fits a synthetic objective that depends
// strongly on learning_rate (log scale), less on dropout_rate and not at
// all on batch_size: batch_size must get a share near 0, learning_rate the
// largest.
func TestImportanceNoOpIsNearZero(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 7))
	var rows []Row
	for i := range 60 {
		lr := math.Pow(10, -4+4*rng.Float64())
		drop := 0.5 * rng.Float64()
		batch := []int{16, 32, 64, 128}[rng.IntN(4)]
		loss := math.Pow(math.Log10(lr)+2, 2) + 3*drop + 0.01*rng.NormFloat64()
		rows = append(rows, Row{Trial: i, Status: history.Finished, BestLoss: loss,
			Values: map[string]any{ParamLearningRate: lr, ParamDropoutRate: drop, ParamBatchSize: batch}})
	}
	res := NewResults(rows)
	imp, err := res.Importance(Spec, 1)
	if err != nil {
		t.Fatal(err)
	}
	share := map[string]float64{}
	for _, i := range imp {
		share[i.Name] = i.Share
	}
	if imp[0].Name != ParamLearningRate || share[ParamLearningRate] < 0.7 {
		t.Errorf("learning_rate should explain most of the loss: %+v", imp)
	}
	if share[ParamBatchSize] > 0.02 {
		t.Errorf("batch_size is a no-op but got share %.3f: %+v", share[ParamBatchSize], imp)
	}
	if !(share[ParamDropoutRate] > share[ParamBatchSize]) {
		t.Errorf("dropout_rate (a small effect) should outrank the no-op batch_size: %+v", imp)
	}
	sum := 0.0
	for _, i := range imp {
		sum += i.Share
	}
	if sum > 1.0001 {
		t.Errorf("shares sum to %.3f > 1", sum)
	}
}

func TestImportanceNeedsFinishedTrials(t *testing.T) {
	rows := []Row{{Status: history.Finished, BestLoss: 1, Values: map[string]any{ParamLearningRate: 0.1}},
		{Status: history.Diverged, BestLoss: math.NaN(), Values: map[string]any{ParamLearningRate: 10.0}}}
	if _, err := NewResults(rows).Importance(Spec, 1); err == nil {
		t.Error("importance of one finished trial did not fail")
	}
}

// Of more finished trials than ImportanceRows, Importance measures
// ImportanceRows drawn with its seed: the same ones for the same seed,
// every one a trial of the sweep, the sweep's own order untouched.
func TestImportanceSample(t *testing.T) {
	rows := make([]Row, ImportanceRows+500)
	for i := range rows {
		rows[i] = Row{Trial: i}
	}
	small := rows[:ImportanceRows]
	if got := importanceSample(small, 1); len(got) != ImportanceRows || &got[0] != &small[0] {
		t.Errorf("%d trials: a sample of %d, want them all as they are", len(small), len(got))
	}
	a, b, c := importanceSample(rows, 1), importanceSample(rows, 1), importanceSample(rows, 2)
	if len(a) != ImportanceRows {
		t.Fatalf("a sample of %d trials of %d, want %d", len(a), len(rows), ImportanceRows)
	}
	seen := map[int]bool{}
	for i := range a {
		if a[i].Trial != b[i].Trial {
			t.Fatalf("seed 1 drew trial %d, then trial %d at place %d", a[i].Trial, b[i].Trial, i)
		}
		if seen[a[i].Trial] {
			t.Fatalf("trial %d drawn twice", a[i].Trial)
		}
		seen[a[i].Trial] = true
	}
	if slices.EqualFunc(a, c, func(x, y Row) bool { return x.Trial == y.Trial }) {
		t.Error("seeds 1 and 2 drew the same trials")
	}
	for i, r := range rows {
		if r.Trial != i {
			t.Fatalf("sampling reordered the sweep: trial %d at place %d", r.Trial, i)
		}
	}
}

// Importance of more finished trials than ImportanceRows is that of the
// ImportanceRows drawn with its seed.
func TestImportanceMeasuresTheSample(t *testing.T) {
	if testing.Short() {
		t.Skip("fits two forests to a thousand trials; skipped with -short")
	}
	rng := rand.New(rand.NewPCG(3, 3))
	var rows []Row
	for i := range ImportanceRows + 200 {
		lr := math.Pow(10, -4+4*rng.Float64())
		rows = append(rows, Row{Trial: i, Status: history.Finished, BestLoss: math.Abs(math.Log10(lr)+2) + 0.1*rng.NormFloat64(),
			Values: map[string]any{ParamLearningRate: lr, ParamDropoutRate: 0.5 * rng.Float64()}})
	}
	all, err := NewResults(rows).Importance(Spec, 5)
	if err != nil {
		t.Fatal(err)
	}
	sample, err := NewResults(importanceSample(rows, 5)).Importance(Spec, 5)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(all, sample) {
		t.Errorf("importance of %d trials %v, of its sample of %d %v: want the same", len(rows), all, ImportanceRows, sample)
	}
}
