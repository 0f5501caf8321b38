package training

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"testing"

	"github.com/hyperlab-go/hyperlab/history"
	"github.com/hyperlab-go/hyperlab/runstore"
)

func openStore(t *testing.T) *runstore.Store {
	t.Helper()
	s, err := runstore.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// Cancelling stops after the current step, returns the partial History
// with a nil error, and the store marks the run cancelled; the next Run
// trains it again.
func TestCancel(t *testing.T) {
	data, store := moons(t), openStore(t)
	v := values(t, "epochs", 5)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var calls []int
	h, err := Run(ctx, v, data, Store(store), StepEvery(0), OnStep(func(step int, _ float64) {
		calls = append(calls, step)
		if step == 60 {
			cancel()
		}
	}))
	if err != nil {
		t.Fatalf("a cancelled run returned an error: %v", err)
	}
	if h.Status != history.Cancelled || len(h.StepLoss) != 60 || len(h.Epochs) != 2 {
		t.Fatalf("status %s, %d steps, %d epochs; want cancelled after step 60, in epoch 3", h.Status, len(h.StepLoss), len(h.Epochs))
	}
	if len(calls) != 60 {
		t.Errorf("StepEvery(0): OnStep called %d times for 60 steps", len(calls))
	}
	run, err := store.Load(RunID(v, data))
	if err != nil {
		t.Fatal(err)
	}
	if run.History.Status != history.Cancelled || len(run.History.Epochs) != 2 || len(run.History.StepLoss) != 60 {
		t.Errorf("stored: status %s, %d epochs, %d steps", run.History.Status, len(run.History.Epochs), len(run.History.StepLoss))
	}
	epochs := 0
	h, err = Run(context.Background(), v, data, Store(store), OnEpoch(func(history.Epoch) { epochs++ }))
	if err != nil || h.Status != history.Finished || epochs != 5 {
		t.Errorf("re-run of a cancelled run: %v, status %s, %d epochs trained", err, h.Status, epochs)
	}
}

// A finished run is loaded instead of trained; NoCache trains again.
func TestStoreReusesFinishedRun(t *testing.T) {
	data, store := moons(t), openStore(t)
	v := values(t, "epochs", 3)
	first, err := Run(context.Background(), v, data, Store(store))
	if err != nil {
		t.Fatal(err)
	}
	trained := 0
	count := OnEpoch(func(history.Epoch) { trained++ })
	var reused bool
	again, err := Run(context.Background(), v, data, Store(store), count, Reused(&reused))
	if err != nil {
		t.Fatal(err)
	}
	if !reused || trained != 0 || !sameHistory(first, again) || again.Epochs[0].Seconds != first.Epochs[0].Seconds {
		t.Errorf("second run trained %d epochs; stored history equal: %v", trained, sameHistory(first, again))
	}
	fresh, err := Run(context.Background(), v, data, Store(store), NoCache(), count, Reused(&reused))
	if err != nil {
		t.Fatal(err)
	}
	if reused || trained != 3 || !sameHistory(first, fresh) {
		t.Errorf("NoCache trained %d epochs; same history: %v", trained, sameHistory(first, fresh))
	}
	other, _ := Run(context.Background(), values(t, "epochs", 3, "seed", 9), data, Store(store))
	if sameHistory(first, other) {
		t.Error("another seed reused the stored run")
	}
}

// The decision boundary matches the training labels on most training
// points, and is stored as boundary.json and reused with the run.
func TestDecisionBoundary(t *testing.T) {
	data, store := moons(t), openStore(t)
	v := values(t, "epochs", 20)
	var b Boundary
	var w Weights
	if _, err := Run(context.Background(), v, data, Store(store), DecisionBoundary(&b, 40), WeightSnapshots(&w)); err != nil {
		t.Fatal(err)
	}
	if len(b.Xs) != 40 || len(b.Ys) != 40 || len(b.Class) != 1600 || len(b.Confidence) != 1600 {
		t.Fatalf("grid %d×%d with %d classes", len(b.Xs), len(b.Ys), len(b.Class))
	}
	// Look up the grid cell nearest to each training point.
	agree := 0
	tr := data.Train
	for i := range tr.Len() {
		ix := nearest(b.Xs, float64(tr.X[2*i]))
		iy := nearest(b.Ys, float64(tr.X[2*i+1]))
		if b.Class[iy*len(b.Xs)+ix] == int(tr.Labels[i]) {
			agree++
		}
	}
	if frac := float64(agree) / float64(tr.Len()); frac < 0.9 {
		t.Errorf("the boundary agrees with %.2f of the training labels, want ≥ 0.9", frac)
	}
	if len(w.Before) != 3 || len(w.After) != 3 || slices.Equal(w.Before[0].W, w.After[0].W) {
		t.Errorf("weights before/after: %d/%d layers, first layer unchanged: %v", len(w.Before), len(w.After), slices.Equal(w.Before[0].W, w.After[0].W))
	}
	var saved Boundary
	data2, err := os.ReadFile(filepath.Join(store.Root(), RunID(v, data), "boundary.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data2, &saved); err != nil || len(saved.Class) != 1600 {
		t.Fatalf("boundary.json: %v, %d classes", err, len(saved.Class))
	}
	for _, name := range []string{"boundary.json", "weights.json"} {
		fi, err := os.Stat(filepath.Join(store.Root(), RunID(v, data), name))
		if err != nil {
			t.Fatal(err)
		}
		if mode := fi.Mode().Perm(); mode != 0o644 {
			t.Errorf("%s has mode %o, want 644 like the store's own files", name, mode)
		}
	}
	var again Boundary
	trained := 0
	if _, err := Run(context.Background(), v, data, Store(store), DecisionBoundary(&again, 40), OnEpoch(func(history.Epoch) { trained++ })); err != nil {
		t.Fatal(err)
	}
	if trained != 0 || !slices.Equal(again.Class, b.Class) {
		t.Errorf("reused run: trained %d epochs, same boundary: %v", trained, slices.Equal(again.Class, b.Class))
	}
}

func nearest(xs []float64, x float64) int {
	best := 0
	for i := range xs {
		if abs(xs[i]-x) < abs(xs[best]-x) {
			best = i
		}
	}
	return best
}

func abs(x float64) float64 { return max(x, -x) }

// A diverged run would diverge again: the store returns it as it is.
func TestStoreReusesDivergedRun(t *testing.T) {
	data, store := moons(t), openStore(t)
	v := values(t, "optimizer", "sgd", "learning_rate", 10.0)
	first, err := Run(context.Background(), v, data, Store(store))
	if err != nil || first.Status != history.Diverged {
		t.Fatalf("%v, status %s", err, first.Status)
	}
	steps := 0
	again, err := Run(context.Background(), v, data, Store(store), StepEvery(0), OnStep(func(int, float64) { steps++ }))
	if err != nil || steps != 0 || !sameHistory(first, again) {
		t.Errorf("%v; trained %d steps; same history %v", err, steps, sameHistory(first, again))
	}
}

// Identical runs started at once on one store all succeed: one trains,
// the others wait for it and reuse its run instead of failing with "run …
// is complete" or "being trained elsewhere".
func TestIdenticalRunsRaceReuseTheWinner(t *testing.T) {
	s := openStore(t)
	data := moonsSmall(t)
	v := values(t, ParamEpochs, 3)
	const n = 4
	var wg sync.WaitGroup
	reused := make([]bool, n)
	errs := make([]error, n)
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, errs[i] = Run(context.Background(), v, data, Store(s), Reused(&reused[i]))
		}()
	}
	wg.Wait()
	trained := 0
	for i := range n {
		if errs[i] != nil {
			t.Errorf("run %d: %v", i, errs[i])
		}
		if !reused[i] {
			trained++
		}
	}
	if trained != 1 {
		t.Errorf("%d of %d identical runs trained; want 1, the others reusing it", trained, n)
	}
	if runs, err := s.List(); err != nil || len(runs) != 1 || !runs[0].Complete {
		t.Errorf("store: %d runs, %v; want one complete run", len(runs), err)
	}
}
