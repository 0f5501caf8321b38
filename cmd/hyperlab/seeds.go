package main

import (
	"context"
	"fmt"
	"io"

	"github.com/hyperlab-go/hyperlab/datasets"
	"github.com/hyperlab-go/hyperlab/history"
	"github.com/hyperlab-go/hyperlab/hparams"
	"github.com/hyperlab-go/hyperlab/training"
)

// trainSeeds is `hyperlab train --seeds N`: one run per seed (each reused
// from the store when there), a line per seed, then the group's numbers as
// mean ± s.d. Exits 1 when any seed diverged or failed.
func trainSeeds(ctx context.Context, e *env, c *cli, v hparams.Values, data datasets.Split, opts []training.Option, n int) int {
	if _, err := training.Seeds(v, n); err != nil {
		return fail(e, c.name, &usageError{err.Error()})
	}
	fmt.Fprintf(e.stdout, "Training on %s (%d training rows) over %d seeds with %s\n", c.dataset, data.Train.Len(), n, changedText(v))
	g, err := training.RunSeeds(ctx, v, n, data, opts...)
	if g != nil {
		for i, h := range g.Runs {
			line := fmt.Sprintf("seed %d: %s after %d epochs", g.Seeds[i], h.Status, len(h.Epochs))
			if last, ok := h.Last(); ok {
				line += "; last epoch " + epochSummary(last)
			}
			fmt.Fprintf(e.stdout, "%s; run %s.\n", line, g.IDs[i])
		}
	}
	if err != nil {
		return fail(e, c.name, err)
	}
	fmt.Fprintf(e.stdout, "Over %d seeds (mean ± s.d.): train loss %s, val loss %s", n,
		training.MeanSD(g.Final(history.TrainLoss)), training.MeanSD(g.Final(history.ValLoss)))
	if acc := g.Final(history.ValAccuracy); acc.N > 0 {
		fmt.Fprintf(e.stdout, ", val accuracy %s", training.MeanSD(acc))
	}
	if epoch, best, ok := g.Best(); ok {
		fmt.Fprintf(e.stdout, "; best epoch of the mean %d (loss %s)", epoch, training.MeanSD(best))
	}
	fmt.Fprintln(e.stdout, ".")
	for _, h := range g.Runs {
		if h.Status != history.Finished {
			fmt.Fprintf(e.stderr, "hyperlab train: a seed %s (exit code 1).\n", h.Status)
			return exitFailure
		}
	}
	return exitOK
}

// writeSeedGroups adds the mean ± s.d. table to a report whose store holds
// configurations trained over several seeds.
func writeSeedGroups(w io.Writer, res *training.Results) error {
	groups := res.Groups()
	if len(groups) == len(res.Rows) { // no configuration has more than one seed
		return nil
	}
	fmt.Fprintln(w, "\nConfigurations over their seeds (mean ± s.d.):")
	return res.WriteGroupsText(w)
}
