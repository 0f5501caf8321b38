package training

import (
	"context"
	"fmt"
	"strings"

	"github.com/hyperlab-go/hyperlab/datasets"
	"github.com/hyperlab-go/hyperlab/history"
	"github.com/hyperlab-go/hyperlab/hparams"
	"github.com/hyperlab-go/hyperlab/runstore"
)

// job is one call of Run after its arguments were checked.
type job struct {
	ctx     context.Context
	v       hparams.Values
	cfg     Config
	data    datasets.Split
	loss    string
	outputs int
	o       *options
	w       *runstore.Writer // set by runStored
	dir     string           // the run's directory in the store
}

// run trains, filling the History, the store writer and the artifacts.
func (j *job) run() (*history.History, error) {
	tr := j.data.Train
	h := &history.History{Status: history.Running, Layers: j.cfg.Layers(tr.NumFeatures, j.outputs)}
	fail := func(err error) (*history.History, error) {
		if !strings.HasPrefix(err.Error(), "training: ") {
			err = fmt.Errorf("training: %w", err)
		}
		h.Status, h.Err = history.Failed, err.Error()
		if j.w != nil {
			_ = j.w.Finish(h)
		}
		return h, err
	}
	backend := j.o.backend
	if backend == nil {
		var err error
		if backend, err = defaultBackend(j.cfg.BatchSize, j.cfg.widths(tr.NumFeatures, j.outputs)...); err != nil {
			return fail(err)
		}
	}
	var m *model
	err := guard("building the model", func() error {
		var err error
		m, err = newModel(backend, j.cfg, tr.Task, j.loss, tr.NumFeatures, j.outputs, j.v.GoMLXParams())
		if err != nil {
			return err
		}
		return m.init()
	})
	if err != nil {
		return fail(err)
	}
	if j.o.weights != nil {
		if j.o.weights.Before, err = m.snapshot(); err != nil {
			return fail(err)
		}
	}
	l := &loop{m: m, cfg: j.cfg, train: tr, val: j.data.Validation, o: j.o, h: h, w: j.w}
	if err := guard("training", func() error { return l.run(j.ctx) }); err != nil {
		return fail(err)
	}
	if h.Status != history.Cancelled { // an interrupted cell wants control back now
		if err := j.artifacts(m); err != nil {
			return fail(err)
		}
	}
	if j.w != nil {
		if err := j.w.Finish(h); err != nil {
			return h, err
		}
	}
	return h, nil
}

// artifacts computes the decision boundary and the final weights when
// asked, and saves them in the run's directory with a store.
func (j *job) artifacts(m *model) error {
	if j.o.boundary != nil {
		err := guard("predicting the decision boundary", func() error {
			b, err := m.boundary(j.data.Train, j.o.steps)
			*j.o.boundary = b
			return err
		})
		if err != nil {
			return err
		}
		if err := j.saveJSON(boundaryFile, j.o.boundary); err != nil {
			return err
		}
	}
	if j.o.weights != nil {
		var err error
		if j.o.weights.After, err = m.snapshot(); err != nil {
			return err
		}
		if err := j.saveJSON(weightsFile, j.o.weights); err != nil {
			return err
		}
	}
	return nil
}
