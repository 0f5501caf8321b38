package training

import (
	"context"
	"fmt"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/gomlx/gomlx/backends"
	"github.com/gomlx/gomlx/backends/simplego" // the embedded pure-Go backend; never backends/default (XLA)
	"github.com/hyperlab-go/hyperlab/datasets"
	"github.com/hyperlab-go/hyperlab/history"
	"github.com/hyperlab-go/hyperlab/hparams"
	"github.com/hyperlab-go/hyperlab/training/dense"
)

// Run trains an MLP with the hyperparameters v on data.Train, evaluating on
// data.Validation (when it has rows) after every epoch, and returns the
// History. data.Test is left alone, for a final evaluation.
//
// v may come from any hparams.Spec: see ConfigOf. A run that diverges or
// is cancelled through ctx returns its partial History, Status set, and a
// nil error. An error is a sentence naming what to change; when training
// had started, the History returned with it holds what was done, with
// Status Failed.
func Run(ctx context.Context, v hparams.Values, data datasets.Split, opts ...Option) (*history.History, error) {
	p, err := NewPlan(v, data)
	if err != nil {
		newOptions(opts) // Reused reports false for a run that never started
		return nil, err
	}
	return p.Run(ctx, opts...)
}

// Run trains the plan: see the package function Run.
func (p *Plan) Run(ctx context.Context, opts ...Option) (*history.History, error) {
	o := newOptions(opts)
	grid := 0
	for _, a := range o.artifacts {
		if a.check != nil {
			if err := a.check(p); err != nil {
				return nil, err
			}
		}
		grid = max(grid, a.gridSteps)
	}
	// Everything this run will hold in memory, checked before any of it is
	// allocated (--allow-large lifts the size limits, not this).
	if err := runMemory(p.Config, p.Data, p.Outputs, grid, 1).Check(); err != nil {
		return nil, err
	}
	j := &job{ctx: ctx, p: p, o: o}
	if o.store != nil {
		return j.runStored()
	}
	return j.run()
}

// newOptions applies opts to the defaults; Reused's flag starts false.
func newOptions(opts []Option) *options {
	o := &options{stepEvery: defaultStepEvery}
	for _, opt := range opts {
		opt(o)
	}
	o.setReused(false)
	return o
}

// defaultStepEvery throttles OnStep.
const defaultStepEvery = 100 * time.Millisecond

// backendsByConfig caches one simplego backend per configuration string;
// backends are safe for concurrent use and costly to create.
var backendsByConfig sync.Map // string → backends.Backend

// defaultBackend returns the backend for an MLP of the given layer widths
// (inputs, hidden units, outputs) trained on batches of batch rows:
// GOMLX_BACKEND's choice when it is set, otherwise simplego configured by
// dense.SimpleGoConfig. That runs a graph's ops one at a time (each op still
// spreads over the cores), which is about 3× faster for a toy step than
// simplego's parallel op scheduling and avoids a data race in v0.26.0's
// parallel scheduler (two consumers of one buffer may both reuse it in
// place, making runs irreproducible); and it picks the blocked matrix
// kernel for MNIST-sized products (docs/benchmarks.md).
func defaultBackend(batch int, layerSizes ...int) (backends.Backend, error) {
	config := "env"
	if _, set := os.LookupEnv(backends.ConfigEnvVar); !set {
		config = strings.TrimPrefix(dense.SimpleGoConfig(batch, layerSizes...), "go:")
	}
	return cachedBackend(config)
}

// cachedBackend returns the backend for a simplego configuration (without
// its "go:" prefix), or for GOMLX_BACKEND when config is "env", creating it
// on first use.
func cachedBackend(config string) (backends.Backend, error) {
	if b, ok := backendsByConfig.Load(config); ok {
		return b.(backends.Backend), nil
	}
	var b backends.Backend
	var err error
	if config == "env" {
		b, err = backends.NewOrErr()
	} else {
		b, err = simplego.New(config)
	}
	if err != nil {
		return nil, fmt.Errorf("training: no GoMLX backend (%s): %w", config, err)
	}
	got, _ := backendsByConfig.LoadOrStore(config, b)
	return got.(backends.Backend), nil
}
