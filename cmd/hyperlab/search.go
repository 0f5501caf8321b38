package main

import (
	"strings"

	"github.com/hyperlab-go/hyperlab/hparams"
	"github.com/hyperlab-go/hyperlab/training"
)

// buildSearch turns --search, --prune, --trials and --space into a Sweep
// whose trials a training.Search chooses.
func (a *sweepArgs) buildSearch(shard training.Shard) (*training.Sweep, error) {
	switch {
	case len(a.grid.names) > 0 || a.random != 0:
		return nil, usagef("--search chooses its own trials; drop --grid and --random")
	case a.halving > 0:
		return nil, usagef("--search prunes with --prune median; drop --halving")
	case a.seeds != 1:
		return nil, usagef("--search with --seeds is not supported; search with one seed, then train the best over seeds")
	case len(a.space) == 0:
		return nil, usagef("--search needs a space: give --space name=low:high (repeatable), such as --space learning_rate=1e-4:1")
	case a.searchN < 1:
		return nil, usagef("--trials=%d must be at least 1", a.searchN)
	}
	pruner := a.prune
	if pruner == "none" {
		pruner = training.PrunerNone
	}
	sr := &training.Search{Base: a.base, Space: a.space, Trials: a.searchN, Sampler: a.search, Pruner: pruner, Seed: a.searchSeed}
	// Check the space now, so a mistake is a usage error before any data loads.
	if err := training.CheckSearch(sr); err != nil {
		return nil, &usageError{oneSentence(err.Error())}
	}
	return &training.Sweep{Search: sr, Workers: a.parallel, Shard: shard}, nil
}

// trialLabeler names a trial by the hyperparameters that differ between
// trials: those of the grid (trialLabels), or a search's space.
func trialLabeler(sw *training.Sweep) func(training.TrialEvent) string {
	if sw.Search == nil {
		labels := trialLabels(sw.Trials)
		return func(ev training.TrialEvent) string { return labels[ev.Trial] }
	}
	names := make([]string, len(sw.Search.Space))
	for i, d := range sw.Search.Space {
		names[i] = d.Name
	}
	return func(ev training.TrialEvent) string {
		return strings.Join(hparams.Pairs(ev.Values.Map(), names), " ")
	}
}
