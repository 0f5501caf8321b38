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
	o := &options{stepEvery: defaultStepEvery}
	for _, opt := range opts {
		opt(o)
	}
	if o.reused != nil {
		*o.reused = false
	}
	cfg, loss, outputs, err := prepare(v, data)
	if err != nil {
		return nil, err
	}
	if o.boundary != nil && (data.Train.Task != datasets.Classification || data.Train.NumFeatures != 2) {
		return nil, fmt.Errorf("training: a decision boundary needs a classification dataset with 2 features, and %s has %d (%s); drop the DecisionBoundary option", data.Train.Name, data.Train.NumFeatures, data.Train.Task)
	}
	if o.boundary != nil && (o.steps < 2 || o.steps > MaxBoundarySteps) {
		return nil, fmt.Errorf("training: a decision boundary of %d×%d points; use a resolution from 2 to %d", o.steps, o.steps, MaxBoundarySteps)
	}
	if err := runMemory(cfg, data, outputs, o).Check(); err != nil {
		return nil, err
	}
	j := &job{ctx: ctx, v: v, cfg: cfg, data: data, loss: loss, outputs: outputs, o: o}
	if o.store != nil {
		return j.runStored()
	}
	return j.run()
}

// defaultStepEvery throttles OnStep.
const defaultStepEvery = 100 * time.Millisecond

// checkData rejects a dataset the hyperparameters cannot train on, and
// returns the resolved loss and the number of model outputs.
func checkData(c Config, data datasets.Split) (loss string, outputs int, err error) {
	tr := data.Train
	if tr == nil || tr.Len() == 0 {
		return "", 0, fmt.Errorf("training: the training set is empty; load a dataset with rows")
	}
	if err := tr.Validate(); err != nil {
		return "", 0, fmt.Errorf("training: the training set is not usable: %w", err)
	}
	if c.BatchSize > tr.Len() {
		return "", 0, fmt.Errorf("training: batch_size=%d is larger than the training set (%d rows); use at most %d", c.BatchSize, tr.Len(), tr.Len())
	}
	for _, d := range []*datasets.Dataset{data.Validation, data.Test} {
		if d == nil || d.Len() == 0 {
			continue
		}
		if d.NumFeatures != tr.NumFeatures || d.Task != tr.Task || d.NumClasses != tr.NumClasses {
			return "", 0, fmt.Errorf("training: the training set has %d features and %d classes but another split has %d and %d; split one dataset", tr.NumFeatures, tr.NumClasses, d.NumFeatures, d.NumClasses)
		}
	}
	loss, err = lossFor(c, tr.Task)
	if err != nil {
		return "", 0, err
	}
	outputs = 1
	if tr.Task == datasets.Classification {
		if tr.NumClasses < 2 {
			return "", 0, fmt.Errorf("training: %s has %d class; a classifier needs at least 2", tr.Name, tr.NumClasses)
		}
		outputs = tr.NumClasses
	}
	return loss, outputs, nil
}

// prepare reads and checks what a training run needs from v and data: the
// configuration, the loss to train with and the number of model outputs.
func prepare(v hparams.Values, data datasets.Split) (cfg Config, loss string, outputs int, err error) {
	if cfg, err = ConfigOf(v); err != nil {
		return cfg, "", 0, err
	}
	if err = cfg.Validate(); err != nil {
		return cfg, "", 0, err
	}
	loss, outputs, err = checkData(cfg, data)
	return cfg, loss, outputs, err
}

// widths lists the layer widths of the model: inputs, hidden units, outputs.
func (c Config) widths(inputs, outputs int) []int {
	return append(append([]int{inputs}, c.Hidden()...), outputs)
}

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
