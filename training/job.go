package training

import (
	"context"
	"slices"

	"github.com/gomlx/gomlx/backends"
	"github.com/hyperlab-go/hyperlab/history"
	"github.com/hyperlab-go/hyperlab/runstore"
)

// job is one call of Plan.Run.
type job struct {
	ctx context.Context
	p   *Plan
	o   *options
	w   *runstore.Writer // set by runStored
}

// run trains, filling the History, the store writer and the artifacts.
func (j *job) run() (*history.History, error) {
	p := j.p
	h := &history.History{Status: history.Running, Layers: slices.Clone(p.Layers)}
	fail := func(err error) (*history.History, error) {
		err = prefixed(err)
		h.Status, h.Err = history.Failed, err.Error()
		if j.w != nil {
			_ = j.w.Finish(h)
		}
		return h, err
	}
	m, err := p.newModel(j.o.backend)
	if err != nil {
		return fail(err)
	}
	if err := j.artifactsBefore(m); err != nil {
		return fail(err)
	}
	l := &loop{m: m, cfg: p.Config, train: p.Data.Train, val: p.Data.Validation, o: j.o, h: h, w: j.w}
	if err := guard("training", func() error { return l.run(j.ctx) }); err != nil {
		return fail(err)
	}
	if h.Status != history.Cancelled { // an interrupted cell wants control back now
		if err := j.artifactsAfter(m); err != nil {
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

// newModel builds and initialises the plan's model on backend, or on the
// shared backend for its shape when backend is nil.
func (p *Plan) newModel(backend backends.Backend) (*model, error) {
	if backend == nil {
		var err error
		if backend, err = defaultBackend(p.Config.BatchSize, p.widths()...); err != nil {
			return nil, err
		}
	}
	var m *model
	err := guard("building the model", func() error {
		var err error
		m, err = newModel(backend, p.Config, p.Data.Train.Task, p.Loss, p.Features, p.Outputs, p.Values.GoMLXParams())
		if err != nil {
			return err
		}
		return m.init()
	})
	return m, err
}
