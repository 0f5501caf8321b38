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

// plans converts and checks each trial once (training.NewPlans) and stops
// them above training.DefaultLimits before they start, with the estimated
// time and how to allow it, as the CLI's --allow-large does.
func plans(trials []hparams.Values, split datasets.Split, workers int, allow bool) ([]*training.Plan, error) {
	ps, err := training.NewPlans(trials, split)
	if err != nil {
		return nil, err
	}
	if allow || len(ps) == 0 {
		return ps, nil
	}
	return ps, checkEstimate(training.EstimatePlans(ps, workers))
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
