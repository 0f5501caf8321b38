package training

import (
	"context"
	"fmt"
	"math/rand/v2"
	"runtime"
	"slices"
	"sync"
	"time"

	"github.com/hyperlab-go/hyperlab/datasets"
	"github.com/hyperlab-go/hyperlab/history"
	"github.com/hyperlab-go/hyperlab/hparams"
	"github.com/hyperlab-go/hyperlab/runstore"
)

// Trainer trains one configuration. Run is the one a Sweep uses unless told
// otherwise; tests swap in a counting or failing one.
type Trainer func(ctx context.Context, v hparams.Values, data datasets.Split, opts ...Option) (*history.History, error)

// Sweep trains a list of trials and tabulates them. The zero value of every
// field but Trials and Data is a usable default: all cores, no store (so no
// resume), the whole trial list, no halving, training.Run.
type Sweep struct {
	// Trials are the configurations, in order; GridTrials and RandomTrials
	// build them. A trial's index in this list is its identity for sharding.
	Trials []hparams.Values
	// Data is the split every trial trains on.
	Data datasets.Split
	// Workers is how many trials train at once; 0 means runtime.NumCPU().
	Workers int
	// Store, if set, records every trial under its RunID (Values and data) and makes the
	// sweep resumable: a trial whose run is already finished (or diverged)
	// in the store is read back instead of trained again, as Run would,
	// unless Options hold NoCache (a Search still replays its stored runs
	// into its model: they are its history).
	Store *runstore.Store
	// Shard runs only this shard's part of Trials; the zero value runs all.
	Shard Shard
	// Halving, if set, runs successive halving instead of every trial to
	// its full epochs. It cannot be combined with a Shard of more than one.
	Halving *Halving
	// Search, if set, asks a model-based search for its trials instead of
	// taking Trials (which must then be empty); see Search.
	Search *Search
	// Options are passed to every training run (after the sweep's own).
	Options []Option
	// Train replaces Run; nil means Run.
	Train Trainer
	// OnTrial is told when a trial starts and ends. Calls are serialized.
	OnTrial func(TrialEvent)
	// OnEpoch is told about every finished epoch of every trial, with the
	// trial's index. Calls are serialized with OnTrial's.
	OnEpoch func(trial int, e history.Epoch)

	mu      sync.Mutex // serializes callbacks
	backend Option     // the trials' backend (see sweepBackend), or nil
}

// TrialEvent is what OnTrial hears: a trial starting (Done false) or ending
// (Done true, with its Row).
type TrialEvent struct {
	Trial  int // index in Sweep.Trials
	Total  int // trials this process runs in this rung
	Rung   int // successive-halving rung, from 0 (always 0 without halving)
	ID     string
	Values hparams.Values
	Done   bool
	Reused bool // read back from the store rather than trained
	Row    Row  // set when Done
}

// GridTrials lists every combination of axes (name → values) over base,
// as hparams.Spec.Grid does.
func GridTrials(base hparams.Values, axes map[string][]any) ([]hparams.Values, error) {
	if base.Spec() == nil {
		return nil, fmt.Errorf("training: the base values of a grid have no Spec; start from training.Spec.Defaults()")
	}
	return base.Spec().Grid(base, axes)
}

// RandomTrials draws n configurations over base, varying names within their
// declared ranges (log-uniform where a parameter is log-scaled), as
// hparams.Spec.Random does. The same seed gives the same trials.
func RandomTrials(base hparams.Values, n int, seed int64, names ...string) ([]hparams.Values, error) {
	if base.Spec() == nil {
		return nil, fmt.Errorf("training: the base values of a random search have no Spec; start from training.Spec.Defaults()")
	}
	return base.Spec().Random(base, n, seed, names...)
}

