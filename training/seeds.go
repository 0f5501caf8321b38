package training

import (
	"context"
	"fmt"
	"math"

	"github.com/hyperlab-go/hyperlab/datasets"
	"github.com/hyperlab-go/hyperlab/history"
	"github.com/hyperlab-go/hyperlab/hparams"
)

// MaxSeeds bounds the seeds of one group: enough to tell a difference from
// noise, few enough that a mistyped count does not train for hours.
const MaxSeeds = 100

// Seeds returns v over n seeds: v's seed, then seed+1, …, seed+n−1. Each is
// its own run in a store (the seed is part of the run ID), so a group
// trained again reuses every seed already stored and trains only the rest.
func Seeds(v hparams.Values, n int) ([]hparams.Values, error) {
	if n < 1 || n > MaxSeeds {
		return nil, fmt.Errorf("training: seeds=%d; train a group over 1 to %d seeds", n, MaxSeeds)
	}
	if v.Spec() == nil {
		return nil, fmt.Errorf("training: Seeds got empty hyperparameters; start from training.Spec.Defaults()")
	}
	if _, ok := v.Spec().Lookup(ParamSeed); !ok {
		return nil, fmt.Errorf("training: the hyperparameters declare no %q; declare it to train over seeds", ParamSeed)
	}
	first := v.Int(ParamSeed)
	out := make([]hparams.Values, n)
	for i := range n {
		s, err := v.With(ParamSeed, first+i)
		if err != nil {
			return nil, fmt.Errorf("training: seed %d: %w", first+i, err)
		}
		out[i] = s
	}
	return out, nil
}

// SeedTrials expands every trial over n seeds, trial by trial (trial 0's
// seeds first), for a Sweep whose rows Results.Groups gathers again.
func SeedTrials(trials []hparams.Values, n int) ([]hparams.Values, error) {
	var out []hparams.Values
	for _, t := range trials {
		vs, err := Seeds(t, n)
		if err != nil {
			return nil, err
		}
		out = append(out, vs...)
	}
	return out, nil
}

// Group is one configuration trained over several seeds: one run per seed.
type Group struct {
	// Values is the configuration at its first seed.
	Values hparams.Values
	Seeds  []int
	IDs    []string // each seed's run ID (see RunID)
	Runs   []*history.History
}

// RunSeeds trains v over n seeds (see Seeds) with the same options, so a
// Store reuses each stored seed. The seeds train stacked in one graph (see
// RunStack) unless NoStack is given or the model is too large to gain
// from it; then one after the other with Run. A diverged seed is a result;
// an error stops the group and returns the seeds before it.
func RunSeeds(ctx context.Context, v hparams.Values, n int, data datasets.Split, opts ...Option) (*Group, error) {
	vs, err := Seeds(v, n)
	if err != nil {
		return nil, err
	}
	g := &Group{Values: v}
	add := func(sv hparams.Values, h *history.History) {
		g.Seeds = append(g.Seeds, sv.Int(ParamSeed))
		g.IDs = append(g.IDs, RunID(sv, data))
		g.Runs = append(g.Runs, h)
	}
	if newOptions(opts).stacking() {
		plans, err := NewPlans(vs, data)
		if err != nil {
			return g, err
		}
		os := make([][]Option, len(vs))
		for i := range os {
			os[i] = opts
		}
		hs, errs := RunPlans(ctx, plans, os)
		for i, sv := range vs {
			if errs[i] != nil {
				return g, errs[i]
			}
			add(sv, hs[i])
		}
		return g, nil
	}
	for _, sv := range vs {
		h, err := Run(ctx, sv, data, opts...)
		if err != nil {
			return g, err
		}
		add(sv, h)
	}
	return g, nil
}

// Curve is metric m per epoch over the group's seeds (mean, s.d., min, max).
func (g *Group) Curve(m history.Metric) history.Curve { return history.MeanCurve(g.Runs, m) }

// Best returns the best epoch of the seed mean of the validation loss (the
// training loss without a validation split) and its Stat, and false when no
// epoch has a finite mean. One seed's dip does not make a best epoch.
func (g *Group) Best() (epoch int, s history.Stat, ok bool) {
	c := g.Curve(history.ValLoss)
	i, ok := c.Best()
	if !ok {
		c = g.Curve(history.TrainLoss)
		if i, ok = c.Best(); !ok {
			return 0, history.Stat{}, false
		}
	}
	return c.Epochs[i], c.Stats[i], true
}

// Final returns metric m at each seed's last epoch, summarised.
func (g *Group) Final(m history.Metric) history.Stat {
	xs := make([]float64, len(g.Runs))
	for i, h := range g.Runs {
		xs[i] = nanIfNone(h, m)
	}
	return history.Summarize(xs)
}

func nanIfNone(h *history.History, m history.Metric) float64 {
	last, ok := h.Last()
	if !ok {
		return math.NaN()
	}
	return m.Of(last)
}
