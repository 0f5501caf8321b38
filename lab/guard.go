package lab

import (
	"fmt"
	"os"
	"runtime"
	"strings"

	"github.com/hyperlab-go/hyperlab/datasets"
	"github.com/hyperlab-go/hyperlab/hparams"
	"github.com/hyperlab-go/hyperlab/training"
)

// AllowLargeEnv, when set to anything but "" or "0", lets every Train and
// sweep of the program start above training.DefaultLimits; in a notebook:
// %env HYPERLAB_ALLOW_LARGE 1.
const AllowLargeEnv = "HYPERLAB_ALLOW_LARGE"

// AllowLarge lets Train start a model above training.DefaultLimits (too
// many parameters for the pure-Go simplego backend to train quickly).
func AllowLarge() Option { return func(s *settings) { s.allowLarge = true } }

// checkSize stops a sweep above training.DefaultLimits before it starts,
// with the estimated time and how to allow it, as the CLI's --allow-large
// does. A trial that cannot run is left to the sweep, which reports it.
func checkSize(trials []hparams.Values, split datasets.Split, workers int, allow bool) error {
	if allow || len(trials) == 0 {
		return nil
	}
	est, err := training.EstimateRuns(trials, split, workers)
	if err != nil {
		return nil // training.Sweep reports what is wrong with the values or the data
	}
	return checkEstimate(est)
}

// checkPlan is checkSize for the one model Train is about to run.
func checkPlan(p *training.Plan, allow bool) error {
	if allow {
		return nil
	}
	return checkEstimate(training.EstimatePlans([]*training.Plan{p}, 1))
}

// checkEstimate refuses est above training.DefaultLimits unless
// AllowLargeEnv is set.
func checkEstimate(est training.Estimate) error {
	if x := os.Getenv(AllowLargeEnv); x != "" && x != "0" {
		return nil
	}
	if err := training.DefaultLimits.Check(est); err != nil {
		return fmt.Errorf("lab: %s; to start it anyway pass lab.AllowLarge() to Train, or set %s=1 (in a notebook: %%env %s 1)",
			strings.TrimPrefix(err.Error(), "training: "), AllowLargeEnv, AllowLargeEnv)
	}
	return nil
}

// sweepWorkers is how many trials training.Sweep runs at once by default.
func sweepWorkers() int { return runtime.NumCPU() }
