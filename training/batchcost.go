package training

import (
	"context"
	"fmt"
	"runtime"
	"runtime/debug"

	"github.com/hyperlab-go/hyperlab/datasets"
	"github.com/hyperlab-go/hyperlab/history"
	"github.com/hyperlab-go/hyperlab/hparams"
)

// BatchCost is what one batch size costs on this machine: the data behind
// "larger batches take fewer steps per epoch, run faster and need more
// memory".
type BatchCost struct {
	BatchSize     int
	StepsPerEpoch int
	// EpochSeconds is the median wall time of the timed epochs (training
	// only: the run has no validation set). The first epoch, which compiles
	// the step's graph, is not timed.
	EpochSeconds float64
	// StepSeconds is EpochSeconds / StepsPerEpoch.
	StepSeconds float64
	// StepBytes is the heap one training step needs: the bytes it allocates
	// (runtime.MemStats.TotalAlloc) when it starts with the
	// backend's buffer pools empty and the collector off, so that every
	// tensor it holds is counted; the median over 3 steps. A buffer freed
	// and reused within the step counts once, so this is close to the
	// step's peak working memory, and an upper bound of it. It is not the
	// process's resident memory (the data, the compiled graph and the
	// runtime are not in it).
	StepBytes uint64
}

// BatchCostOptions tunes MeasureBatchCost.
type BatchCostOptions struct {
	// Epochs is the number of timed epochs per batch size (default 3),
	// after one untimed warm-up epoch.
	Epochs int
}

// MeasureBatchCost trains v on data.Train once per batch size (its
// validation and test sets are left out, so only training is measured) and
// returns what each size cost. While it measures memory it turns Go's
// garbage collector off for one step at a time (debug.SetGCPercent), which
// affects the whole process; run nothing else meanwhile. Timings are wall-clock and depend on the
// machine and its load; compare sizes measured in one call.
func MeasureBatchCost(ctx context.Context, v hparams.Values, data datasets.Split, sizes []int, o BatchCostOptions) ([]BatchCost, error) {
	if len(sizes) == 0 {
		return nil, fmt.Errorf("training: no batch sizes to measure; give at least one")
	}
	epochs := o.Epochs
	if epochs == 0 {
		epochs = 3
	}
	if epochs < 1 {
		return nil, fmt.Errorf("training: BatchCostOptions.Epochs=%d; time at least 1 epoch (0 for the default 3)", o.Epochs)
	}
	train := datasets.Split{Train: data.Train}
	var out []BatchCost
	for _, b := range sizes {
		c, err := measureBatch(ctx, v, train, b, epochs)
		if err != nil {
			return out, err
		}
		out = append(out, c)
	}
	return out, nil
}

func measureBatch(ctx context.Context, v hparams.Values, train datasets.Split, size, epochs int) (BatchCost, error) {
	c := BatchCost{BatchSize: size}
	timed, err := standard(v)
	if err == nil {
		timed, err = withValues(timed, ParamBatchSize, size, ParamEpochs, 1+epochs, ParamEarlyStoppingPatience, 0)
	}
	if err != nil {
		return c, err
	}
	h, err := Run(ctx, timed, train)
	if err != nil {
		return c, err
	}
	if len(h.Epochs) != 1+epochs {
		return c, fmt.Errorf("training: batch_size=%d ran %d of %d epochs (%s); measure a learning rate that does not diverge", size, len(h.Epochs), 1+epochs, h.Status)
	}
	var secs []float64
	for _, e := range h.Epochs[1:] {
		secs = append(secs, e.Seconds)
	}
	c.StepsPerEpoch = h.Epochs[0].Steps
	c.EpochSeconds = history.Median(secs)
	c.StepSeconds = c.EpochSeconds / float64(c.StepsPerEpoch)

	// A second, short run measures steps one at a time: between two steps
	// it empties the backend's buffer pools (two collections clear a
	// sync.Pool), turns the collector off and counts the bytes the next
	// step allocates. Every buffer the step holds is then new, so the count
	// is the step's working memory (buffers freed and reused within the
	// step count once). The first step, which compiles the graph, and steps
	// at an epoch's end are skipped; the median of measureSteps steps is kept.
	one, err := withValues(timed, ParamEpochs, (2*measureSteps+2+c.StepsPerEpoch-1)/c.StepsPerEpoch)
	if err != nil {
		return c, err
	}
	var (
		deltas []float64
		armed  bool
		base   uint64
		saved  int
	)
	defer func() {
		if armed {
			debug.SetGCPercent(saved)
		}
	}()
	onStep := func(step int, _ float64) {
		if armed {
			deltas = append(deltas, float64(allocatedBytes()-base))
			debug.SetGCPercent(saved)
			armed = false
			return
		}
		if step == 0 || len(deltas) >= measureSteps {
			return
		}
		runtime.GC()
		runtime.GC()
		base = allocatedBytes()
		saved = debug.SetGCPercent(-1)
		armed = true
	}
	if _, err := Run(ctx, one, train, OnStep(onStep), StepEvery(0)); err != nil {
		return c, err
	}
	if len(deltas) > 0 {
		c.StepBytes = uint64(history.Median(deltas))
	}
	return c, nil
}

// standard returns v's values as Values of Spec, whatever Spec v has, so
// that batch_size and epochs can be set even when v does not declare them.
func standard(v hparams.Values) (hparams.Values, error) {
	out := Spec.Defaults()
	for name, x := range v.Map() {
		if _, ok := Spec.Lookup(name); !ok {
			continue
		}
		var err error
		if out, err = out.With(name, x); err != nil {
			return out, err
		}
	}
	return out, nil
}

// measureSteps is how many steps MeasureBatchCost measures the memory of.
const measureSteps = 3

// allocatedBytes is the process's cumulative heap allocation. It reads
// MemStats, which flushes every P's allocation cache first: runtime/metrics'
// /gc/heap/allocs:bytes counts small objects only when a cache is
// refilled, and would miss most of a small step.
func allocatedBytes() uint64 {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.TotalAlloc
}

// withValues sets name/value pairs on v.
func withValues(v hparams.Values, pairs ...any) (hparams.Values, error) {
	for i := 0; i+1 < len(pairs); i += 2 {
		var err error
		if v, err = v.With(pairs[i].(string), pairs[i+1]); err != nil {
			return v, err
		}
	}
	return v, nil
}