// SampleTrials draws n distinct trials from trials (all of them when n is
// larger), keeping their order: a random search over a grid's points. The
// same seed gives the same sample. n ≤ 0 gives no trials.
func SampleTrials(trials []hparams.Values, n int, seed int64) []hparams.Values {
	if n <= 0 {
		return nil
	}
	if n >= len(trials) {
		return trials
	}
	rng := rand.New(rand.NewPCG(uint64(seed), 0x5eed))
	picked := rng.Perm(len(trials))[:n]
	slices.Sort(picked)
	out := make([]hparams.Values, n)
	for k, i := range picked {
		out[k] = trials[i]
	}
	return out
}

// Run trains the sweep's trials (this shard's, when sharded) and returns
// their table, rows in trial order. A trial that diverges or fails is a row
// with that status, never an error of the sweep; the error is for a sweep
// that cannot start (a bad shard, halving without epochs) or a cancelled
// context, in which case the rows so far are returned with it.
func (s *Sweep) Run(ctx context.Context) (*Results, error) {
	if err := s.Shard.Validate(); err != nil {
		return nil, err
	}
	if s.Search != nil {
		if len(s.Trials) > 0 || s.Halving != nil {
			return nil, fmt.Errorf("training: a search chooses its own trials and prunes them itself; leave the sweep's Trials and Halving empty")
		}
		rows, err := s.runSearch(ctx)
		if ctx.Err() != nil {
			return NewResults(rows), fmt.Errorf("training: search interrupted: %w", ctx.Err())
		}
		return NewResults(rows), err
	}
	if len(s.Trials) == 0 {
		return nil, fmt.Errorf("training: the sweep has no trials; give at least one value per axis")
	}
	var mine []int
	for i := range s.Trials {
		if s.Shard.Owns(i) {
			mine = append(mine, i)
		}
	}
	workers := s.Workers
	if workers <= 0 {
		workers = runtime.NumCPU()
	}
	backend, err := s.sweepBackend(min(workers, len(mine)))
	if err != nil {
		return nil, err
	}
	s.backend = backend
	var rows []Row
	if s.Halving != nil {
		if s.Shard.Count > 1 {
			return nil, fmt.Errorf("training: successive halving compares all trials at each rung, so it cannot run sharded; drop the shard or the halving")
		}
		rows, err = s.runHalving(ctx, mine)
	} else {
		vals := make([]hparams.Values, len(mine))
		for k, i := range mine {
			vals[k] = s.Trials[i]
		}
		if s.stacks() {
			rows = s.runStacked(ctx, mine, vals, workers)
		} else {
			rows = s.runAll(ctx, 0, mine, vals)
		}
	}
	if err != nil {
		return nil, err
	}
	if ctx.Err() != nil {
		return NewResults(rows), fmt.Errorf("training: sweep interrupted: %w", ctx.Err())
	}
	return NewResults(rows), nil
}

// runAll trains vals (the trials numbered idx) on s.Workers goroutines and
// returns their rows in the same order. Trials not started before ctx was
// cancelled are left out.
func (s *Sweep) runAll(ctx context.Context, rung int, idx []int, vals []hparams.Values) []Row {
	workers := s.Workers
	if workers <= 0 {
		workers = runtime.NumCPU()
	}
	items := make([][]int, len(idx))
	for k := range idx {
		items[k] = []int{k}
	}
	return runItems(ctx, workers, len(idx), items, func(item []int, rows []Row, ran []bool) {
		k := item[0]
		rows[k], ran[k] = s.runOne(ctx, rung, idx[k], len(idx), vals[k]), true
	})
}

// runItems runs work items, each a list of positions among n trials, on
// workers goroutines; fn trains one item and fills the rows (and ran) of
// its positions. It returns the rows that ran, in position order: items
// not started before ctx was cancelled are left out.
func runItems(ctx context.Context, workers, n int, items [][]int, fn func(item []int, rows []Row, ran []bool)) []Row {
	rows := make([]Row, n)
	ran := make([]bool, n)
	next := make(chan []int)
	var wg sync.WaitGroup
	for range max(1, min(workers, len(items))) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for item := range next {
				fn(item, rows, ran)
			}
		}()
	}
	for _, item := range items {
		if ctx.Err() != nil {
			break
		}
		next <- item
	}
	close(next)
	wg.Wait()
	out := rows[:0]
	for k, r := range rows {
		if ran[k] {
			out = append(out, r)
		}
	}
	return out
}

