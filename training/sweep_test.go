package training

import (
	"context"
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/hyperlab-go/hyperlab/datasets"
	"github.com/hyperlab-go/hyperlab/history"
	"github.com/hyperlab-go/hyperlab/hparams"
	"github.com/hyperlab-go/hyperlab/runstore"
)

func lrTrials(t *testing.T, epochs int, lrs ...any) []hparams.Values {
	t.Helper()
	base, err := Spec.Defaults().With("epochs", epochs)
	if err != nil {
		t.Fatal(err)
	}
	trials, err := GridTrials(base, map[string][]any{"learning_rate": lrs})
	if err != nil {
		t.Fatal(err)
	}
	return trials
}

func TestSweepRecordsFailuresAndKeepsOrder(t *testing.T) {
	var calls atomic.Int32
	s := &Sweep{Trials: lrTrials(t, 3, 0.001, 0.01, 0.02, 0.03, 10.0), Workers: 3, Train: fakeTrainer(&calls)}
	res, err := s.Run(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	want := []history.Status{history.Finished, history.Finished, history.Failed, history.Failed, history.Diverged}
	for i, row := range res.Rows {
		if row.Trial != i || row.Status != want[i] {
			t.Errorf("row %d: trial %d status %s, want trial %d status %s (%s)", i, row.Trial, row.Status, i, want[i], row.Error)
		}
	}
	if best, ok := res.Best(); !ok || best.Values["learning_rate"] != 0.01 {
		t.Errorf("best = %+v, want learning_rate 0.01", best)
	}
	if res.Rows[3].Error == "" || res.Rows[2].Error == "" {
		t.Errorf("failed rows lost their errors: %q, %q", res.Rows[2].Error, res.Rows[3].Error)
	}
	if calls.Load() != 5 {
		t.Errorf("trained %d times, want 5", calls.Load())
	}
}

func TestSweepWorkersRunInParallel(t *testing.T) {
	// Two workers must have two trials in flight at once: each trial waits
	// until it has seen another one running.
	var running, peak atomic.Int32
	var once sync.Once
	both := make(chan struct{})
	train := func(ctx context.Context, v hparams.Values, d datasets.Split, o ...Option) (*history.History, error) {
		n := running.Add(1)
		defer running.Add(-1)
		if n >= 2 {
			once.Do(func() { close(both) })
		}
		<-both
		peak.Store(max(peak.Load(), n))
		return &history.History{Status: history.Finished}, nil
	}
	s := &Sweep{Trials: lrTrials(t, 1, 0.1, 0.2, 0.3, 0.4), Workers: 2, Train: train}
	if _, err := s.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	if peak.Load() != 2 {
		t.Errorf("peak concurrency %d, want 2", peak.Load())
	}
}

func TestShardsPartitionTheTrials(t *testing.T) {
	trials := lrTrials(t, 1, 0.001, 0.002, 0.004, 0.008, 0.016, 0.032, 0.064)
	var all []string
	for i := range 3 {
		var calls atomic.Int32
		s := &Sweep{Trials: trials, Shard: Shard{Index: i, Count: 3}, Train: fakeTrainer(&calls)}
		res, err := s.Run(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range res.Rows {
			if r.Trial%3 != i {
				t.Errorf("shard %d ran trial %d", i, r.Trial)
			}
			all = append(all, r.ID)
		}
	}
	slices.Sort(all)
	var want []string
	for _, v := range trials {
		want = append(want, RunID(v, datasets.Split{}))
	}
	slices.Sort(want)
	if !slices.Equal(all, want) {
		t.Errorf("shards together ran %v, want every trial once: %v", all, want)
	}
}

func TestParseShard(t *testing.T) {
	tests := []struct {
		in      string
		want    Shard
		wantErr bool
	}{
		{"0/2", Shard{0, 2}, false},
		{"3/4", Shard{3, 4}, false},
		{"4/4", Shard{}, true},
		{"-1/2", Shard{}, true},
		{"1", Shard{}, true},
		{"a/b", Shard{}, true},
		{"0/0", Shard{}, false},
	}
	for _, tt := range tests {
		got, err := ParseShard(tt.in)
		if (err != nil) != tt.wantErr || (!tt.wantErr && got != tt.want) {
			t.Errorf("ParseShard(%q) = %v, %v; want %v, error %v", tt.in, got, err, tt.want, tt.wantErr)
		}
	}
}

func TestSweepResumeSkipsStoredTrials(t *testing.T) {
	store := openStore(t)
	var calls atomic.Int32
	trials := lrTrials(t, 2, 0.001, 0.01, 0.1, 10.0)
	storing := storingTrainer(store, fakeTrainer(&calls))
	first, err := (&Sweep{Trials: trials, Store: store, Train: storing}).Run(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if calls.Load() != 4 {
		t.Fatalf("first sweep trained %d trials, want 4", calls.Load())
	}
	var reused atomic.Int32
	second, err := (&Sweep{Trials: trials, Store: store, Train: storing,
		OnTrial: func(ev TrialEvent) {
			if ev.Done && ev.Reused {
				reused.Add(1)
			}
		}}).Run(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if calls.Load() != 4 || reused.Load() != 4 {
		t.Errorf("second sweep trained %d more and reused %d; want 0 and 4", calls.Load()-4, reused.Load())
	}
	for i := range first.Rows {
		a, b := first.Rows[i], second.Rows[i]
		if a.ID != b.ID || a.Status != b.Status || !sameFloat(a.BestLoss, b.BestLoss) || a.Epochs != b.Epochs {
			t.Errorf("row %d differs after resume: %+v vs %+v", i, a, b)
		}
	}
}

// storingTrainer writes what train returns into store, as Run does with
// its Store option.
func storingTrainer(store *runstore.Store, train Trainer) Trainer {
	return func(ctx context.Context, v hparams.Values, d datasets.Split, o ...Option) (*history.History, error) {
		h, err := train(ctx, v, d, o...)
		if err != nil {
			return h, err
		}
		w, err := store.Create(runstore.Meta{ID: RunID(v, d), Values: v.Map(), Seed: int64(v.Int("seed"))})
		if err != nil {
			return nil, err
		}
		for _, e := range h.Epochs {
			if err := w.Epoch(e); err != nil {
				return nil, err
			}
		}
		return h, w.Finish(h)
	}
}

func sameFloat(a, b float64) bool { return a == b || math.IsNaN(a) && math.IsNaN(b) }

func TestSuccessiveHalving(t *testing.T) {
	var calls atomic.Int32
	var rungs []string
	lrs := []any{0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 1.0, 10.0}
	s := &Sweep{Trials: lrTrials(t, 8, lrs...), Workers: 2, Train: fakeTrainer(&calls), Halving: &Halving{MinEpochs: 2},
		OnTrial: func(ev TrialEvent) {
			if ev.Done {
				rungs = append(rungs, fmt.Sprintf("%d:%d", ev.Rung, ev.Trial))
			}
		}}
	res, err := s.Run(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	// Rung 0: 8 trials × 2 epochs; rung 1: 4 × 4; rung 2: 2 × 8.
	if calls.Load() != 14 {
		t.Errorf("trained %d runs (%v), want 8+4+2 = 14", calls.Load(), rungs)
	}
	if len(res.Rows) != 8 {
		t.Fatalf("got %d rows, want one per trial", len(res.Rows))
	}
	best, _ := res.Best()
	if best.Values["learning_rate"] != 0.01 || best.Epochs != 8 {
		t.Errorf("best = lr %v after %d epochs, want 0.01 after the full 8", best.Values["learning_rate"], best.Epochs)
	}
	pruned := 0
	for _, r := range res.Rows {
		if r.Status == Pruned {
			pruned++
		}
	}
	// 0.03 (lr=0.03 panics: failed) is out at rung 0 without counting as pruned.
	if pruned < 4 {
		t.Errorf("%d rows pruned, want at least 4: %+v", pruned, res.Rows)
	}
	if _, err := (&Sweep{Trials: s.Trials, Halving: &Halving{MinEpochs: 1}, Shard: Shard{0, 2}}).Run(context.Background()); err == nil {
		t.Error("halving with two shards ran; want an error")
	}
}

func TestSweepCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	var calls atomic.Int32
	train := func(c context.Context, v hparams.Values, d datasets.Split, o ...Option) (*history.History, error) {
		if calls.Add(1) == 2 {
			cancel()
		}
		return &history.History{Status: history.Finished}, nil
	}
	res, err := (&Sweep{Trials: lrTrials(t, 1, 0.1, 0.2, 0.3, 0.4, 0.5), Workers: 1, Train: train}).Run(ctx)
	if !errors.Is(err, context.Canceled) {
		t.Errorf("error = %v, want context.Canceled", err)
	}
	if res == nil || len(res.Rows) >= 5 {
		t.Errorf("cancelled sweep still returned rows for every trial: %v", res)
	}
}

// TestSweepResumeWithRealTraining trains a small grid on moons into a
// store, then sweeps again: the second sweep must not call the trainer at
// all, and must report the same rows.
func TestSweepResumeWithRealTraining(t *testing.T) {
	if testing.Short() {
		t.Skip("trains models")
	}
	data := load(t, "moons", datasets.Options{Size: 200, Noise: 0.2, Seed: 1})
	store := openStore(t)
	var trained atomic.Int32
	counting := func(ctx context.Context, v hparams.Values, d datasets.Split, o ...Option) (*history.History, error) {
		trained.Add(1)
		return Run(ctx, v, d, o...)
	}
	base, _ := Spec.Defaults().With("epochs", 3)
	trials, err := GridTrials(base, map[string][]any{"learning_rate": {0.01, 0.1}, "batch_size": {16, 64}})
	if err != nil {
		t.Fatal(err)
	}
	first, err := (&Sweep{Trials: trials, Data: data, Store: store, Workers: 2, Train: counting}).Run(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if trained.Load() != 4 {
		t.Fatalf("first sweep trained %d, want 4", trained.Load())
	}
	second, err := (&Sweep{Trials: trials, Data: data, Store: store, Workers: 2, Train: counting}).Run(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if n := trained.Load() - 4; n != 0 {
		t.Errorf("the second sweep trained %d trials, want 0", n)
	}
	for i := range first.Rows {
		a, b := first.Rows[i], second.Rows[i]
		if a.ID != b.ID || a.Status != history.Finished || a.Status != b.Status || a.BestLoss != b.BestLoss || a.ValLoss != b.ValLoss {
			t.Errorf("row %d: %+v then %+v", i, a, b)
		}
	}
	stored := ResultsFromRuns(mustList(t, store))
	if len(stored.Rows) != 4 {
		t.Errorf("the store holds %d complete runs, want 4", len(stored.Rows))
	}
}

func mustList(t *testing.T, s *runstore.Store) []*runstore.Run {
	t.Helper()
	runs, err := s.List()
	if err != nil {
		t.Fatal(err)
	}
	return runs
}

func TestSampleTrials(t *testing.T) {
	trials := lrTrials(t, 1, 0.001, 0.002, 0.003, 0.004, 0.005, 0.006)
	a, b := SampleTrials(trials, 3, 7), SampleTrials(trials, 3, 7)
	if len(a) != 3 {
		t.Fatalf("got %d trials, want 3", len(a))
	}
	seen := map[string]bool{}
	for i := range a {
		if a[i].Hash() != b[i].Hash() {
			t.Errorf("the same seed drew different trials")
		}
		if seen[a[i].Hash()] {
			t.Errorf("trial %s drawn twice", a[i].Hash())
		}
		seen[a[i].Hash()] = true
	}
	if len(SampleTrials(trials, 10, 1)) != 6 {
		t.Errorf("asking for more than there are should give them all")
	}
}

func TestEstimateRunsAndLimits(t *testing.T) {
	data := load(t, "moons", datasets.Options{Size: 1000, Seed: 1})
	base, _ := Spec.Defaults().With("epochs", 10)
	small, _ := base.With("batch_size", 100)
	big, _ := small.With("hidden_layers", []int{2048, 2048})
	est, err := EstimateRuns([]hparams.Values{small, big}, data, 2)
	if err != nil {
		t.Fatal(err)
	}
	// 2-2048-2048-2: 2·2048+2048 + 2048·2048+2048 + 2048·2+2 weights and biases.
	wantParams := 2*2048 + 2048 + 2048*2048 + 2048 + 2048*2 + 2
	if est.Trials != 2 || est.MaxParams != wantParams || est.Steps != 2*8*10 || est.Duration <= 0 {
		t.Errorf("estimate = %+v, want 2 trials, %d params, 160 steps, a positive duration", est, wantParams)
	}
	err = DefaultLimits.Check(est)
	var tl *TooLargeError
	if !errors.As(err, &tl) || !strings.Contains(err.Error(), "parameters") || !strings.Contains(err.Error(), "estimated") {
		t.Errorf("Check = %v, want a TooLargeError about parameters with an estimate", err)
	}
	if err := (Limits{MaxTrials: 1}).Check(Estimate{Trials: 2}); err == nil || !strings.Contains(err.Error(), "2 trials") {
		t.Errorf("trial limit: %v", err)
	}
	if err := (Limits{}).Check(est); err != nil {
		t.Errorf("zero limits are no limits, got %v", err)
	}
}
