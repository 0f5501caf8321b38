package training

import (
	"context"
	"math"
	"sync/atomic"
	"testing"

	"github.com/hyperlab-go/hyperlab/history"
	"github.com/hyperlab-go/hyperlab/hparams"
	"github.com/hyperlab-go/hyperlab/runstore"
)

// storeRun writes a complete run of epochs epochs with status st into
// store; stale makes it look stored before penalties were (NaN penalty).
func storeRun(t *testing.T, store *runstore.Store, meta runstore.Meta, epochs int, st history.Status, stale bool) {
	t.Helper()
	penalty := 0.0
	if stale {
		penalty = math.NaN()
	}
	w, err := store.Create(meta)
	if err != nil {
		t.Fatal(err)
	}
	h := &history.History{Status: st}
	for e := 1; e <= epochs; e++ {
		ep := history.Epoch{Epoch: e, TrainLoss: 0.5, ValLoss: 0.5, TrainPenalty: penalty, ValPenalty: penalty,
			ValAccuracy: math.NaN(), ValError: math.NaN(), TrainAccuracy: math.NaN(), LearningRate: 0.01, Steps: 1, Seconds: 0.01}
		if err := w.Epoch(ep); err != nil {
			t.Fatal(err)
		}
		h.Epochs = append(h.Epochs, ep)
	}
	if st == history.Failed {
		h.Err = "training: it failed"
	}
	if err := w.Finish(h); err != nil {
		t.Fatal(err)
	}
}

// countReused is an OnTrial that counts the trials read back from the store.
func countReused(n *atomic.Int32) func(TrialEvent) {
	return func(ev TrialEvent) {
		if ev.Done && ev.Reused {
			n.Add(1)
		}
	}
}

// A sweep reads a stored run back exactly when Run would: a finished or
// diverged run stored with its penalties; Run trains the others again, so
// the sweep must too (it used to reuse a run stored before penalties were).
func TestSweepReusesWhatRunReuses(t *testing.T) {
	data := moonsSmall(t)
	cases := []struct {
		name   string
		status history.Status
		stale  bool
		reused bool
	}{
		{"finished", history.Finished, false, true},
		{"diverged", history.Diverged, false, true},
		{"finished before penalties", history.Finished, true, false},
		{"diverged before penalties", history.Diverged, true, false},
		{"pruned", history.Pruned, false, false},
		{"failed", history.Failed, false, false},
		{"cancelled", history.Cancelled, false, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			store := openStore(t)
			v := values(t, ParamEpochs, 1)
			meta := runstore.Meta{ID: RunID(v, data), Values: v.Map(), Seed: int64(v.Int(ParamSeed)), DataFingerprint: data.Fingerprint()}
			storeRun(t, store, meta, 1, c.status, c.stale)
			var calls atomic.Int32
			res, err := (&Sweep{Trials: []hparams.Values{v}, Data: data, Store: store, Workers: 1, Train: fakeTrainer(&calls)}).Run(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			if sweepReused := calls.Load() == 0; sweepReused != c.reused {
				t.Errorf("the sweep reused it: %v, want %v (row status %s)", sweepReused, c.reused, res.Rows[0].Status)
			}
			var runReused bool
			if _, err := Run(context.Background(), v, data, Store(store), Reused(&runReused)); err != nil {
				t.Fatal(err)
			}
			if runReused != c.reused {
				t.Errorf("Run reused it: %v, want %v", runReused, c.reused)
			}
		})
	}
}

// NoCache among a sweep's Options trains every trial again, as it does
// for Run, even when the store holds them finished.
func TestSweepNoCacheTrainsAgain(t *testing.T) {
	store := openStore(t)
	var calls atomic.Int32
	trials := lrTrials(t, 2, 0.001, 0.01)
	train := storingTrainer(store, fakeTrainer(&calls))
	if _, err := (&Sweep{Trials: trials, Store: store, Train: train}).Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	var reused atomic.Int32
	res, err := (&Sweep{Trials: trials, Store: store, Train: fakeTrainer(&calls), Options: []Option{NoCache()},
		OnTrial: countReused(&reused)}).Run(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if calls.Load() != 4 || reused.Load() != 0 || len(res.Rows) != 2 {
		t.Errorf("with NoCache the sweep trained %d and reused %d of 2 stored trials; want 2 and 0", calls.Load()-2, reused.Load())
	}
}

// searched runs a search of trials trials into a new store, counting its
// trainings in calls, then stores its first stale runs again as an older
// version stored them (before penalties were): runs to train again.
func searched(t *testing.T, trials, stale int, calls *atomic.Int32) (*Search, *runstore.Store, *Results) {
	t.Helper()
	store := openStore(t)
	sr := &Search{Base: searchBase(t, 2), Space: searchSpace(), Trials: trials, Seed: 4}
	first, err := (&Sweep{Search: sr, Store: store, Workers: 1, Train: storingTrainer(store, fakeTrainer(calls))}).Run(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range first.Rows[:stale] {
		if err := store.Delete(r.ID); err != nil {
			t.Fatal(err)
		}
		storeRun(t, store, runstore.Meta{ID: r.ID, Values: r.Values}, r.Epochs, r.Status, true)
	}
	return sr, store, first
}

// A search replays only the stored runs a sweep would reuse: one stored
// before penalties were is trained again, like a killed run, not replayed.
func TestSearchRetrainsRunsStoredBeforePenalties(t *testing.T) {
	var calls atomic.Int32
	sr, store, first := searched(t, 3, 3, &calls)
	// The same search again: it has its 3 trials in the store, all three
	// to train again.
	var reused atomic.Int32
	res, err := (&Sweep{Search: sr, Store: store, Workers: 1, Train: fakeTrainer(&calls), OnTrial: countReused(&reused)}).Run(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if trained := int(calls.Load()) - 3; reused.Load() != 0 || trained != 3 || len(res.Rows) != 3 {
		t.Errorf("%d rows: %d replayed, %d trained; want the 3 trained again, none replayed", len(res.Rows), reused.Load(), trained)
	}
	ids := map[string]bool{}
	for _, r := range res.Rows {
		ids[r.ID] = true
	}
	for _, r := range first.Rows {
		if !ids[r.ID] {
			t.Errorf("the run %s stored before penalties was not trained again", r.ID)
		}
	}
}

// A search resumed with fewer Trials than its store holds finished runs
// trains nothing again: runs to retry come only into the slots the
// replayed runs leave.
func TestSearchRetriesOnlyIntoFreeSlots(t *testing.T) {
	var calls atomic.Int32
	sr, store, _ := searched(t, 5, 2, &calls)
	fewer := *sr
	fewer.Trials = 3
	res, err := (&Sweep{Search: &fewer, Store: store, Workers: 2, Train: fakeTrainer(&calls)}).Run(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if trained := int(calls.Load()) - 5; len(res.Rows) != 3 || trained != 0 {
		t.Errorf("%d rows, %d trained; want the 3 finished runs replayed and nothing trained", len(res.Rows), trained)
	}
}