// runOne reads the trial back from the store when it is already done there,
// and trains it otherwise. It never fails: failures are the row's status.
func (s *Sweep) runOne(ctx context.Context, rung, trial, total int, v hparams.Values, extra ...Option) Row {
	ev, reused := s.reuse(rung, trial, total, v)
	if reused {
		return ev.Row
	}
	s.notify(ev)
	start := time.Now()
	h := s.train(ctx, v, s.trialOptions(trial, extra))
	ev.Done = true
	ev.Row = NewRow(trial, ev.ID, v.Map(), h, time.Since(start).Seconds())
	s.notify(ev)
	return ev.Row
}

// reuse returns the trial's start event, or, when its run is already done
// in the store, its end event with the stored row (already notified) and
// true.
func (s *Sweep) reuse(rung, trial, total int, v hparams.Values) (TrialEvent, bool) {
	id := RunID(v, s.Data)
	ev := TrialEvent{Trial: trial, Total: total, Rung: rung, ID: id, Values: v}
	if s.Store != nil && !newOptions(s.Options).noCache {
		// A search reads its pruned runs back too: pruning was its decision.
		if run, err := s.Store.Load(id); err == nil && reusableRun(run, s.Search != nil) {
			h := run.History
			ev.Done, ev.Reused = true, true
			ev.Row = NewRow(trial, id, v.Map(), &h, runSeconds(&h))
			s.notify(ev)
			return ev, true
		}
	}
	return ev, false
}

// trialOptions are the options a trial trains with: the sweep's backend,
// store and epoch callback, then extra, then Options.
func (s *Sweep) trialOptions(trial int, extra []Option) []Option {
	opts := []Option{}
	if s.backend != nil {
		opts = append(opts, s.backend)
	}
	if s.Store != nil {
		opts = append(opts, Store(s.Store))
	}
	if s.OnEpoch != nil {
		opts = append(opts, OnEpoch(func(e history.Epoch) {
			s.mu.Lock()
			defer s.mu.Unlock()
			s.OnEpoch(trial, e)
		}))
	}
	opts = append(opts, extra...)
	return append(opts, s.Options...)
}

// train calls the Trainer and turns an error or a panic into a Failed
// History, keeping whatever epochs it returned.
func (s *Sweep) train(ctx context.Context, v hparams.Values, opts []Option) (h *history.History) {
	train := s.Train
	if train == nil {
		train = Run
	}
	defer func() {
		if p := recover(); p != nil {
			h = &history.History{Status: history.Failed, Err: fmt.Sprintf("training: the trial panicked: %v", p)}
		}
	}()
	h, err := train(ctx, v, s.Data, opts...)
	return trialHistory(h, err)
}

// trialHistory is a trial's outcome as a History: an error or a run
// without a final status is a Failed one, keeping whatever epochs it has.
func trialHistory(h *history.History, err error) *history.History {
	if h == nil {
		h = &history.History{}
	}
	if err != nil {
		h.Status, h.Err = history.Failed, err.Error()
	} else if !h.Status.Final() {
		h.Status = history.Failed
		h.Err = "training: the run returned without a final status"
	}
	return h
}

func (s *Sweep) notify(ev TrialEvent) {
	if s.OnTrial == nil {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.OnTrial(ev)
}

func runSeconds(h *history.History) float64 {
	t := 0.0
	for _, e := range h.Epochs {
		if history.Finite(e.Seconds) {
			t += e.Seconds
		}
	}
	return t
}
