package main

import (
	"context"
	"os"
	"runtime"

	"github.com/hyperlab-go/hyperlab/training"
)

// The demo's sweep: learning rates from too small to too large, times a
// small and a large batch, on the two-moons dataset.
var (
	demoLearningRates = []any{0.001, 0.01, 0.1, 1.0}
	demoBatchSizes    = []any{16, 128}
	demoEpochs        = 20
)

func runDemo(ctx context.Context, c *cli, args []string, e *env) int {
	var parallel int
	c.intVar(&parallel, "parallel", runtime.NumCPU(), "trials trained at the same time")
	c.stringVar(&c.runs, "runs", "", "run store directory (default: a temporary one, removed at the end)")
	c.pageFlags("report", "hyperlab-demo.html", "where to write the HTML report")
	if code, stop := c.parseArgs(args, e); stop {
		return code
	}
	if parallel < 1 {
		return fail(e, c.name, usagef("--parallel=%d must be at least 1", parallel))
	}
	if c.runs == "" {
		dir, err := os.MkdirTemp("", "hyperlab-demo-")
		if err != nil {
			return fail(e, c.name, err)
		}
		defer os.RemoveAll(dir)
		c.runs = dir
	}
	c.dataset = "moons" // with lab's defaults for it, as a notebook's lab.Train(v, "moons")
	base, err := training.Spec.Defaults().With(training.ParamEpochs, demoEpochs)
	if err != nil {
		return fail(e, c.name, err)
	}
	trials, err := training.GridTrials(base, map[string][]any{training.ParamLearningRate: demoLearningRates, training.ParamBatchSize: demoBatchSizes})
	if err != nil {
		return fail(e, c.name, err)
	}
	a := &sweepArgs{base: base, parallel: parallel, sort: "trial"}
	sw := &training.Sweep{Trials: trials, Workers: parallel}
	return executeSweep(ctx, c, a, sw, e, "Demo")
}
