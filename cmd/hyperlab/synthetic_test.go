package main

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"math"
	"math/rand/v2"
	"sync"
	"testing"
	"time"

	"github.com/hyperlab-go/hyperlab/history"
	"github.com/hyperlab-go/hyperlab/runstore"
	"github.com/hyperlab-go/hyperlab/training"
)

// syntheticEpochs is how many epochs each synthetic run has, as the
// measured 1,024-trial moons sweep of issue 20 (3 epochs each).
const syntheticEpochs = 3

// writeSyntheticStore writes n finished runs straight into a run store at
// dir, through runstore's own Writer (no training): a random search over
// learning rate, batch size, hidden nodes and hidden layers, whose loss
// curves depend on the hyperparameters (best near learning_rate 0.03,
// wider and deeper nets a little better) plus noise, and a few diverged
// runs at the highest learning rates. Created times increase with the
// trial number, so the store's order is the sweep's. It returns the
// runs' best validation losses by ID, for checking what a report picks.
func writeSyntheticStore(tb testing.TB, dir string, n int) map[string]float64 {
	tb.Helper()
	store, err := runstore.Open(dir)
	if err != nil {
		tb.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(20, uint64(n)))
	start := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	batches := []int{16, 32, 64, 128}
	nodes := []int{4, 8, 16, 32}
	type run struct {
		meta runstore.Meta
		h    *history.History
	}
	all := make([]run, n)
	best := make(map[string]float64, n)
	for i := range all {
		lr := math.Pow(10, -4+4*rng.Float64()) // 1e-4 .. 1
		batch := batches[rng.IntN(len(batches))]
		hidden := nodes[rng.IntN(len(nodes))]
		layers := 1 + rng.IntN(3)
		values := map[string]any{
			training.ParamLearningRate: lr,
			training.ParamBatchSize:    float64(batch),
			training.ParamHiddenNodes:  float64(hidden),
			training.ParamHiddenLayers: float64(layers),
			training.ParamEpochs:       float64(syntheticEpochs),
			training.ParamOptimizer:    "adam",
		}
		// 12 hex digits, as training.RunID: the store's ID order is not
		// the run order.
		sum := sha256.Sum256([]byte(fmt.Sprint(i)))
		id := hex.EncodeToString(sum[:])[:training.RunIDLen]
		all[i] = run{runstore.Meta{ID: id, Values: values, Seed: 1, Dataset: "moons",
			Created: start.Add(time.Duration(i) * time.Second)}, syntheticHistory(rng, lr, batch, hidden, layers)}
		if b, ok := all[i].h.Best(); ok {
			best[id] = b.ValLoss
		}
	}
	// Finish syncs every file of a run; many runs written at once share
	// the file system's commits, as the workers of a sweep do.
	var wg sync.WaitGroup
	errs := make(chan error, n)
	next := make(chan run)
	for range 32 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for r := range next {
				w, err := store.Create(r.meta)
				if err == nil {
					err = w.Finish(r.h)
				}
				if err != nil {
					errs <- err
				}
			}
		}()
	}
	for _, r := range all {
		next <- r
	}
	close(next)
	wg.Wait()
	close(errs)
	for err := range errs {
		tb.Fatal(err)
	}
	return best
}

// syntheticHistory is a run's record: losses that fall by epoch towards a
// floor set by the hyperparameters, with step losses as training writes
// them (8 per epoch), and divergence above learning rate 0.5 for one run in
// three.
func syntheticHistory(rng *rand.Rand, lr float64, batch, hidden, layers int) *history.History {
	floor := 0.05 + 0.08*math.Pow(math.Log10(lr/0.03), 2) + 0.4/float64(hidden) + 0.02*float64(layers-1)*float64(batch)/128
	diverges := lr > 0.5 && rng.IntN(3) == 0
	h := &history.History{Status: history.Finished}
	loss := 0.7
	for e := 1; e <= syntheticEpochs; e++ {
		loss = floor + (loss-floor)*(0.35+0.1*rng.Float64())
		val := loss * (1 + 0.05*rng.NormFloat64())
		if diverges && e == syntheticEpochs {
			val, loss = math.Inf(1), math.Inf(1)
			h.Status = history.Diverged
		}
		h.Epochs = append(h.Epochs, history.Epoch{Epoch: e, TrainLoss: loss, ValLoss: val,
			ValAccuracy: math.Max(0, 1-val), ValError: math.NaN(), LearningRate: lr, Steps: 8, Seconds: 0.1,
			TrainAccuracy: math.Max(0, 1-loss), TrainPenalty: 0, ValPenalty: 0})
		for range 8 {
			h.StepLoss = append(h.StepLoss, loss*(1+0.1*rng.NormFloat64()))
		}
	}
	return h
}
