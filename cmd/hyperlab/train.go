package main

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/hyperlab-go/hyperlab/history"
	"github.com/hyperlab-go/hyperlab/hparams"
	"github.com/hyperlab-go/hyperlab/plotting"
	"github.com/hyperlab-go/hyperlab/training"
)

func runTrain(ctx context.Context, c *cli, args []string, e *env) int {
	var noCache bool
	var seeds int
	var stack bool
	c.boolVar(&noCache, "no-cache", false, "train again even if --runs holds this run finished")
	c.intVar(&seeds, "seeds", 1, "train over N seeds (--seed, --seed+1, ...) and report mean ± s.d.; each seed is its own stored run")
	c.boolVar(&stack, "stack", training.StackByDefault, "with --seeds: train the seeds in one graph (several times faster for small models); --stack=false trains them one after the other")
	c.dataFlags("moons")
	c.storeFlags(defaultRuns, "write an HTML report of the run (loss per epoch, per-step loss) to this file")
	c.hyperFlags()
	if code, stop := c.parseArgs(args, e); stop {
		return code
	}
	r, err := c.oneRun()
	if err != nil {
		return fail(e, c.name, err)
	}
	v, data, source := r.values, r.data, r.source
	opts := []training.Option{}
	store, err := c.setup(1).Store(r.options)
	if err != nil {
		return fail(e, c.name, err)
	}
	if store != nil {
		opts = append(opts, training.Store(store))
		if noCache {
			opts = append(opts, training.NoCache())
		}
	}
	if seeds != 1 {
		if !stack {
			opts = append(opts, training.NoStack())
		}
		return trainSeeds(ctx, e, c, v, data, opts, seeds)
	}
	var reused bool
	opts = append(opts, training.Reused(&reused))
	p := newProgress(e.stdout)
	p.epochs[0], p.one = v.Int(training.ParamEpochs), true
	opts = append(opts, training.OnEpoch(func(ep history.Epoch) { p.epoch(0, ep) }))
	fmt.Fprintf(e.stdout, "Training on %s (%d training rows) with %s\n", c.dataset, data.Train.Len(), changedText(v))
	h, err := r.plan.Run(ctx, opts...)
	p.finish()
	if err != nil {
		return fail(e, c.name, err)
	}
	row := training.NewRow(0, training.RunID(v, data), v.Map(), h, 0)
	fmt.Fprintf(e.stdout, "Status: %s after %d epochs", h.Status, len(h.Epochs))
	if last, ok := h.Last(); ok {
		fmt.Fprintf(e.stdout, "; last epoch %s", epochSummary(last))
	}
	fmt.Fprintf(e.stdout, "; best loss %s at epoch %d; %d trainable parameters; run %s", history.Format(row.BestLoss), row.BestEpoch, h.Params(), row.ID)
	if reused {
		fmt.Fprint(e.stdout, ", read back from the run store")
	}
	fmt.Fprintln(e.stdout, ".")
	if h.Err != "" {
		fmt.Fprintf(e.stdout, "Reason: %s\n", h.Err)
	}
	if store != nil {
		fmt.Fprintf(e.stdout, "Run store: %s (hyperlab report --runs %s)\n", store.Root(), store.Root())
	}
	if c.out != "" {
		page := &plotting.Page{Title: "hyperlab train", Source: source}
		page.Text(fmt.Sprintf("%s on %s: %s after %d epochs.", row.ID, c.dataset, h.Status, len(h.Epochs)))
		page.Chart(plotting.Loss(h, plotting.LossOptions{LogY: true}))
		page.Chart(plotting.StepLoss([]plotting.Run{{Label: row.ID, Values: v.Map(), History: h}}, plotting.StepOptions{}))
		page.Table(valuesTable(v))
		path, err := writePage(page, c.out)
		if err != nil {
			return fail(e, c.name, err)
		}
		fmt.Fprintf(e.stdout, "Report: %s\n", path)
	}
	if h.Status != history.Finished {
		fmt.Fprintf(e.stderr, "hyperlab train: the run %s (exit code 1).\n", h.Status)
		return exitFailure
	}
	return exitOK
}

// changedText lists the hyperparameters that differ from the defaults.
func changedText(v hparams.Values) string {
	names := v.Changed()
	if len(names) == 0 {
		return "the default hyperparameters"
	}
	return strings.Join(hparams.Pairs(v.Map(), names), " ")
}

// valuesTable lists the hyperparameters of a run, sorted by name.
func valuesTable(v hparams.Values) plotting.Table {
	m := v.Map()
	names := make([]string, 0, len(m))
	for n := range m {
		names = append(names, n)
	}
	sort.Strings(names)
	t := plotting.Table{Caption: "Hyperparameters", Header: []string{"name", "value"}}
	for _, n := range names {
		t.Rows = append(t.Rows, []string{n, hparams.Format(m[n])})
	}
	return t
}
