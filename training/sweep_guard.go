package training

import (
	"fmt"
	"math"
	"time"

	"github.com/hyperlab-go/hyperlab/datasets"
	"github.com/hyperlab-go/hyperlab/hparams"
)

// Limits are the sizes above which a sweep or a model on the pure-Go
// simplego backend should not start unless the user says so: past them a
// run takes long enough that starting it by mistake is costly.
type Limits struct {
	MaxTrials int // trials in one sweep
	MaxParams int // trainable parameters of one model
}

// DefaultLimits: 100 trials; 2 million parameters (an MNIST MLP 784-512-512-10
// has 0.67 million).
var DefaultLimits = Limits{MaxTrials: 100, MaxParams: 2_000_000}

// Estimate is what a set of runs would cost, computed before training.
type Estimate struct {
	Trials    int
	MaxParams int   // trainable parameters of the largest model
	Steps     int64 // optimizer steps over all trials
	// Duration is the estimated wall time with the given number of workers
	// on simplego, from a cost model of a step (a fixed overhead plus six
	// floating-point operations per parameter per row, forward and
	// backward, at about 2 GFLOP/s per core, as measured on the reference
	// 2-core machine) and the per-epoch validation pass. Treat it as an
	// order of magnitude.
	Duration time.Duration
}

// Cost-model constants (simplego, one core).
const (
	stepOverheadSeconds = 0.4e-3
	flopsPerSecond      = 2e9
)

// EstimateRuns estimates the cost of training every configuration of
// trials on data with workers trials at a time (0 means 1). A trial that
// cannot run is an error, the one Run would return.
func EstimateRuns(trials []hparams.Values, data datasets.Split, workers int) (Estimate, error) {
	plans, err := NewPlans(trials, data)
	if err != nil {
		return Estimate{Trials: len(trials)}, err
	}
	return EstimatePlans(plans, workers), nil
}

// EstimatePlans estimates the cost of running plans with workers at a time
// (0 means 1).
func EstimatePlans(plans []*Plan, workers int) Estimate {
	est := Estimate{Trials: len(plans)}
	total := 0.0
	for _, p := range plans {
		valRows := 0
		if p.Data.Validation != nil {
			valRows = p.Data.Validation.Len()
		}
		est.MaxParams = max(est.MaxParams, p.Params)
		steps := int64(p.Steps())
		est.Steps += steps
		stepSeconds := stepOverheadSeconds + 6*float64(p.Params)*float64(p.Config.BatchSize)/flopsPerSecond
		evalSeconds := 2 * float64(p.Params) * float64(valRows) / flopsPerSecond
		total += float64(steps)*stepSeconds + float64(p.Config.Epochs)*evalSeconds
	}
	total /= float64(max(workers, 1))
	est.Duration = time.Duration(math.Min(total, 1e9) * float64(time.Second))
	return est
}

// TooLargeError says which limit an Estimate is over. Callers add how to
// allow it (a flag, an option).
type TooLargeError struct {
	Estimate Estimate
	Limits   Limits
}

func (e *TooLargeError) Error() string {
	var what string
	switch {
	case e.Estimate.Trials > e.Limits.MaxTrials:
		what = fmt.Sprintf("%d trials are more than the %d a sweep runs without asking", e.Estimate.Trials, e.Limits.MaxTrials)
	default:
		what = fmt.Sprintf("a model of %d trainable parameters is larger than the %d the simplego backend trains without asking", e.Estimate.MaxParams, e.Limits.MaxParams)
	}
	return fmt.Sprintf("training: %s (estimated %s for %d steps)", what, roundDuration(e.Estimate.Duration), e.Estimate.Steps)
}

// Check returns a *TooLargeError when est exceeds the limits; a zero limit
// is no limit.
func (l Limits) Check(est Estimate) error {
	if (l.MaxTrials > 0 && est.Trials > l.MaxTrials) || (l.MaxParams > 0 && est.MaxParams > l.MaxParams) {
		return &TooLargeError{Estimate: est, Limits: l}
	}
	return nil
}

func roundDuration(d time.Duration) time.Duration {
	switch {
	case d > time.Hour:
		return d.Round(time.Minute)
	case d > time.Minute:
		return d.Round(time.Second)
	}
	return d.Round(100 * time.Millisecond)
}
