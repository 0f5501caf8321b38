package training

import (
	"context"
	"fmt"
	"runtime/metrics"
	"slices"

	"github.com/hyperlab-go/hyperlab/datasets"
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
	// StepBytes is the median number of heap bytes one training step
	// allocates (runtime/metrics /gc/heap/allocs:bytes, read after each
	// step). The pure-Go backend allocates a fresh buffer for every
	// intermediate tensor of the step, so this is the step's working
	// memory: what it needs at its peak, or more when Go's collector frees
	// buffers of finished operations before the step ends. It is not the
	// process's resident memory.
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
// returns what each size cost. Timings are wall-clock and depend on the
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
	c.EpochSeconds = median(secs)
	c.StepSeconds = c.EpochSeconds / float64(c.StepsPerEpoch)

	// A second, short run reads the allocation counter after every step: one
	// epoch, or as many as make 5 steps, as the first step (which compiles
	// the graph) does not count.
	one, err := withValues(timed, ParamEpochs, (5+c.StepsPerEpoch-1)/c.StepsPerEpoch)
	if err != nil {
		return c, err
	}
	sample := []metrics.Sample{{Name: "/gc/heap/allocs:bytes"}}
	var last uint64
	var deltas []float64
	read := func() uint64 { metrics.Read(sample); return sample[0].Value.Uint64() }
	onStep := func(step int, _ float64) {
		now := read()
		if step > 0 && last > 0 { // the first step compiles the graph
			deltas = append(deltas, float64(now-last))
		}
		last = now
	}
	if _, err := Run(ctx, one, train, OnStep(onStep), StepEvery(0)); err != nil {
		return c, err
	}
	if len(deltas) > 0 {
		c.StepBytes = uint64(median(deltas))
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

func median(xs []float64) float64 {
	s := slices.Clone(xs)
	slices.Sort(s)
	n := len(s)
	if n%2 == 1 {
		return s[n/2]
	}
	return (s[n/2-1] + s[n/2]) / 2
}
